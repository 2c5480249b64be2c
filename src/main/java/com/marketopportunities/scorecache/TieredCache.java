package com.marketopportunities.scorecache;

import com.marketopportunities.store.SharedStore;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two cache levels for one kind of value: a bounded in-process level (Caffeine) in front of the
 * shared level ({@link SharedStore}, Redis or none).
 *
 * <p>Reads look in process first and ask the shared level for the rest in one round trip; what
 * the shared level has is kept in process too. Writes go to both. Each entry is kept until its
 * own {@code keepUntil} instant, in both levels: an {@link Expiry} computed from the entry.
 * Thread-safe.
 *
 * @param <V> the cached value
 */
public final class TieredCache<V> {

    /** How a value is written to and read from the shared level. */
    public interface Codec<V> {
        String encode(V value);

        /** The value stored under {@code key}, or {@code null} when the text is unreadable. */
        V decode(String key, String text);
    }

    private final Cache<String, V> local;
    private final SharedStore shared;
    private final Codec<V> codec;
    private final java.util.function.Function<V, Instant> keepUntil;
    private final Clock clock;
    private final CacheMetrics metrics;

    /**
     * @param keepUntil when an entry may be dropped (for scores: fresh until, plus the stale grace)
     */
    public TieredCache(long maxLocalEntries, SharedStore shared, Codec<V> codec,
                       java.util.function.Function<V, Instant> keepUntil, Clock clock, CacheMetrics metrics) {
        this.shared = shared;
        this.codec = codec;
        this.keepUntil = keepUntil;
        this.clock = clock;
        this.metrics = metrics;
        this.local = Caffeine.newBuilder().maximumSize(maxLocalEntries)
                // Caffeine's time is the injected clock's, so that an entry goes when that clock passes keepUntil
                .ticker(ticker(clock))
                // each entry lives until its own keepUntil
                .expireAfter(Expiry.writing((String key, V value) -> {
                    Duration left = Duration.between(clock.instant(), keepUntil.apply(value));
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .removalListener((String key, V value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        metrics.eviction();
                    }
                })
                .build();
    }

    /** The entries of {@code keys} found in either level; at most one round trip to the shared level. */
    public Map<String, V> getAll(Collection<String> keys) {
        Map<String, V> found = new LinkedHashMap<>(local.getAllPresent(keys));
        List<String> missing = keys.stream().filter(key -> !found.containsKey(key)).distinct().toList();
        if (!missing.isEmpty()) {
            shared.getAll(missing).forEach((key, text) -> {
                V value = codec.decode(key, text);
                if (value != null && keepUntil.apply(value).isAfter(clock.instant())) {
                    local.put(key, value);
                    found.put(key, value);
                }
            });
        }
        return found;
    }

    /** Only the in-process level: what a read costs nothing to answer. */
    public V getLocal(String key) {
        return local.getIfPresent(key);
    }

    /** Writes to both levels; the shared level keeps the entry until its {@code keepUntil}. */
    public void put(String key, V value) {
        Duration ttl = Duration.between(clock.instant(), keepUntil.apply(value));
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        local.put(key, value);
        shared.putAll(Map.of(key, new SharedStore.TimedValue(codec.encode(value), ttl)));
        metrics.put();
    }

    /** Drops the entries matching the glob {@code pattern} from both levels; returns the larger of the two levels' counts. */
    public long clear(String pattern) {
        List<String> localKeys = localKeys(pattern);
        local.invalidateAll(localKeys);
        long sharedDeleted = shared.delete(pattern);
        return Math.max(sharedDeleted, localKeys.size());
    }

    /** The in-process keys matching the glob {@code pattern}, with Redis's glob semantics ({@link RedisGlob}). */
    public List<String> localKeys(String pattern) {
        RedisGlob glob = new RedisGlob(pattern);
        List<String> keys = new ArrayList<>();
        for (String key : local.asMap().keySet()) {
            if (glob.matches(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    public long localSize() {
        return local.estimatedSize();
    }

    /** Caffeine's time as the injected clock tells it, for entries that go when that clock passes their time. */
    static Ticker ticker(Clock clock) {
        return () -> nanosSinceEpoch(clock.instant());
    }

    private static long nanosSinceEpoch(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
