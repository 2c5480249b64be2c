package com.marketopportunities.sectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The blue chips that can fill each bucket, keyed by the bucket's proxy ETF, in preference
 * order. A bucket without an entry gets its ETF only.
 */
public record CandidateUniverse(Map<String, List<Candidate>> byEtf) {

    public CandidateUniverse {
        Map<String, List<Candidate>> copy = new LinkedHashMap<>();
        byEtf.forEach((etf, candidates) -> copy.put(etf.toUpperCase(Locale.ROOT), List.copyOf(candidates)));
        byEtf = Map.copyOf(copy);
    }

    /** The first {@code topN} candidates of the ETF's bucket (empty when none are listed). */
    public List<Candidate> candidates(String etf, int topN) {
        List<Candidate> all = byEtf.getOrDefault(etf.toUpperCase(Locale.ROOT), List.of());
        return all.subList(0, Math.min(Math.max(topN, 0), all.size()));
    }

    /** Every symbol of the universe with every proxy ETF: what warming the cache covers. */
    public List<String> allSymbols() {
        return byEtf.entrySet().stream()
                .flatMap(entry -> java.util.stream.Stream.concat(java.util.stream.Stream.of(entry.getKey()),
                        entry.getValue().stream().map(Candidate::symbol)))
                .distinct().toList();
    }
}
