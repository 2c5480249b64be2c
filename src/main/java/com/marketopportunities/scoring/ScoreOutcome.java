package com.marketopportunities.scoring;

/**
 * What scoring a symbol gave: a score, an expired score served because the upstream failed, or
 * the reason there is none (never a made-up 50).
 */
public sealed interface ScoreOutcome {

    String symbol();

    /** The score, when there is one (fresh or stale). */
    default java.util.Optional<SymbolScore> anyScore() {
        return java.util.Optional.empty();
    }

    record Scored(SymbolScore score) implements ScoreOutcome {
        @Override
        public String symbol() {
            return score.symbol();
        }

        @Override
        public java.util.Optional<SymbolScore> anyScore() {
            return java.util.Optional.of(score);
        }
    }

    /** A score past its fresh life, served because computing a new one failed upstream. */
    record Stale(SymbolScore score, java.time.Instant freshUntil) implements ScoreOutcome {
        @Override
        public String symbol() {
            return score.symbol();
        }

        @Override
        public java.util.Optional<SymbolScore> anyScore() {
            return java.util.Optional.of(score);
        }
    }

    /**
     * @param upstreamFailed whether the data source could not answer (a later try may succeed,
     *                       and an older score may stand in), as opposed to having no data
     */
    record Unscored(String symbol, String reason, boolean upstreamFailed) implements ScoreOutcome {
        public Unscored(String symbol, String reason) {
            this(symbol, reason, false);
        }
    }
}
