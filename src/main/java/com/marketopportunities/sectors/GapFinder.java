package com.marketopportunities.sectors;

import java.util.List;
import java.util.Map;

/**
 * Finds every bucket whose share is below its target by at least the minimum gap, in both
 * dimensions (SCANNER.md 1, EXPOSURE.md 4).
 */
public final class GapFinder {

    private final Taxonomy taxonomy;

    public GapFinder(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param allocations each dimension's equity value per bucket
     * @param minGapPct the smallest gap reported, in percent points (checked where the request enters)
     * @return the gaps in taxonomy order (the scan sorts them by score)
     */
    public List<BucketGap> gaps(Map<Dimension, Allocation> allocations, double minGapPct) {
        return taxonomy.buckets().stream()
                // a dimension with no equity at all has nothing to measure, not every bucket to fill
                .filter(bucket -> allocations.get(bucket.dimension()).total() > 0)
                .map(bucket -> {
                    double current = allocations.get(bucket.dimension()).pct(bucket.name());
                    return new BucketGap(bucket, current, bucket.targetPct(), bucket.targetPct() - current);
                })
                // a hair of tolerance so that 22.5 - 17.5 counts as a 5.0 gap despite binary rounding
                .filter(gap -> gap.gapPct() >= minGapPct - 1e-9)
                .toList();
    }
}
