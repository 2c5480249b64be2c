package com.marketopportunities.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The 0-100 scale every score lives on, and how scores and ratios are rounded for output. */
public final class ScoreScale {

    private ScoreScale() {
    }

    /** Bounds {@code x} to [0, 100]. */
    public static double clip(double x) {
        return Math.max(0, Math.min(100, x));
    }

    /**
     * Rounds half up on the exact binary value, to {@code decimals} places ({@code NaN} stays
     * {@code NaN}). Scores are rounded to 1 place at the very end, confidences to 2.
     */
    public static double round(double x, int decimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
