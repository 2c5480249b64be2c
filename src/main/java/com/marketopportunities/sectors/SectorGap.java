package com.marketopportunities.sectors;

/**
 * A bucket below its target by at least the minimum gap. Percentages are of the whole portfolio.
 *
 * @param gapPct  {@code targetPct - currentPct}
 */
public record SectorGap(Bucket bucket, double currentPct, double targetPct, double gapPct) {
}
