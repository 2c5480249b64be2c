package com.marketopportunities.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Investment horizons: short (1-3 months), medium (6-12 months), long (2-3 years). */
public enum Horizon {
    SHORT("1-3 months"),
    MEDIUM("6-12 months"),
    LONG("2-3 years");

    private final String description;

    Horizon(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The lower-case name used in keys, URLs and JSON ({@code short|medium|long}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code short|medium|long}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Horizon parse(String text) {
        for (Horizon horizon : values()) {
            if (horizon.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return horizon;
            }
        }
        throw new IllegalArgumentException("unknown horizon '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Horizon::key).collect(Collectors.joining(", ")));
    }
}
