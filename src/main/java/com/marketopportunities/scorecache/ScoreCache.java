package com.marketopportunities.scorecache;

import com.marketopportunities.store.SharedStore;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The score cache (CACHE.md): scores per symbol and horizon, fresh for a time that follows the
 * symbol's volatility, then stale for a grace period in which they stand in only when the
 * upstream fails.
 *
 * <p>Thread-safe. Concurrent requests for the same missing score in one instance compute it once.
 * A cache that cannot reach its shared level behaves as an in-process cache; it never fails a
 * request and never makes one wait longer than the shared level's timeout.
 */
public interface ScoreCache {

    /** How a score was answered. */
    enum Source { HIT, MISS, STALE }

    /** A score outcome and where it came from. */
    record Served(ScoreOutcome outcome, Source source) {
    }

    /**
     * The scores of one scan. Each round of the scan announces the scores it is about to ask for
     * ({@link ScanLookup#prefetch}): those not in process are read from the shared level in one
     * round trip, and the lookup's {@link ScanLookup#score} calls for them cost no further round
     * trip, whether the shared level had them or not.
     */
    ScanLookup forScan(Horizon horizon, LocalDate asOf);

    /** The score lookups of one scan, for one horizon and date. */
    interface ScanLookup {
        /**
         * Brings the scores of {@code symbols} that are not in process yet, and were not read for
         * this scan before, from the shared level in one round trip. A lookup that announces nothing
         * reads each score as it is asked for.
         */
        default void prefetch(Collection<String> symbols) {
        }

        /** As {@link ScoreCache#score}, for this scan's horizon and date. */
        CompletableFuture<Served> score(String symbol, Supplier<CompletableFuture<ScoreOutcome>> compute);
    }

    /**
     * The symbol's score: the cached one when fresh (refreshed in the background when read near
     * the end of its fresh life); otherwise {@code compute}'s, stored for the next caller. When
     * {@code compute} fails for want of the upstream and a stale score is still held, the stale
     * score is served instead ({@link Source#STALE}).
     *
     * @param compute computes the score from market data; called at most once for concurrent
     *                callers of the same key
     */
    CompletableFuture<Served> score(String symbol, Horizon horizon, LocalDate asOf,
                                    Supplier<CompletableFuture<ScoreOutcome>> compute);

    /** Deletes the entries matching {@code pattern} in both levels; patterns outside the cache's namespaces are refused. */
    long clear(String pattern);

    /** Up to {@code limit} keys matching {@code pattern}, with their remaining TTL. */
    List<SharedStore.KeyTtl> keys(String pattern, int limit);

    /** A snapshot of what the cache holds and how it has done. */
    CacheStats stats();
}
