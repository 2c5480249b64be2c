package com.marketopportunities.scan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whose score an opportunity shows; written in JSON as {@code "symbol"}, {@code "sector"} or {@code "none"}. */
public enum ScoreSource {
    /** Its own score. */
    SYMBOL,
    /** An unscored stock shown with its gap ETF's score, never with a made-up number. */
    SECTOR,
    /** Neither it nor its gap ETF could be scored. */
    NONE;

    /** The lower-case name used in JSON. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
