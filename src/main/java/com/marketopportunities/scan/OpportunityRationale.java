package com.marketopportunities.scan;

import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.sectors.BucketGap;
import com.marketopportunities.text.Sentences;

/** The one-line why of an opportunity, in words an investor reads. */
final class OpportunityRationale {

    private OpportunityRationale() {
    }

    static String explain(BucketGap gap, SymbolScore own, ScanReport.ShownScore shown, Double correlation,
                          ScoreOutcome outcome) {
        StringBuilder why = new StringBuilder(Sentences.format("Fills the %s gap (%.1f%% -> %.1f%%)",
                gap.bucket().name(), gap.currentPct(), gap.targetPct()));
        if (own != null) {
            why.append(Sentences.format("; %s at %.1f (momentum %.1f, value %s, diversification %.1f)",
                    own.reading().words(), own.compositeScore(), own.momentumScore(),
                    own.partial() ? "missing: fundamentals could not be fetched"
                            : Sentences.format("%.1f", own.valueScore()),
                    own.diversificationScore()));
            if (own.confidence() < 1) {
                why.append(Sentences.format("; short history, confidence %.2f", own.confidence()));
            }
        } else if (shown.scoreSource() == ScoreSource.SECTOR) {
            why.append(Sentences.format("; not scored (%s), shown with its sector ETF's %.1f (%s)",
                    reason(outcome), shown.score(), shown.reading().words()));
        } else {
            why.append("; not scored (").append(reason(outcome)).append(')');
        }
        if (correlation != null) {
            why.append(Sentences.format("; %s correlation to your portfolio (%.2f)",
                    correlation < 0.3 ? "low" : correlation < 0.7 ? "moderate" : "high", correlation));
        }
        return why.toString();
    }

    private static String reason(ScoreOutcome outcome) {
        return outcome instanceof ScoreOutcome.Unscored unscored ? unscored.reason() : "no score";
    }
}
