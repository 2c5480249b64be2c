package com.marketopportunities.sectors;

/**
 * A bucket below its target by at least the minimum gap. Percentages are of the portfolio's equity value (EXPOSURE.md 1).
 *
 * @param gapPct  {@code targetPct - currentPct}
 */
public record BucketGap(Bucket bucket, double currentPct, double targetPct, double gapPct) {
}
