package com.marketopportunities.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an operator sees of the shared level.
 *
 * @param backend      {@code redis} or {@code none}
 * @param url          the server's URL with any password masked, or {@code null}
 * @param connected    whether the last command got an answer
 * @param breakerState whether commands are sent: CLOSED (sent), OPEN (skipped after failures), HALF_OPEN (probing)
 * @param lastError    the last failure, or {@code null}
 * @param errors       failed commands since start
 */
public record SharedStoreStatus(Backend backend, String url, boolean connected, BreakerState breakerState,
                                String lastError, long errors) {

    /** What holds the shared level; in JSON {@code "redis"} or {@code "none"}. */
    public enum Backend {
        REDIS, NONE;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The circuit breaker in front of the shared level; in JSON its name. */
    public enum BreakerState { CLOSED, OPEN, HALF_OPEN }

    /**
     * The state in words, for people (JSON {@code summary}): whether the server answers, whether it
     * is used, and the errors since start, e.g. "connected, in use", "not connected, 179 errors",
     * "not connected, skipped after failures, 12 errors"; "not configured" without a shared level.
     * A closed breaker in front of a server that does not answer is not "in use".
     */
    @JsonProperty("summary")
    public String summary() {
        if (backend == Backend.NONE) {
            return "not configured";
        }
        List<String> words = new ArrayList<>();
        words.add(connected ? "connected" : "not connected");
        switch (breakerState) {
            case CLOSED -> {
                if (connected) {
                    words.add("in use");
                }
            }
            case OPEN -> words.add("skipped after failures");
            case HALF_OPEN -> words.add("probing after failures");
        }
        if (errors > 0) {
            words.add(errors + (errors == 1 ? " error" : " errors"));
        }
        return String.join(", ", words);
    }
}
