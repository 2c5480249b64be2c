package com.marketopportunities.scorecache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.store.SharedStoreStatus;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.SymbolScore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The score cache over a {@link TieredCache}: Caffeine in process, Redis (or nothing) shared.
 * Entries are kept until fresh-until plus the stale grace, in both levels; an entry of another
 * model version is a miss.
 */
public final class TwoLevelScoreCache implements ScoreCache {

    private static final Logger LOG = LoggerFactory.getLogger(TwoLevelScoreCache.class);

    private final TieredCache<CachedScore> cache;
    private final SharedStore shared;
    private final AdaptiveTtl ttl;
    private final String modelVersion;
    private final Clock clock;
    private final CacheMetrics metrics;
    /** The computations under way, one per key; each leaves as it ends (scores are kept in {@link #cache}). */
    private final AsyncCache<String, ScoreOutcome> inFlight = Caffeine.newBuilder().executor(Runnable::run).buildAsync();
    /**
     * The keys whose symbol was just scored to "no data" (not to an upstream failure): no instance
     * has a score of it to share, so a scan does not ask the shared level for it again for the
     * partial score's life (minutes). Without these, every warm scan read the keys of the
     * universe's symbols without data from Redis: one MGET, or one per hash slot on a Cluster.
     */
    private final Cache<String, Boolean> withoutData;
    private volatile Supplier<WarmUpProgress> warmUp = WarmUpProgress::idle;

    public TwoLevelScoreCache(SharedStore shared, long maxLocalEntries, AdaptiveTtl ttl, String modelVersion, Clock clock,
                              CacheMetrics metrics) {
        this.shared = shared;
        this.ttl = ttl;
        this.modelVersion = modelVersion;
        this.clock = clock;
        this.metrics = metrics;
        this.cache = new TieredCache<>(maxLocalEntries, shared, CachedScore.codec(),
                cached -> cached.freshUntil().plus(ttl.staleGrace()), clock, metrics);
        this.withoutData = Caffeine.newBuilder().maximumSize(maxLocalEntries).ticker(TieredCache.ticker(clock))
                .expireAfterWrite(ttl.partialTtl()).build();
    }

    /** Where the warm-up's progress is read from, for {@link #stats()}. */
    public void reportWarmUp(Supplier<WarmUpProgress> progress) {
        this.warmUp = progress;
    }

    @Override
    public ScanLookup forScan(Horizon horizon, LocalDate asOf) {
        // the keys this scan asked the shared level for, found or not: not asked again
        Set<String> checked = ConcurrentHashMap.newKeySet();
        return new ScanLookup() {
            @Override
            public void prefetch(Collection<String> symbols) {
                // only what is not in process: a warm scan asks the shared level for nothing
                List<String> keys = symbols.stream().map(symbol -> key(symbol, horizon, asOf)).distinct()
                        .filter(key -> mayBeShared(key) && checked.add(key)).toList();
                if (!keys.isEmpty()) {
                    cache.getAll(keys);
                }
            }

            @Override
            public CompletableFuture<Served> score(String symbol, Supplier<CompletableFuture<ScoreOutcome>> compute) {
                String key = key(symbol, horizon, asOf);
                // in process first (the prefetch put there what the shared level had, and another
                // scan may have stored it since); a key this scan asked the shared level for already
                // is not asked again
                CachedScore cached = cache.getLocal(key);
                if (cached == null && mayBeShared(key) && checked.add(key)) {
                    cached = cache.getAll(List.of(key)).get(key);
                }
                return serve(key, usable(cached), compute);
            }
        };
    }

    /** Whether the shared level may have a score the process has not: none in process, and not just found without data. */
    private boolean mayBeShared(String key) {
        return cache.getLocal(key) == null && withoutData.getIfPresent(key) == null;
    }

    @Override
    public CompletableFuture<Served> score(String symbol, Horizon horizon, LocalDate asOf,
                                           Supplier<CompletableFuture<ScoreOutcome>> compute) {
        String key = key(symbol, horizon, asOf);
        return serve(key, usable(cache.getAll(List.of(key)).get(key)), compute);
    }

    private CompletableFuture<Served> serve(String key, CachedScore cached,
                                            Supplier<CompletableFuture<ScoreOutcome>> compute) {
        Instant now = clock.instant();
        if (cached != null && cached.isFreshAt(now)) {
            metrics.hit();
            if (inRefreshWindow(cached, now)) {
                computeOnce(key, compute, true);
            }
            return CompletableFuture.completedFuture(new Served(new ScoreOutcome.Scored(cached.score()), Source.HIT));
        }
        return computeOnce(key, compute, false).thenApply(outcome -> {
            if (outcome instanceof ScoreOutcome.Unscored unscored && unscored.upstreamFailed() && cached != null) {
                metrics.staleServed();
                return new Served(new ScoreOutcome.Stale(cached.score(), cached.freshUntil()), Source.STALE);
            }
            // a symbol without data has no score to miss, as a scan's own stats count it
            if (outcome instanceof ScoreOutcome.Scored) {
                metrics.miss();
            }
            return new Served(outcome, Source.MISS);
        });
    }

