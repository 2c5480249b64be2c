package com.marketopportunities.plan;

/**
 * A bucket of either dimension with its target range (EXPOSURE.md 1), in percent of the equity value.
 *
 * @param dimension "sector" or "region"
 */
public record PlanBucket(String name, String dimension, double minPct, double maxPct) {

    public PlanBucket {
        if (!(minPct >= 0 && minPct <= maxPct && maxPct <= 100)) {
            throw new IllegalArgumentException(name + ": a range needs 0 <= min <= max <= 100, got " + minPct + "-" + maxPct);
        }
    }

    /** How far {@code pct} lies outside the range, in points: 0 inside it. */
    public double distance(double pct) {
        return pct < minPct ? minPct - pct : pct > maxPct ? pct - maxPct : 0;
    }
}
