package com.marketopportunities.benchmark.harness;

import java.util.List;

/**
 * One cold run on a {@link CacheBackend}: instance A's cold scan (caches emptied), then a new instance B's
 * first scan.
 *
 * @param coldTraffic  what the Yahoo stand-in answered during the cold scan
 * @param freshTraffic what it answered during B's first scan
 */
record ScaleOutRun(CacheBackend backend, ScanOutcome cold, UpstreamTraffic coldTraffic, ScanOutcome fresh,
                   UpstreamTraffic freshTraffic) {

    /** Score lookups of this portfolio's scan: the cold scan's hits and misses. */
    long scoreLookups() {
        return cold.stats().cacheHits() + cold.stats().cacheMisses();
    }

    /**
     * Whether B's first scan was fully warm: answered with {@code baseline}'s scores, every score a hit,
     * no upstream call by its own count nor in the stand-in's log.
     */
    boolean freshFullyWarm(ScoreFingerprint baseline) {
        ScanOutcome.ScanStats stats = fresh.stats();
        return fresh.ok() && baseline.equals(fresh.scores()) && stats.cacheMisses() == 0
                && stats.cacheHits() == scoreLookups() && stats.upstreamCalls() == 0 && freshTraffic.total() == 0;
    }

    /** Both answers of the run. */
    List<ScanOutcome> answers() {
        return List.of(cold, fresh);
    }
}
