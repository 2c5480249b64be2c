package com.marketopportunities.sectors;

import java.util.List;

/** Finds every bucket whose share is below its target by at least the minimum gap (SCANNER.md 1). */
public final class GapFinder {

    private final Taxonomy taxonomy;

    public GapFinder(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param minGapPct the smallest gap reported, in percent points (checked where the request enters)
     * @return the gaps in taxonomy order (the scan sorts them by score)
     */
    public List<SectorGap> gaps(Allocation allocation, double minGapPct) {
        return taxonomy.buckets().stream()
                .map(bucket -> {
                    double current = allocation.pct(bucket.name());
                    return new SectorGap(bucket, current, bucket.targetPct(), bucket.targetPct() - current);
                })
                // a hair of tolerance so that 22.5 - 17.5 counts as a 5.0 gap despite binary rounding
                .filter(gap -> gap.gapPct() >= minGapPct - 1e-9)
                .toList();
    }
}
