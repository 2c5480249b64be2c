package com.marketopportunities.sectors;

import com.marketopportunities.text.FoldedText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The blue chips that can fill each bucket, keyed by the bucket's proxy ETF, in preference
 * order. A bucket without an entry gets its ETF only.
 *
 * <p>A candidate may say its country and its sector, so that a scan knows them without asking the
 * provider. One company may stand under several ETFs (a sector and a region); its entries must not
 * name different countries, nor different sectors.
 *
 * @param byEtf proxy ETF -> its candidates; kept in the order given (a file's order when read)
 */
public record CandidateUniverse(Map<String, List<Candidate>> byEtf) {

    /**
     * @throws IllegalArgumentException naming the symbol when two of its entries name different
     *                                  countries or different sectors
     */
    public CandidateUniverse {
        Map<String, List<Candidate>> copy = new LinkedHashMap<>();
        byEtf.forEach((etf, candidates) -> copy.put(etf.toUpperCase(Locale.ROOT), List.copyOf(candidates)));
        byEtf = Collections.unmodifiableMap(copy);
        requireOneValuePerSymbol(byEtf, "country", Candidate::country);
        requireOneValuePerSymbol(byEtf, "sector", Candidate::sector);
    }

    /** The first {@code topN} candidates of the ETF's bucket (empty when none are listed). */
    public List<Candidate> candidates(String etf, int topN) {
        List<Candidate> all = byEtf.getOrDefault(etf.toUpperCase(Locale.ROOT), List.of());
        return all.subList(0, Math.min(Math.max(topN, 0), all.size()));
    }

    /** Every symbol of the universe with every proxy ETF: what warming the cache covers. */
    public List<String> allSymbols() {
        return byEtf.entrySet().stream()
                .flatMap(entry -> Stream.concat(Stream.of(entry.getKey()),
                        entry.getValue().stream().map(Candidate::symbol)))
                .distinct().toList();
    }

    /**
     * The country the universe gives the symbol (matched ignoring case), as Yahoo's
     * {@code assetProfile.country} writes it; empty when the symbol is not a candidate or its
     * entries do not say (the older {@code [symbol, name]} shape).
     */
    public Optional<String> countryOf(String symbol) {
        return entries(symbol).map(Candidate::country).filter(Objects::nonNull).findFirst();
    }

    /**
     * The symbol's sector (matched ignoring case): its entry's explicit sector, as the taxonomy's
     * bucket when the taxonomy knows the name (else as written); otherwise the bucket of the first
     * sector ETF (a {@link Dimension#SECTOR} bucket's proxy) it stands under, in the universe's
     * order. Empty when it is no candidate, or stands under region ETFs only without a sector.
     */
    public Optional<String> sectorOf(String symbol, Taxonomy taxonomy) {
        Optional<String> explicit = entries(symbol).map(Candidate::sector).filter(Objects::nonNull).findFirst();
        if (explicit.isPresent()) {
            return taxonomy.bucketOf(explicit.get(), Dimension.SECTOR).or(() -> explicit);
        }
        return byEtf.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(candidate -> same(candidate, symbol)))
                .flatMap(entry -> sectorBucket(entry.getKey(), taxonomy).stream())
                .map(Bucket::name)
                .findFirst();
    }

    /**
     * Checks that an explicit sector agrees with every sector ETF its symbol stands under: the
     * taxonomy must read it as that ETF's bucket.
     *
     * @throws IllegalArgumentException naming the symbol, the ETF, the sector written and the ETF's bucket
     */
    public void requireSectorsAgreeWith(Taxonomy taxonomy) {
        byEtf.forEach((etf, candidates) -> sectorBucket(etf, taxonomy).ifPresent(bucket -> {
            for (Candidate candidate : candidates) {
                // the sector of the symbol's entries, whichever ETF it is written under (they agree)
                entries(candidate.symbol()).map(Candidate::sector).filter(Objects::nonNull).findFirst()
                        .filter(sector -> !taxonomy.bucketOf(sector, Dimension.SECTOR).orElse("")
                                .equals(bucket.name()))
                        .ifPresent(sector -> {
                            throw new IllegalArgumentException(candidate.symbol() + " has the sector '" + sector
                                    + "' but stands under " + etf + ", the proxy of the sector '" + bucket.name() + "'");
                        });
            }
        }));
    }

    private Stream<Candidate> entries(String symbol) {
        if (symbol == null) {
            return Stream.empty();
        }
        return byEtf.values().stream().flatMap(List::stream).filter(candidate -> same(candidate, symbol));
    }

    private static boolean same(Candidate candidate, String symbol) {
        return candidate.symbol().trim().equalsIgnoreCase(symbol.trim());
    }

    private static Optional<Bucket> sectorBucket(String etf, Taxonomy taxonomy) {
        return taxonomy.buckets(Dimension.SECTOR).stream()
                .filter(bucket -> bucket.proxyEtf().equalsIgnoreCase(etf))
                .findFirst();
    }

    private static void requireOneValuePerSymbol(Map<String, List<Candidate>> byEtf, String what,
                                                 Function<Candidate, String> value) {
        Map<String, Map.Entry<String, String>> first = new LinkedHashMap<>();
        byEtf.forEach((etf, candidates) -> {
            for (Candidate candidate : candidates) {
                String text = value.apply(candidate);
                if (text == null) {
                    continue;
                }
                String symbol = candidate.symbol().trim().toUpperCase(Locale.ROOT);
                Map.Entry<String, String> seen = first.putIfAbsent(symbol, Map.entry(etf, text));
                if (seen != null && !FoldedText.fold(seen.getValue()).equals(FoldedText.fold(text))) {
                    throw new IllegalArgumentException(symbol + " has the " + what + " '" + seen.getValue()
                            + "' under " + seen.getKey() + " but '" + text + "' under " + etf);
                }
            }
        });
    }
}
