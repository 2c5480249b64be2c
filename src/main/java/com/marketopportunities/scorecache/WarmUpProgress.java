package com.marketopportunities.scorecache;

import java.time.Instant;

/**
 * Where the warm-up stands.
 *
 * @param state     "idle", "running", "done", "skipped (another instance holds the lock)", "failed: ..."
 * @param done      scores handled so far in the current or last run
 * @param total     scores the run covers
 * @param finishedAt end of the last run, or {@code null}
 */
public record WarmUpProgress(String state, int done, int total, Instant finishedAt) {

    public static WarmUpProgress idle() {
        return new WarmUpProgress("idle", 0, 0, null);
    }
}
