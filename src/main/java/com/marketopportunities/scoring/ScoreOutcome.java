package com.marketopportunities.scoring;

/** What scoring a symbol gave: a score, or the reason there is none (never a made-up 50). */
public sealed interface ScoreOutcome {

    String symbol();

    record Scored(SymbolScore score) implements ScoreOutcome {
        @Override
        public String symbol() {
            return score.symbol();
        }
    }

    record Unscored(String symbol, String reason) implements ScoreOutcome {
    }
}
