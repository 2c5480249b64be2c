package com.marketopportunities.scoring;

import com.marketopportunities.returns.ReturnStatistics;
import com.marketopportunities.scoring.ScoringSettings.DiversificationSettings;

/**
 * The diversification pillar (SCANNER.md 3): low annualized volatility scores high. It does not
 * depend on the portfolio, so it can be cached with the symbol's score.
 */
final class Diversification {

    private final ScoringSettings settings;
    private final DiversificationSettings scale;

    Diversification(ScoringSettings settings) {
        this.settings = settings;
        this.scale = settings.diversification();
    }

    /** Annualized volatility of the closes' daily returns, or {@code NaN} when too few bars. */
    double volatility(double[] closes) {
        double[] returns = ReturnStatistics.simpleReturns(closes);
        if (closes.length < settings.minBars() || returns.length < settings.minDailyReturns()) {
            return Double.NaN;
        }
        return ReturnStatistics.annualizedVolatility(returns, settings.tradingDaysPerYear());
    }

    double score(double volatility) {
        if (Double.isNaN(volatility)) {
            return 50;
        }
        double neutral = scale.neutralVolatility();
        return ScoreScale.clip(volatility <= neutral ? 50 + (neutral - volatility) * scale.pointsPerVolBelow()
                : 50 - (volatility - neutral) * scale.pointsPerVolAbove());
    }
}
