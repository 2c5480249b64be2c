package com.marketopportunities.scorecache;

import com.fasterxml.jackson.annotation.JsonValue;
import com.marketopportunities.store.SharedStoreStatus;
import java.util.List;

/**
 * An immutable snapshot of the score cache, for operators (CACHE.md stats).
 *
 * @param backends    {@code memory} or {@code redis+memory}
 * @param totalKeys   score keys in the shared level; in this process when there is none, or when it
 *                    cannot be counted now ({@code sharedKeys} says which)
 * @param localKeys   entries in this process
 * @param ttlSeconds  the normal fresh TTL; high- and low-volatility scores get the others
 * @param sampleKeys  up to 5 keys
 * @param hitRate     hits / (hits + misses), 0 before any lookup
 * @param sharedKeys  score keys in the shared level, or {@code null} without one or when it does not
 *                    answer (then {@code totalKeys} counts the keys in this process)
 */
public record CacheStats(boolean enabled, Backends backends, SharedStoreStatus redis, long totalKeys, long localKeys,
                         long ttlSeconds, double ttlHours, List<String> sampleKeys, long hits, long misses,
                         double hitRate, long staleServed, long errors, long evictions, WarmUpProgress warmUp,
                         Long sharedKeys) {

    /** The cache's levels; in JSON (and CACHE.md) {@code memory} or {@code redis+memory}. */
    public enum Backends {
        MEMORY("memory"),
        REDIS_AND_MEMORY("redis+memory");

        private final String label;

        Backends(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }
}
