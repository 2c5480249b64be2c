package com.marketopportunities.marketdata;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.store.SharedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps raw market data (DATA.md) in process and, when there is one, in the shared level
 * ({@code market_data:...} keys in Redis): a price history until the next market close,
 * fundamentals and profiles for a day, so that a repeated scan, in any instance, does not refetch.
 *
 * <p>Concurrent requests for the same missing piece share one upstream request (single flight).
 * Yahoo's "no data for this symbol" is an answer and is kept like data; a failure to reach the
 * provider is not kept, so the next request tries again.
 */
public final class CachingMarketData implements MarketData {

    /** How long fundamentals and profiles are kept. */
    public static final Duration FUNDAMENTALS_TTL = Duration.ofDays(1);

    /** Where the shared level is asked (its calls block up to its timeout). */
    private static final java.util.concurrent.Executor SHARED_LOOKUPS = java.util.concurrent.Executors.newFixedThreadPool(
            8, runnable -> {
                Thread thread = new Thread(runnable, "market-data-shared-cache");
                thread.setDaemon(true);
                return thread;
            });

    private final MarketData upstream;
    private final AsyncCache<Key, Object> cache;
    private final SharedStore sharedLevel;
    private final String source;
    private final Clock clock;
    private final FetchObserver observer;
    /** The upstream as this view calls it: reporting to this view's observer and to the process's. */
    private final MarketData observedUpstream;
    private final FetchObserver everyFetch;

    /** In process only. */
    public CachingMarketData(MarketData upstream, long maximumEntries, Clock clock) {
        this(upstream, "data", maximumEntries, new NoSharedStore(), FetchObserver.NONE, clock);
    }

    /**
     * @param source     names the upstream in the shared keys ({@code market_data:{source}:...})
     * @param everyFetch hears every fetch of every view of this cache (the process's meters), besides
     *                   the observer of the view that made it
     */
    public CachingMarketData(MarketData upstream, String source, long maximumEntries, SharedStore sharedLevel,
                             FetchObserver everyFetch, Clock clock) {
        this.upstream = upstream;
        this.everyFetch = everyFetch;
        this.observedUpstream = upstream.observedBy(everyFetch);
        this.source = source;
        this.cache = Caffeine.newBuilder().maximumSize(maximumEntries)
                // Caffeine's time is the injected clock's, the one the time to live is computed from
                .ticker(() -> nanosSinceEpoch(clock.instant()))
                .expireAfter(Expiry.writing((Key key, Object value) -> ttl(key, clock))).buildAsync();
        this.sharedLevel = sharedLevel;
        this.clock = clock;
        this.observer = FetchObserver.NONE;
    }

    private CachingMarketData(CachingMarketData shared, FetchObserver observer) {
        this.upstream = shared.upstream;
        this.cache = shared.cache;
        this.sharedLevel = shared.sharedLevel;
        this.source = shared.source;
        this.clock = shared.clock;
        this.observer = observer;
        this.everyFetch = shared.everyFetch;
        this.observedUpstream = upstream.observedBy(observer.and(everyFetch));
    }

