package com.marketopportunities.scan;

import java.util.Locale;

/**
 * The numbers a user chooses for one scan, each with the one range it must fall in. Requests are
 * checked here, once, where the value enters; the configuration's defaults use the same ranges.
 * Each door names a parameter as its users type it ({@code --min-gap}, {@code min_gap_pct}).
 */
public enum ScanParameter {

    /** The smallest gap reported, in percent points. */
    MIN_GAP(0, 50, "percent points"),
    /** Blue chips per gap besides its ETF. */
    TOP_N(0, 20, "blue chips per gap");

    private final double min;
    private final double max;
    private final String unit;

    ScanParameter(double min, double max, String unit) {
        this.min = min;
        this.max = max;
        this.unit = unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /**
     * @return {@code value}
     * @throws InvalidScanParameterException when it is outside the range (or not a number)
     */
    public double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new InvalidScanParameterException(this, String.format(Locale.ROOT,
                    "must be between %s and %s (%s), got %s", plain(min), plain(max), unit, plain(value)));
        }
        return value;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
