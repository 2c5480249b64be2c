package com.marketopportunities.scoring;

import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.scoring.ScoringSettings.ValueSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The value pillar (SCANNER.md 3): the mean of the P/E, PEG and dividend-yield components that
 * are available; 50 when none is.
 */
final class Value {

    private final ValueSettings scale;

    Value(ScoringSettings settings) {
        this.scale = settings.value();
    }

    double score(Fundamentals fundamentals) {
        List<Double> components = new ArrayList<>(3);
        Double pe = firstPositive(fundamentals.trailingPe(), fundamentals.forwardPe());
        if (pe != null) {
            components.add(ScoreScale.clip(pe <= scale.fairPe() ? 50 + (scale.fairPe() - pe) * scale.pointsPerPeBelow()
                    : 50 - (pe - scale.fairPe()) * scale.pointsPerPeAbove()));
        }
        Double peg = fundamentals.pegRatio();
        if (peg != null && peg > 0) {
            components.add(pegScore(peg));
        }
        Double dividendYield = fundamentals.dividendYield();
        if (dividendYield != null && dividendYield > 0) {
            // the yield is a fraction: 0.02 is 2 %, which scores 50
            components.add(ScoreScale.clip(dividendYield * 100 * scale.pointsPerYieldPct()));
        }
        return components.isEmpty() ? 50 : components.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double pegScore(double peg) {
        if (peg <= 1) {
            return 100;
        }
        if (peg <= 2) {
            return 100 - (peg - 1) * 50;
        }
        return 50 - Math.min((peg - 2) * 25, 50);
    }

    /** Trailing P/E, else forward P/E, whichever is present and positive first. */
    private static Double firstPositive(Double trailing, Double forward) {
        if (trailing != null && trailing > 0) {
            return trailing;
        }
        return forward != null && forward > 0 ? forward : null;
    }
}