    @Override
    public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
        return lookup(new Key(symbol.toUpperCase(Locale.ROOT), from, to),
                source -> source.history(symbol, from, to)).thenApply(PriceHistory.class::cast);
    }

    @Override
    public CompletableFuture<Fundamentals> fundamentals(String symbol) {
        return lookup(new Key(symbol.toUpperCase(Locale.ROOT), null, null), source -> source.fundamentals(symbol))
                .thenApply(Fundamentals.class::cast);
    }

    /** One MGET for the asked histories and fundamentals not yet in process (none when all are). */
    @Override
    public void prefetch(java.util.Collection<String> histories, java.util.Collection<String> fundamentals,
                         LocalDate from, LocalDate to) {
        if (!sharedLevel.isShared()) {
            return;
        }
        java.util.List<Key> keys = new java.util.ArrayList<>();
        histories.forEach(symbol -> keys.add(new Key(symbol.toUpperCase(Locale.ROOT), from, to)));
        fundamentals.forEach(symbol -> keys.add(new Key(symbol.toUpperCase(Locale.ROOT), null, null)));
        java.util.Map<String, Key> wanted = new java.util.LinkedHashMap<>();
        for (Key key : keys) {
            if (cache.getIfPresent(key) == null) {
                wanted.put(sharedKey(key), key);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        sharedLevel.getAll(wanted.keySet()).forEach((sharedKey, text) -> {
            Object kept = MarketDataJson.decode(text);
            if (kept != null) {
                cache.asMap().putIfAbsent(wanted.get(sharedKey), CompletableFuture.completedFuture(
                        kept instanceof NoDataException noData ? new Failure(noData) : kept));
            }
        });
    }

    @Override
    public MarketData observedBy(FetchObserver newObserver) {
        return new CachingMarketData(this, newObserver);
    }

    @Override
    public String describe() {
        return upstream.describe();
    }

    @Override
    public void close() {
        upstream.close();
    }

    @Override
    public java.util.Optional<String> breakerState() {
        return upstream.breakerState();
    }

    private CompletableFuture<Object> lookup(Key key,
                                             java.util.function.Function<MarketData, CompletableFuture<?>> fetch) {
        AtomicBoolean wentUpstream = new AtomicBoolean();
        // the loader never fails: a failure is kept as a value, so that the cache can tell the
        // lasting ones (no data) from the passing ones (evicted at once)
        CompletableFuture<Object> entry = cache.get(key, (k, executor) -> fromSharedLevel(k)
                .thenCompose(kept -> {
                    if (kept != null) {
                        return CompletableFuture.completedFuture(kept instanceof NoDataException noData
                                ? new Failure(noData) : kept);
                    }
                    wentUpstream.set(true);
                    return fetch.apply(observedUpstream)
                            .handle((value, error) -> value != null ? value : new Failure(unwrap(error)))
                            .thenApply(value -> toSharedLevel(k, value));
                }));
        return entry.thenCompose(value -> {
            // counted once the answer is known: from a cache level, or from the upstream
            if (wentUpstream.get()) {
                observer.cacheMiss();
            } else {
                observer.cacheHit();
            }
            if (value instanceof Failure failure) {
                if (!(failure.error() instanceof NoDataException)) {
                    cache.asMap().remove(key, entry);
                }
                return CompletableFuture.failedFuture(failure.error());
            }
            return CompletableFuture.completedFuture(value);
        });
    }

    /** What the shared level keeps under the key (a value or a "no data"), or {@code null}. */
    private CompletableFuture<Object> fromSharedLevel(Key key) {
        if (!sharedLevel.isShared()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            String text = sharedLevel.getAll(java.util.List.of(sharedKey(key))).get(sharedKey(key));
            return text == null ? null : MarketDataJson.decode(text);
        }, SHARED_LOOKUPS);
    }

    /** Keeps a fetched value, or a "no data" answer, in the shared level; returns it unchanged. */
    private Object toSharedLevel(Key key, Object value) {
        Object kept = value instanceof Failure failure ? failure.error() : value;
        if (sharedLevel.isShared() && !(kept instanceof Throwable && !(kept instanceof NoDataException))) {
            Duration ttl = ttl(key, clock);
            sharedLevel.putAll(java.util.Map.of(sharedKey(key),
                    new SharedStore.TimedValue(MarketDataJson.encode(kept), ttl)));
        }
        return value;
    }

    /** {@code market_data:{source}:history:SYM:FROM:TO} or {@code market_data:{source}:fundamentals:SYM}. */
    private String sharedKey(Key key) {
        return "market_data:" + source + ":" + (key.isHistory() ? "history:" + key.symbol() + ":" + key.from() + ":"
                + key.to() : "fundamentals:" + key.symbol());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    /** A fetch that failed, kept in place of its value. */
    private record Failure(Throwable error) {
    }

    /** A history (with its range) or, with no dates, the fundamentals of a symbol. */
    private record Key(String symbol, LocalDate from, LocalDate to) {
        boolean isHistory() {
            return from != null;
        }
    }

    private static long nanosSinceEpoch(java.time.Instant instant) {
        return java.util.concurrent.TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /** Histories are kept until the next market close, fundamentals for a day. */
    private static Duration ttl(Key key, Clock clock) {
        return key.isHistory() ? Duration.between(clock.instant(), MarketHours.nextClose(clock.instant()))
                : FUNDAMENTALS_TTL;
    }
}
