package com.marketopportunities.scoring;

import java.time.LocalDate;

/**
 * The portfolio-independent score of one symbol for one horizon, as cached and reported.
 * Pillar and composite scores are 0-100 rounded to 1 decimal; confidence is 0-1 rounded to 2.
 *
 * <p>A {@linkplain #partial() partial} score is one whose fundamentals could not be had (the
 * provider failed, e.g. throttled, while the prices came): it has no value pillar, and its
 * composite is the mean of momentum and diversification under their horizon weights scaled to
 * add up to 1. A symbol whose provider truly has no fundamentals is not partial: its value pillar
 * follows the neutral rules of SCANNER.md 3.
 *
 * @param valueScore    the value pillar, or {@code null} when the score is partial (never a
 *                      stand-in number)
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
        Double valueScore,
        double diversificationScore,
        double compositeScore,
        double confidence,
        int dataPoints,
        Double volatility,
        LocalDate analysisDate,
        String modelVersion) {

    /** Whether the value pillar is missing because the fundamentals could not be fetched. */
    public boolean partial() {
        return valueScore == null;
    }

    /** How to read this score's composite. */
    public Reading reading() {
        return Reading.of(compositeScore);
    }
}
