package com.marketopportunities.scorecache;

import com.marketopportunities.scoring.SymbolScore;
import java.time.Duration;

/**
 * How long a score stays fresh, by its symbol's annualized volatility (CACHE.md): a volatile
 * stock's score ages fast. A partial score (its fundamentals could not be fetched) is fresh for
 * {@code partialTtl} only, minutes rather than hours, so that a full answer soon replaces it.
 * After that, the score is stale for {@code staleGrace}: not served as fresh, served only when the
 * upstream fails.
 *
 * @param highVolatility  from this volatility (0.40 = 40 %) a score is fresh for {@code shortTtl}
 * @param lowVolatility   up to this volatility a score is fresh for {@code longTtl}
 * @param partialTtl      the fresh life of a partial score, whatever its volatility
 * @param refreshAhead    share of the fresh life at its end in which a read refreshes the entry in
 *                        the background (0.2: the last fifth)
 */
public record AdaptiveTtl(double highVolatility, double lowVolatility, Duration shortTtl, Duration normalTtl,
                          Duration longTtl, Duration partialTtl, Duration staleGrace, double refreshAhead) {

    public static AdaptiveTtl defaults() {
        return new AdaptiveTtl(0.40, 0.20, Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
                Duration.ofMinutes(10), Duration.ofHours(24), 0.2);
    }

    /** The fresh life of this score: the partial TTL for a partial score, else by its volatility. */
    public Duration freshFor(SymbolScore score) {
        return score.partial() ? partialTtl : freshFor(score.volatility());
    }

    /** The fresh life of a full score of this volatility ({@code null}: unknown, the normal TTL). */
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
