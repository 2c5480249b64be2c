package com.marketopportunities.scoring;

import com.marketopportunities.returns.ReturnStatistics;
import com.marketopportunities.scoring.ScoringSettings.MomentumSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The momentum pillar (SCANNER.md 3): the mean of price momentum, RSI-14 and relative strength,
 * each where enough bars exist; 50 when none is.
 */
final class Momentum {

    private final ScoringSettings settings;
    private final MomentumSettings scale;

    Momentum(ScoringSettings settings) {
        this.settings = settings;
        this.scale = settings.momentum();
    }

    /**
     * @param closes     the symbol's closes in the window, oldest first
     * @param benchmark  the benchmark's closes in the same window (may be empty)
     * @param periodBars the horizon's price-momentum period
     */
    double score(double[] closes, double[] benchmark, int periodBars) {
        List<Double> components = new ArrayList<>(3);
        int bars = closes.length;
        if (bars >= settings.minBars()) {
            int p = Math.min(periodBars, bars);
            components.add(ScoreScale.clip(50 + ReturnStatistics.percentChange(closes, p) * scale.pointsPerReturnPct()));
        }
        if (bars >= settings.rsiPeriod() + 1) {
            double rsi = rsi(closes, settings.rsiPeriod());
            components.add(ScoreScale.clip(rsi < 50 ? 50 + (50 - rsi) * scale.rsiPointsPerUnit()
                    : 50 - (rsi - 50) * scale.rsiPointsPerUnit()));
        }
        int n = Math.min(bars, benchmark.length);
        if (n >= settings.minBars()) {
            double relative = ReturnStatistics.percentChange(closes, n) - ReturnStatistics.percentChange(benchmark, n);
            components.add(ScoreScale.clip(50 + relative * scale.pointsPerRelativePct()));
        }
        return components.isEmpty() ? 50 : components.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * Simple-average RSI over the last {@code period} daily changes: the mean of the up-moves
     * and of the down-moves (as magnitudes) over those changes; no losses gives 100.
     */
    static double rsi(double[] closes, int period) {
        double gains = 0;
        double losses = 0;
        for (int i = closes.length - period; i < closes.length; i++) {
            double change = closes[i] - closes[i - 1];
            if (change > 0) {
                gains += change;
            } else {
                losses -= change;
            }
        }
        double averageGain = gains / period;
        double averageLoss = losses / period;
        return averageLoss == 0 ? 100 : 100 - 100 / (1 + averageGain / averageLoss);
    }
}