    /**
     * Computes a key's score once for all concurrent callers, and stores a score it gets. The flight
     * is Caffeine's single flight: the first caller's future is entered under the key atomically, the
     * others get it. That caller looks in process once more before computing (unless it refreshes a
     * fresh entry on purpose): a computation that ended during its lookup has stored the score there.
     * The computation runs outside the map's lock; the flight leaves the map before its callers hear
     * the answer, whatever the computation does (completes, fails, or throws).
     */
    private CompletableFuture<ScoreOutcome> computeOnce(String key, Supplier<CompletableFuture<ScoreOutcome>> compute,
                                                        boolean refresh) {
        CompletableFuture<ScoreOutcome> mine = new CompletableFuture<>();
        CompletableFuture<ScoreOutcome> flight = inFlight.get(key, (k, executor) -> mine);
        if (flight != mine) {
            return flight;
        }
        CachedScore stored = refresh ? null : usable(cache.getLocal(key));
        if (stored != null && stored.isFreshAt(clock.instant())) {
            land(key, mine, new ScoreOutcome.Scored(stored.score()), null);
            return mine;
        }
        CompletableFuture<ScoreOutcome> computing;
        try {
            computing = compute.get();
        } catch (RuntimeException e) {
            computing = CompletableFuture.failedFuture(e);
        } catch (Error e) {
            land(key, mine, null, e);
            throw e;
        }
        computing.whenComplete((outcome, error) -> {
            try {
                if (outcome instanceof ScoreOutcome.Scored scored) {
                    store(key, scored.score());
                } else if (outcome instanceof ScoreOutcome.Unscored unscored && !unscored.upstreamFailed()) {
                    withoutData.put(key, Boolean.TRUE);
                }
            } catch (RuntimeException e) {
                LOG.warn("score {} computed but not cached: {}", key, e.toString());
            } finally {
                land(key, mine, outcome, error);
            }
        });
        return mine;
    }

    /** Ends a flight: out of the map first, so that a caller hearing the answer never joins it again. */
    private void land(String key, CompletableFuture<ScoreOutcome> flight, ScoreOutcome outcome, Throwable error) {
        inFlight.asMap().remove(key, flight);
        if (error != null) {
            flight.completeExceptionally(error);
        } else {
            flight.complete(outcome);
        }
    }

    private void store(String key, SymbolScore score) {
        Duration fresh = ttl.freshFor(score);
        cache.put(key, new CachedScore(score, clock.instant().plus(fresh)));
    }

    /** A cached score of this model, or {@code null} (another model's score is a miss). */
    private CachedScore usable(CachedScore cached) {
        return cached != null && modelVersion.equals(cached.score().modelVersion()) ? cached : null;
    }

    private boolean inRefreshWindow(CachedScore cached, Instant now) {
        Duration fresh = ttl.freshFor(cached.score());
        Duration left = Duration.between(now, cached.freshUntil());
        return left.toMillis() < fresh.toMillis() * ttl.refreshAhead();
    }

    private String key(String symbol, Horizon horizon, LocalDate asOf) {
        return ScoreKeys.score(symbol, horizon, asOf, asOf.equals(LocalDate.now(clock)));
    }

    @Override
    public long clear(String pattern) {
        long cleared = cache.clear(ScoreKeys.checkedPattern(pattern));
        withoutData.invalidateAll();
        LOG.info("cache clear {}: {} entries", pattern, cleared);
        return cleared;
    }

    @Override
    public List<SharedStore.KeyTtl> keys(String pattern, int limit) {
        ScoreKeys.checkedPattern(pattern);
        if (!shared.isShared()) {
            return cache.localKeys(pattern).stream().limit(limit).map(key -> new SharedStore.KeyTtl(key, null)).toList();
        }
        return shared.keys(pattern, limit);
    }

    @Override
    public CacheStats stats() {
        SharedStoreStatus redis = shared.status();
        boolean withRedis = shared.isShared();
        String pattern = ScoreKeys.SCORE_NAMESPACE + "*";
        OptionalLong counted = withRedis ? shared.count(pattern) : OptionalLong.empty();
        Long sharedKeys = counted.isPresent() ? counted.getAsLong() : null;
        // without a shared level, or with one that does not answer, the keys to show are the ones in process
        List<String> inProcess = cache.localKeys(pattern);
        long total = sharedKeys != null ? sharedKeys : inProcess.size();
        List<String> sample = sharedKeys != null
                ? shared.keys(pattern, 5).stream().map(SharedStore.KeyTtl::key).collect(Collectors.toList())
                : inProcess.stream().limit(5).toList();
        long hits = (long) metrics.hitCount();
        long misses = (long) metrics.missCount();
        return new CacheStats(true, withRedis ? CacheStats.Backends.REDIS_AND_MEMORY : CacheStats.Backends.MEMORY, redis,
                total, cache.localSize(),
                ttl.normalTtl().toSeconds(), ttl.normalTtl().toMinutes() / 60.0, sample, hits, misses,
                hits + misses == 0 ? 0 : (double) hits / (hits + misses), (long) metrics.staleCount(), redis.errors(),
                (long) metrics.evictionCount(), warmUp.get(), sharedKeys);
    }
}
