package com.marketopportunities.sectors;

/**
 * An allocation bucket with a target range: a GICS sector or a region.
 *
 * @param name      e.g. "Technology", "Europe"
 * @param dimension the dimension it belongs to: sector or region
 * @param minPct    lower end of the target range, in percent of the portfolio's equity value (15.0 = 15 %)
 * @param maxPct    upper end of the target range, in percent
 * @param proxyEtf  the ETF that stands for the bucket (e.g. XLK)
 */
public record Bucket(String name, Dimension dimension, double minPct, double maxPct, String proxyEtf) {

    public Bucket {
        if (name == null || name.isBlank() || proxyEtf == null || proxyEtf.isBlank()) {
            throw new IllegalArgumentException("a bucket needs a name and a proxy ETF");
        }
        if (minPct < 0 || maxPct > 100 || minPct > maxPct) {
            throw new IllegalArgumentException("bucket " + name + ": target range " + minPct + "-" + maxPct
                    + " is not within 0-100 with min <= max");
        }
    }

    /** The target: the midpoint of the range, in percent. */
    public double targetPct() {
        return (minPct + maxPct) / 2;
    }

    /** How far {@code pct} lies outside the range: negative below it, positive above it, 0 inside. */
    public double driftPct(double pct) {
        if (pct < minPct) {
            return pct - minPct;
        }
        return pct > maxPct ? pct - maxPct : 0;
    }
}
