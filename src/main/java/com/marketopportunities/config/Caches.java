package com.marketopportunities.config;

import com.marketopportunities.scorecache.CacheMetrics;
import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.store.RedisSharedStore;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.scorecache.TwoLevelScoreCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The caches of one process: the shared level (Redis when configured, else none), the score
 * cache over it, their meters, and the threads the market data asks the shared level on. Close it
 * last: it stops those threads and closes the Redis connection within a bounded time, even when
 * Redis is frozen.
 */
public record Caches(SharedStore shared, TwoLevelScoreCache scores, CacheMetrics metrics, ExecutorService sharedLookups)
        implements AutoCloseable {

    public static Caches open(Settings settings, Clock clock, MeterRegistry registry) {
        Settings.CacheSettings cache = settings.cache();
        SharedStore shared = cache.redis().enabled() ? new RedisSharedStore(cache.redis()) : new NoSharedStore();
        CacheMetrics metrics = new CacheMetrics(registry);
        metrics.watch(shared::status);
        return new Caches(shared, new TwoLevelScoreCache(shared, cache.localMaxEntries(), cache.ttl(),
                settings.scoring().modelVersion(), clock, metrics), metrics, Executors.newFixedThreadPool(8, runnable -> {
                    Thread thread = new Thread(runnable, "market-data-shared-cache");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    @Override
    public void close() {
        sharedLookups.shutdownNow();
        shared.close();
    }
}
