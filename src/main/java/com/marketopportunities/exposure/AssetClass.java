package com.marketopportunities.exposure;

import java.util.Arrays;
import java.util.Optional;

/** What a holding's money is (EXPOSURE.md 1); only the Equity part has a sector and a region. */
public enum AssetClass {
    EQUITY("Equity"),
    FIXED_INCOME("Fixed Income"),
    COMMODITIES("Commodities"),
    CASH("Cash"),
    OTHER("Other");

    private final String label;

    AssetClass(String label) {
        this.label = label;
    }

    /** The name as the answer, the tables and the CSV folder's {@code funds.csv} write it. */
    public String label() {
        return label;
    }

    /** The asset class a label names, ignoring case ("Fixed Income", "fixed income"). */
    public static Optional<AssetClass> labelled(String label) {
        return Arrays.stream(values()).filter(value -> value.label.equalsIgnoreCase(label == null ? "" : label.trim()))
                .findFirst();
    }
}
