package com.marketopportunities.store;

/**
 * What an operator sees of the shared level.
 *
 * @param backend      "redis" or "none"
 * @param url          the server's URL with any password masked, or {@code null}
 * @param connected    whether the last command got an answer
 * @param breakerState CLOSED (in use), OPEN (skipped after failures), HALF_OPEN (probing)
 * @param lastError    the last failure, or {@code null}
 * @param errors       failed commands since start
 */
public record SharedStoreStatus(String backend, String url, boolean connected, String breakerState, String lastError,
                                long errors) {
}
