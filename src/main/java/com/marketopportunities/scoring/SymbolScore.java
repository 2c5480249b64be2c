package com.marketopportunities.scoring;

import java.time.LocalDate;

/**
 * The portfolio-independent score of one symbol for one horizon, as cached and reported.
 * Pillar and composite scores are 0-100 rounded to 1 decimal; confidence is 0-1 rounded to 2.
 *
 * @param dataPoints    daily bars in the horizon's window
 * @param volatility    annualized volatility of daily returns as a fraction (0.25 = 25 %), or
 *                      {@code null} when the window has too few bars
 * @param analysisDate  the as-of date the score was computed for
 * @param modelVersion  the scorer's {@link ScoringSettings#modelVersion()}
 */
public record SymbolScore(
        String symbol,
        Horizon horizon,
        double momentumScore,
        double valueScore,
        double diversificationScore,
        double compositeScore,
        double confidence,
        int dataPoints,
        Double volatility,
        LocalDate analysisDate,
        String modelVersion) {

    /** How to read this score's composite. */
    public Reading reading() {
        return Reading.of(compositeScore);
    }
}
