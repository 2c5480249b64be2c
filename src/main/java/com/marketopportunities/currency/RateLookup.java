package com.marketopportunities.currency;

import java.time.LocalDate;
import java.util.Objects;

/** How the search for a rate ended: with the rate, or with the pairs tried and why none gave one. */
public sealed interface RateLookup {

    /** The rate was found (maybe {@linkplain FxRate#isStale() stale}). */
    record Found(FxRate rate) implements RateLookup {
        public Found {
            Objects.requireNonNull(rate, "rate");
        }
    }

    /**
     * No pair gave a rate on or before the date.
     *
     * @param reason in plain words, naming each pair tried and what it lacked:
     *               {@code no SEK->CHF rate on or before 2022-12-05; tried SEKCHF=X (no data), ...}
     */
    record Missing(String from, String to, LocalDate asOf, String reason) implements RateLookup {
        public Missing {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
