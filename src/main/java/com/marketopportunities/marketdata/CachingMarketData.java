package com.marketopportunities.marketdata;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.store.SharedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps raw market data (DATA.md) in process and, when there is one, in the shared level
 * ({@code market_data:{source}:history:...}, {@code market_data:{source}:fundamentals:v2:...} and
 * {@code market_data:{source}:profile:v1:...} keys in Redis): a price history until the next market
 * close, fundamentals for a day, a profile (sector, country, a fund's breakdown: slow to change)
 * for a week, so that a repeated scan, in any instance, does not refetch. A profile fetched brings
 * its fundamentals along, kept for their day.
 *
 * <p>Concurrent requests for the same missing piece share one upstream request (single flight).
 * Yahoo's "no data for this symbol" is an answer and is kept like data; a failure to reach the
 * provider is not kept, so the next request tries again. Histories and fundamentals are kept apart,
 * each in a cache of its own type bounded by {@code maximumEntries}.
 */
public final class CachingMarketData implements MarketData {

    /** How long fundamentals are kept. */
    public static final Duration FUNDAMENTALS_TTL = Duration.ofDays(1);

    /** How long a profile is kept: sectors, countries and a fund's holdings change slowly. */
    public static final Duration PROFILE_TTL = Duration.ofDays(7);

    /** Profiles' shared keys, with the version of their document. */
    static final String PROFILE_KEY = "profile:v1:";

    /**
     * Fundamentals' shared keys name the version of their document ({@code fundamentals:v2:{SYMBOL}}
     * since they carry the country and a fund's breakdown). Documents of an earlier version are then
     * never asked for, rather than read without those for the day they are kept, and expire on their
     * own; instances of both versions sharing one store keep apart.
     */
    static final String FUNDAMENTALS_KEY = "fundamentals:v2:";

    private final MarketData upstream;
    private final TwoLevels<HistoryKey, PriceHistory> histories;
    private final TwoLevels<String, Fundamentals> fundamentals;
    private final TwoLevels<String, Fundamentals> profiles;
    private final SharedStore sharedLevel;
    private final FetchObserver everyFetch;
    private final FetchObserver observer;
    /** The upstream as this view calls it: reporting to this view's observer and to {@link #everyFetch}. */
    private final MarketData observedUpstream;

    /** In process only: no shared level to ask, so no thread to ask it on. */
    public CachingMarketData(MarketData upstream, long maximumEntries, Clock clock) {
        this(upstream, "data", maximumEntries, new NoSharedStore(), FetchObserver.NONE, Runnable::run, clock);
    }

    /**
     * @param source        names the upstream in the shared keys ({@code market_data:{source}:...})
     * @param everyFetch    hears every fetch of every view of this cache (the process's meters), besides
     *                      the observer of the view that made it
     * @param sharedLookups where the shared level is asked for one piece (each ask blocks up to the
     *                      store's timeout); owned by the caller, who shuts it down after closing this
     */
    public CachingMarketData(MarketData upstream, String source, long maximumEntries, SharedStore sharedLevel,
                             FetchObserver everyFetch, Executor sharedLookups, Clock clock) {
        this.upstream = upstream;
        this.sharedLevel = sharedLevel;
        this.everyFetch = everyFetch;
        this.observer = FetchObserver.NONE;
        this.observedUpstream = upstream.observedBy(everyFetch);
        String prefix = "market_data:" + source + ":";
        // histories until the next market close, fundamentals for a day
        this.histories = new TwoLevels<>(maximumEntries, clock, sharedLevel, sharedLookups,
                () -> Duration.between(clock.instant(), MarketHours.nextClose(clock.instant())),
                key -> prefix + "history:" + key.symbol() + ":" + key.from() + ":" + key.to(),
                MarketDataJson::decodeHistory, MarketDataJson::encode);
        this.fundamentals = new TwoLevels<>(maximumEntries, clock, sharedLevel, sharedLookups, () -> FUNDAMENTALS_TTL,
                symbol -> prefix + FUNDAMENTALS_KEY + symbol, MarketDataJson::decodeFundamentals, MarketDataJson::encode);
        this.profiles = new TwoLevels<>(maximumEntries, clock, sharedLevel, sharedLookups, () -> PROFILE_TTL,
                symbol -> prefix + PROFILE_KEY + symbol, MarketDataJson::decodeFundamentals, MarketDataJson::encode);
    }

    private CachingMarketData(CachingMarketData shared, FetchObserver observer) {
        this.upstream = shared.upstream;
        this.histories = shared.histories;
        this.fundamentals = shared.fundamentals;
        this.profiles = shared.profiles;
        this.sharedLevel = shared.sharedLevel;
        this.everyFetch = shared.everyFetch;
        this.observer = observer;
        this.observedUpstream = upstream.observedBy(observer.and(everyFetch));
    }

    @Override
    public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
        return histories.lookup(new HistoryKey(symbol.toUpperCase(Locale.ROOT), from, to),
                () -> observedUpstream.history(symbol, from, to), observer);
    }

    @Override
    public CompletableFuture<Fundamentals> fundamentals(String symbol) {
        return fundamentals.lookup(symbol.toUpperCase(Locale.ROOT), () -> observedUpstream.fundamentals(symbol),
                observer);
    }

    /**
     * The profile from either level, else fetched; a profile fetched also keeps its fundamentals
     * (which it carries) for their day, so that asking for them next costs nothing.
     */
    @Override
    public CompletableFuture<Fundamentals> profile(String symbol) {
        String key = symbol.toUpperCase(Locale.ROOT);
        return profiles.lookup(key, () -> observedUpstream.profile(symbol).thenApply(profile -> {
            fundamentals.keep(key, new Fetched.Found<>(profile));
            return profile;
        }), observer);
    }

    /**
     * One MGET for the asked histories, fundamentals and profiles not yet in process (none when all
     * are); what neither level has is then announced to the upstream, which may gather it into fewer
     * requests.
     */
    @Override
    public void prefetch(Collection<String> symbolsForHistories, Collection<String> symbolsForFundamentals,
                         Collection<String> symbolsForProfiles, LocalDate from, LocalDate to) {
        if (sharedLevel.isShared()) {
            // shared key -> how its document is kept in process
            Map<String, Consumer<String>> wanted = new LinkedHashMap<>();
            symbolsForHistories.forEach(symbol -> histories.wantIfAbsent(
                    new HistoryKey(symbol.toUpperCase(Locale.ROOT), from, to), wanted));
            symbolsForFundamentals.forEach(symbol -> fundamentals.wantIfAbsent(symbol.toUpperCase(Locale.ROOT), wanted));
            symbolsForProfiles.forEach(symbol -> profiles.wantIfAbsent(symbol.toUpperCase(Locale.ROOT), wanted));
            if (!wanted.isEmpty()) {
                sharedLevel.getAll(wanted.keySet()).forEach((sharedKey, text) -> wanted.get(sharedKey).accept(text));
            }
        }
        upstream.prefetch(
                symbolsForHistories.stream().filter(symbol -> !histories.has(
                        new HistoryKey(symbol.toUpperCase(Locale.ROOT), from, to))).toList(),
                symbolsForFundamentals.stream().filter(symbol -> !fundamentals.has(symbol.toUpperCase(Locale.ROOT)))
                        .toList(),
                symbolsForProfiles.stream().filter(symbol -> !profiles.has(symbol.toUpperCase(Locale.ROOT))).toList(),
                from, to);
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
    public Optional<String> breakerState() {
        return upstream.breakerState();
    }

    private static long nanosSinceEpoch(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /** A history's key: its symbol and range. */
    private record HistoryKey(String symbol, LocalDate from, LocalDate to) {
    }

    /**
     * One kind of market data in both levels: its in-process cache, typed, how long it is kept, its
     * key and its JSON in the shared level. Shared by every view of the cache.
     *
     * @param <K> the key in process
     * @param <T> the data
     */
    private static final class TwoLevels<K, T> {

        private final AsyncCache<K, Fetched<T>> cache;
        private final SharedStore sharedLevel;
        private final Executor sharedLookups;
        private final Supplier<Duration> keptFor;
        private final Function<K, String> sharedKey;
        private final Function<String, Fetched<T>> decode;
        private final Function<T, String> encode;

        /**
         * @param keptFor   from now, how long an entry written now is kept, in both levels
         * @param sharedKey the key's name in the shared level
         * @param decode    a kept document, or {@code null} when unreadable or of another kind
         */
        TwoLevels(long maximumEntries, Clock clock, SharedStore sharedLevel, Executor sharedLookups,
                  Supplier<Duration> keptFor, Function<K, String> sharedKey, Function<String, Fetched<T>> decode,
                  Function<T, String> encode) {
            this.sharedLevel = sharedLevel;
            this.sharedLookups = sharedLookups;
            this.keptFor = keptFor;
            this.sharedKey = sharedKey;
            this.decode = decode;
            this.encode = encode;
            this.cache = Caffeine.newBuilder().maximumSize(maximumEntries)
                    // Caffeine's time is the injected clock's, the one the time to live is computed from
                    .ticker(() -> nanosSinceEpoch(clock.instant()))
                    .expireAfter(Expiry.writing((K key, Fetched<T> value) -> keptFor.get())).buildAsync();
        }

        /** The key's data from either level, else fetched (once for concurrent callers) and kept. */
        CompletableFuture<T> lookup(K key, Supplier<CompletableFuture<T>> fetch, FetchObserver observer) {
            AtomicBoolean wentUpstream = new AtomicBoolean();
            // the loader never fails: a failure is kept as a value, so that the cache can tell the
            // lasting ones (no data) from the passing ones (evicted at once)
            CompletableFuture<Fetched<T>> entry = cache.get(key, (k, executor) -> fromSharedLevel(k)
                    .thenCompose(kept -> {
                        if (kept != null) {
                            return CompletableFuture.completedFuture(kept);
                        }
                        wentUpstream.set(true);
                        return fetch.get().handle(Fetched::of).thenApply(fetched -> toSharedLevel(k, fetched));
                    }));
            return entry.thenCompose(fetched -> {
                // counted once the answer is known: from a cache level, or from the upstream
                if (wentUpstream.get()) {
                    observer.cacheMiss();
                } else {
                    observer.cacheHit();
                }
                if (!fetched.lasting()) {
                    cache.asMap().remove(key, entry);
                }
                return fetched.answer();
            });
        }

        /** Keeps {@code fetched} under the key in both levels, unless the process has the key already. */
        void keep(K key, Fetched<T> fetched) {
            if (cache.asMap().putIfAbsent(key, CompletableFuture.completedFuture(fetched)) == null) {
                toSharedLevel(key, fetched);
            }
        }

        /** Whether the process has the key, or is fetching it. */
        boolean has(K key) {
            return cache.getIfPresent(key) != null;
        }

        /** Adds the key to {@code wanted} unless it is in process already. */
        void wantIfAbsent(K key, Map<String, Consumer<String>> wanted) {
            if (cache.getIfPresent(key) == null) {
                wanted.put(sharedKey.apply(key), text -> {
                    Fetched<T> kept = decode.apply(text);
                    if (kept != null) {
                        cache.asMap().putIfAbsent(key, CompletableFuture.completedFuture(kept));
                    }
                });
            }
        }

        /** What the shared level keeps under the key (data or "no data"), or {@code null}. */
        private CompletableFuture<Fetched<T>> fromSharedLevel(K key) {
            if (!sharedLevel.isShared()) {
                return CompletableFuture.completedFuture(null);
            }
            String name = sharedKey.apply(key);
            return CompletableFuture.supplyAsync(() -> {
                String text = sharedLevel.getAll(List.of(name)).get(name);
                return text == null ? null : decode.apply(text);
            }, sharedLookups);
        }

        /** Keeps fetched data, or a "no data" answer, in the shared level; returns it unchanged. */
        private Fetched<T> toSharedLevel(K key, Fetched<T> fetched) {
            if (sharedLevel.isShared()) {
                fetched.document(encode).ifPresent(document -> sharedLevel.putAll(Map.of(sharedKey.apply(key),
                        new SharedStore.TimedValue(document, keptFor.get()))));
            }
            return fetched;
        }
    }
}
