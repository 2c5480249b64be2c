package com.marketopportunities.store;

import com.fasterxml.jackson.annotation.JsonValue;
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
}
