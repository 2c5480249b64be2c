package com.marketopportunities.sectors;

import com.marketopportunities.text.FoldedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The allocation buckets of both dimensions with their target ranges (EXPOSURE.md 1), and how
 * providers and files write their names.
 *
 * @param buckets the buckets with targets, sectors then regions, in display order; names are
 *                unique across both dimensions
 * @param aliases a name as a provider or a file writes it -> bucket name ("Consumer Cyclical" ->
 *                "Consumer Discretionary", "US" -> "North America"); matched ignoring case,
 *                accents, spaces, underscores and punctuation. Every bucket's own name is one.
 */
public record Taxonomy(List<Bucket> buckets, Map<String, String> aliases) {

    /** The part of a holding's equity that no rule could put in a bucket of the dimension. */
    public static final String UNCLASSIFIED = "Unclassified";

    public Taxonomy {
        buckets = List.copyOf(buckets);
        if (buckets.stream().map(Bucket::name).distinct().count() != buckets.size()) {
            throw new IllegalArgumentException("bucket names must be unique across sectors and regions");
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        aliases.forEach((alias, bucket) -> normalized.put(FoldedText.fold(alias), bucket));
        for (Bucket bucket : buckets) {
            normalized.putIfAbsent(FoldedText.fold(bucket.name()), bucket.name());
        }
        aliases = Map.copyOf(normalized);
    }

    public Optional<Bucket> bucket(String name) {
        return buckets.stream().filter(bucket -> bucket.name().equals(name)).findFirst();
    }

    /** The buckets of one dimension, in display order. */
    public List<Bucket> buckets(Dimension dimension) {
        return buckets.stream().filter(bucket -> bucket.dimension() == dimension).toList();
    }

    /**
     * The bucket of {@code dimension} that a name means ("Consumer Cyclical", "consumer_cyclical",
     * "Health Care", "Europe", "north america"); empty when it means none of that dimension.
     */
    public Optional<String> bucketOf(String name, Dimension dimension) {
        String bucket = aliases.get(FoldedText.fold(name));
        return bucket(bucket).filter(found -> found.dimension() == dimension).map(Bucket::name);
    }
}
