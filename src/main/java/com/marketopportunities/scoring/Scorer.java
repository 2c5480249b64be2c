package com.marketopportunities.scoring;

import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;

/**
 * Scores one symbol for one horizon from its data. Pure: no I/O, thread-safe, the same inputs
 * give the same score.
 */
public interface Scorer {

    /**
     * @param history      the symbol's daily bars (any range; only the horizon's window up to
     *                     {@code asOf} is used)
     * @param benchmark    the benchmark's bars, or an empty history when it has none
     * @param fundamentals the symbol's fundamentals, or {@link Fundamentals#none(String)} when the
     *                     provider has none for it (its value pillar is then neutral, and the score
     *                     is complete)
     * @return {@link ScoreOutcome.Unscored} when the window holds no price at all
     */
    ScoreOutcome score(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                       PriceHistory benchmark, Fundamentals fundamentals);

    /**
     * Scores a symbol whose fundamentals could not be had (the provider failed, e.g. throttled,
     * while its prices came): a {@linkplain SymbolScore#partial() partial} score without a value
     * pillar, whose composite weighs the pillars it has. Not for a symbol the provider has no
     * fundamentals for: that one is {@link #score scored} with {@link Fundamentals#none(String)}.
     *
     * @return {@link ScoreOutcome.Unscored} when the window holds no price at all, or (with
     *         {@code upstreamFailed}) when the horizon weighs the value pillar alone
     */
    ScoreOutcome scoreWithoutFundamentals(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                                          PriceHistory benchmark);

    /** The version stamped on every score, so that scores of another model are not reused. */
    String modelVersion();
}
