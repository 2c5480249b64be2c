package com.marketopportunities.marketdata;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps raw market data in process (DATA.md): a price history until the next market close,
 * fundamentals and profiles for a day, so that back-to-back scans do not refetch.
 *
 * <p>Concurrent requests for the same missing piece share one upstream request (single flight).
 * Yahoo's "no data for this symbol" is an answer and is kept like data; a failure to reach the
 * provider is not kept, so the next request tries again.
 */
public final class CachingMarketData implements MarketData {

    /** How long fundamentals and profiles are kept. */
    public static final Duration FUNDAMENTALS_TTL = Duration.ofDays(1);

    private final MarketData upstream;
    private final AsyncCache<Key, Object> cache;
    private final FetchObserver observer;

    public CachingMarketData(MarketData upstream, long maximumEntries, Clock clock) {
        this.upstream = upstream;
        this.cache = Caffeine.newBuilder().maximumSize(maximumEntries).expireAfter(new UntilStale(clock)).buildAsync();
        this.observer = FetchObserver.NONE;
    }

    private CachingMarketData(CachingMarketData shared, FetchObserver observer) {
        this.upstream = shared.upstream;
        this.cache = shared.cache;
        this.observer = observer;
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

    private CompletableFuture<Object> lookup(Key key,
                                             java.util.function.Function<MarketData, CompletableFuture<?>> fetch) {
        AtomicBoolean missed = new AtomicBoolean();
        // the loader never fails: a failure is kept as a value, so that the cache can tell the
        // lasting ones (no data) from the passing ones (evicted at once)
        CompletableFuture<Object> entry = cache.get(key, (k, executor) -> {
            missed.set(true);
            return fetch.apply(upstream.observedBy(observer))
                    .handle((value, error) -> value != null ? value : new Failure(unwrap(error)));
        });
        if (missed.get()) {
            observer.cacheMiss();
        } else {
            observer.cacheHit();
        }
        return entry.thenCompose(value -> {
            if (value instanceof Failure failure) {
                if (!(failure.error() instanceof NoDataException)) {
                    cache.asMap().remove(key, entry);
                }
                return CompletableFuture.failedFuture(failure.error());
            }
            return CompletableFuture.completedFuture(value);
        });
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

    /** Histories expire at the next market close, fundamentals after a day. */
    private record UntilStale(Clock clock) implements Expiry<Key, Object> {
        @Override
        public long expireAfterCreate(Key key, Object value, long currentTime) {
            Duration ttl = key.isHistory()
                    ? Duration.between(clock.instant(), MarketHours.nextClose(clock.instant()))
                    : FUNDAMENTALS_TTL;
            return ttl.toNanos();
        }

        @Override
        public long expireAfterUpdate(Key key, Object value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, Object value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
