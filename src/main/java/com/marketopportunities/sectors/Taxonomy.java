package com.marketopportunities.sectors;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The allocation buckets with their target ranges, the ETFs whose bucket is known without a
 * lookup, and how provider and file sector names map onto bucket names.
 *
 * @param buckets          the buckets with targets, in display order
 * @param knownEtfs        ETF symbol -> bucket name (a bucket of {@code buckets}, or one without a
 *                         target such as "Diversified", "Commodities", "Fixed Income")
 * @param sectorAliases    sector name as a provider or a file writes it -> bucket name; matched
 *                         ignoring case, accents, spaces, underscores and punctuation
 */
public record Taxonomy(List<Bucket> buckets, Map<String, String> knownEtfs, Map<String, String> sectorAliases) {

    /** Bucket of positions whose sector maps to no bucket. */
    public static final String OTHER = "Other";
    /** Bucket of positions whose sector could not be looked up. */
    public static final String UNKNOWN = "Unknown";

    public Taxonomy {
        buckets = List.copyOf(buckets);
        Map<String, String> etfs = new LinkedHashMap<>();
        knownEtfs.forEach((symbol, bucket) -> etfs.put(symbol.toUpperCase(Locale.ROOT), bucket));
        for (Bucket bucket : buckets) {
            etfs.putIfAbsent(bucket.proxyEtf().toUpperCase(Locale.ROOT), bucket.name());
        }
        knownEtfs = Map.copyOf(etfs);
        Map<String, String> aliases = new LinkedHashMap<>();
        sectorAliases.forEach((alias, bucket) -> aliases.put(normalize(alias), bucket));
        for (Bucket bucket : buckets) {
            aliases.putIfAbsent(normalize(bucket.name()), bucket.name());
        }
        sectorAliases = Map.copyOf(aliases);
    }

    public Optional<Bucket> bucket(String name) {
        return buckets.stream().filter(bucket -> bucket.name().equals(name)).findFirst();
    }

    /** The bucket of a known ETF, if {@code symbol} is one. */
    public Optional<String> etfBucket(String symbol) {
        return Optional.ofNullable(knownEtfs.get(symbol.toUpperCase(Locale.ROOT)));
    }

    /**
     * The bucket a sector name means ("Consumer Cyclical", "consumer_cyclical", "Health Care",
     * "Information Technology", "Europe"), or {@link #OTHER} when it means none.
     */
    public String bucketOfSector(String sector) {
        return sectorAliases.getOrDefault(normalize(sector), OTHER);
    }

    /** Lower case, no accents, letters and digits only: "Consumer_Cyclical" and "consumer cyclical" agree. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
