package com.marketopportunities.scorecache;

import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.store.SharedStoreStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;

/**
 * The cache's Micrometer meters (CACHE.md): hits, misses, puts, evictions, stale serves, Redis
 * errors and breaker state, upstream calls.
 */
public final class CacheMetrics {

    private final MeterRegistry registry;
    private final Counter hits;
    private final Counter misses;
    private final Counter puts;
    private final Counter evictions;
    private final Counter staleServed;
    private final Counter upstreamCalls;

    public CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.hits = Counter.builder("score_cache.hits").description("scores answered from the cache").register(registry);
        this.misses = Counter.builder("score_cache.misses").description("scores not in the cache").register(registry);
        this.puts = Counter.builder("score_cache.puts").description("entries written to the cache").register(registry);
        this.evictions = Counter.builder("score_cache.evictions").description("in-process entries evicted for size")
                .register(registry);
        this.staleServed = Counter.builder("score_cache.stale_served")
                .description("expired scores served because the upstream failed").register(registry);
        this.upstreamCalls = Counter.builder("market_data.upstream_calls")
                .description("requests sent to the market-data provider").register(registry);
    }

    /** Meters nobody reads (tests, a command line that prints its own stats). */
    public static CacheMetrics unregistered() {
        return new CacheMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Reports the shared level's errors and breaker state (1 = open, 0.5 = half open, 0 = closed). */
    public void watch(Supplier<SharedStoreStatus> status) {
        registry.gauge("redis.errors", status, s -> s.get().errors());
        registry.gauge("redis.breaker.open", status, s -> switch (s.get().breakerState()) {
            case OPEN -> 1.0;
            case HALF_OPEN -> 0.5;
            case CLOSED -> 0.0;
        });
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void put() {
        puts.increment();
    }

    void eviction() {
        evictions.increment();
    }

    void staleServed() {
        staleServed.increment();
    }

    /** Counts every request the market data sends upstream, in every scan, warm-up or refresh. */
    public FetchObserver upstreamCalls() {
        return new FetchObserver() {
            @Override
            public void upstreamCall() {
                upstreamCalls.increment();
            }
        };
    }

    public double hitCount() {
        return hits.count();
    }

    public double missCount() {
        return misses.count();
    }

    public double staleCount() {
        return staleServed.count();
    }

    public double evictionCount() {
        return evictions.count();
    }
}
