package com.marketopportunities.scoring;

/**
 * How to read a composite score (SCANNER.md 4): the one place of its thresholds. The scan's
 * action, the rationale, the command line's tables and, through the JSON, the dashboard's colours
 * all follow it. Written in JSON as its name ({@code "STRONG_BUY"}, {@code "BUY"}, {@code "CONSIDER"},
 * {@code "AVOID"}).
 */
public enum Reading {
    /** 75 and above. */
    STRONG_BUY(75, "strong buy"),
    /** 60 to 75. */
    BUY(60, "buy"),
    /** 50 to 60: the lowest reading bought by default ({@code scan.min-buy-score}). */
    CONSIDER(50, "consider"),
    /** Below 50. */
    AVOID(Double.NEGATIVE_INFINITY, "avoid");

    private final double from;
    private final String words;

    Reading(double from, String words) {
        this.from = from;
        this.words = words;
    }

    /** The reading of a composite score 0-100, as reported (rounded to 1 decimal). */
    public static Reading of(double composite) {
        for (Reading reading : values()) {
            if (composite >= reading.from) {
                return reading;
            }
        }
        return AVOID;
    }

    /** The lowest composite score that reads this way (minus infinity for {@link #AVOID}). */
    public double from() {
        return from;
    }

    /** The reading as a person writes it: "strong buy", "buy", "consider", "avoid". */
    public String words() {
        return words;
    }
}
