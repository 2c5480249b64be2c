package com.marketopportunities.benchmark.harness;

/**
 * Where the instances of a scale-out measurement keep their scores: each its own memory, or a Redis
 * shared by all of them (one server, a Sentinel group, a Cluster); with one instance or two.
 *
 * @param key       a stable key for figure ids: {@code memory}, {@code redis}, {@code sentinel}, ...
 * @param name      for a person, e.g. "two instances on Cluster"
 * @param redisUrl  the instances' {@code redis-url}, "" for none (memory only)
 * @param instances how many instances the load is split across (the warm scans alternate between them)
 */
record CacheBackend(String key, String name, String redisUrl, int instances) {

    CacheBackend {
        if (instances < 1) {
            throw new IllegalArgumentException("a backend needs at least one instance: " + instances);
        }
    }

    /** Whether a new instance finds what another one computed. */
    boolean shared() {
        return !redisUrl.isBlank();
    }
}
