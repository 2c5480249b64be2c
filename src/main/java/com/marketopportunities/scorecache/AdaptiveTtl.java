package com.marketopportunities.scorecache;

import java.time.Duration;

/**
 * How long a score stays fresh, by its symbol's annualized volatility (CACHE.md): a volatile
 * stock's score ages fast. After that, the score is stale for {@code staleGrace}: not served as
 * fresh, served only when the upstream fails.
 *
 * @param highVolatility  from this volatility (0.40 = 40 %) a score is fresh for {@code shortTtl}
 * @param lowVolatility   up to this volatility a score is fresh for {@code longTtl}
 * @param refreshAhead    share of the fresh life at its end in which a read refreshes the entry in
 *                        the background (0.2: the last fifth)
 */
public record AdaptiveTtl(double highVolatility, double lowVolatility, Duration shortTtl, Duration normalTtl,
                          Duration longTtl, Duration staleGrace, double refreshAhead) {

    public static AdaptiveTtl defaults() {
        return new AdaptiveTtl(0.40, 0.20, Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
                Duration.ofHours(24), 0.2);
    }

    /** The fresh life of a score of this volatility ({@code null}: unknown, the normal TTL). */
    public Duration freshFor(Double volatility) {
        if (volatility == null) {
            return normalTtl;
        }
        if (volatility >= highVolatility) {
            return shortTtl;
        }
        return volatility <= lowVolatility ? longTtl : normalTtl;
    }
}
