package com.marketopportunities.scorecache;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * Where the warm-up stands.
 *
 * @param phase      what the warm-up is doing or last did
 * @param done       scores handled so far in the current or last run
 * @param total      scores the run covers
 * @param failed     scores of the run that could not be warmed
 * @param error      why a {@link Phase#FAILED} run stopped, or {@code null}
 * @param finishedAt end of the last run, or {@code null}
 */
public record WarmUpProgress(Phase phase, int done, int total, int failed, String error, Instant finishedAt) {

    /** The warm-up's phases; in JSON their words. */
    public enum Phase {
        IDLE("idle"),
        RUNNING("running"),
        DONE("done"),
        /** The run did not start: another instance holds the warm-up lock. */
        SKIPPED_LOCKED("skipped: another instance is warming"),
        /** The run did not start: the shared level, where the lock is, does not answer. */
        SKIPPED_UNREACHABLE("skipped: Redis unreachable, the warm-up lock cannot be taken"),
        /** The instance is shutting down: the run stopped, nothing failed. */
        STOPPED("stopped"),
        FAILED("failed");

        private final String words;

        Phase(String words) {
            this.words = words;
        }

        @JsonValue
        public String words() {
            return words;
        }

        /** Whether the run did not start. */
        public boolean skipped() {
            return this == SKIPPED_LOCKED || this == SKIPPED_UNREACHABLE;
        }
    }

    public static WarmUpProgress idle() {
        return new WarmUpProgress(Phase.IDLE, 0, 0, 0, null, null);
    }

    /**
     * The phase in words, with what went wrong: "idle", "running", "done", "done, 2 failed",
     * "failed: ...", "skipped: another instance is warming", "skipped: Redis unreachable, ...", "stopped".
     */
    @JsonProperty("state")
    public String state() {
        if (phase == Phase.DONE && failed > 0) {
            return phase.words() + ", " + failed + " failed";
        }
        return phase == Phase.FAILED ? phase.words() + ": " + error : phase.words();
    }
}
