package com.marketopportunities.sectors;

import java.util.Locale;

/**
 * The two dimensions of a portfolio's equity value (EXPOSURE.md 1): each bucket of the taxonomy
 * belongs to one, and a holding's equity is spread over the buckets of each.
 */
public enum Dimension {
    SECTOR,
    REGION;

    /** The name as the taxonomy file and the answer write it: {@code sector}, {@code region}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
