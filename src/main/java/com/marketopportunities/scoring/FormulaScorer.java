package com.marketopportunities.scoring;

import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.scoring.ScoringSettings.HorizonSettings;
import java.time.LocalDate;
import java.util.Objects;

/** The scorer of SCANNER.md section 3: momentum, value and diversification, weighted by horizon. */
public final class FormulaScorer implements Scorer {

    private final ScoringSettings settings;
    private final Momentum momentum;
    private final Value value;
    private final Diversification diversification;
    private final String modelVersion;

    public FormulaScorer(ScoringSettings settings) {
        this.settings = settings;
        this.momentum = new Momentum(settings);
        this.value = new Value(settings);
        this.diversification = new Diversification(settings);
        this.modelVersion = settings.modelVersion();
    }

    @Override
    public ScoreOutcome score(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                              PriceHistory benchmark, Fundamentals fundamentals) {
        Objects.requireNonNull(fundamentals, "fundamentals (scoreWithoutFundamentals when they could not be had)");
        return scoreWithValue(symbol, horizon, asOf, history, benchmark, value.score(fundamentals));
    }

    @Override
    public ScoreOutcome scoreWithoutFundamentals(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                                                 PriceHistory benchmark) {
        return scoreWithValue(symbol, horizon, asOf, history, benchmark, null);
    }

    /** @param valueScore the unrounded value pillar, or {@code null} when the fundamentals could not be had */
    private ScoreOutcome scoreWithValue(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                                        PriceHistory benchmark, Double valueScore) {
        HorizonSettings window = settings.horizon(horizon);
        LocalDate from = settings.windowStart(horizon, asOf);
        double[] closes = history.closesBetween(from, asOf);
        if (closes.length == 0) {
            return new ScoreOutcome.Unscored(symbol, "no price data in the " + window.windowDays()
                    + " days up to " + asOf);
        }
        if (valueScore == null && window.momentumWeight() + window.diversificationWeight() <= 0) {
            return new ScoreOutcome.Unscored(symbol, "fundamentals could not be fetched, and the " + horizon.key()
                    + " horizon weighs the value pillar alone", true);
        }
        double momentumScore = momentum.score(closes, benchmark.closesBetween(from, asOf), window.momentumBars());
        double volatility = diversification.volatility(closes);
        double diversificationScore = diversification.score(volatility);
        double composite = valueScore == null
                ? withoutValue(window, momentumScore, diversificationScore)
                : window.momentumWeight() * momentumScore + window.valueWeight() * valueScore
                        + window.diversificationWeight() * diversificationScore;
        double confidence = Math.min(closes.length / (double) window.expectedBars(settings.tradingDaysPerYear()), 1);
        return new ScoreOutcome.Scored(new SymbolScore(symbol, horizon,
                ScoreScale.round(momentumScore, 1), valueScore == null ? null : ScoreScale.round(valueScore, 1),
                ScoreScale.round(diversificationScore, 1), ScoreScale.round(composite, 1),
                ScoreScale.round(confidence, 2), closes.length,
                Double.isNaN(volatility) ? null : volatility, asOf, modelVersion));
    }

    /** The composite of the pillars a partial score has: their weights scaled to add up to 1 again. */
    private static double withoutValue(HorizonSettings window, double momentumScore, double diversificationScore) {
        double weights = window.momentumWeight() + window.diversificationWeight();
        return (window.momentumWeight() * momentumScore + window.diversificationWeight() * diversificationScore)
                / weights;
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }
}
