package com.marketopportunities.benchmark.harness;

import com.marketopportunities.json.JsonFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What one scan request came back with, as the client saw it.
 *
 * @param status       the HTTP status, 0 when no answer came
 * @param millis       wall time from sending the request to the last byte of the answer
 * @param stats        the answer's {@code stats} (counts of this scan alone); zeros without an answer
 * @param scores       the scores the answer carries, or {@code null} without a 200
 * @param failure      why the scan failed, or {@code null}
 */
record ScanOutcome(int status, double millis, ScanStats stats, ScoreFingerprint scores, String failure) {

    /** The counts of {@code stats} in a scan answer (API.md). */
    record ScanStats(long durationMs, long cacheHits, long cacheMisses, long staleServed, long upstreamCalls,
                     long marketDataHits, long marketDataMisses) {

        static final ScanStats NONE = new ScanStats(0, 0, 0, 0, 0, 0, 0);

        static ScanStats of(JsonNode stats) {
            return new ScanStats(stats.path("duration_ms").asLong(), stats.path("cache_hits").asLong(),
                    stats.path("cache_misses").asLong(), stats.path("stale_served").asLong(),
                    stats.path("upstream_calls").asLong(), stats.path("market_data_hits").asLong(),
                    stats.path("market_data_misses").asLong());
        }

        /** Score lookups answered by a cache level, in percent; 0 when the scan looked nothing up. */
        double scoreHitRatePct() {
            long lookups = cacheHits + cacheMisses;
            return lookups == 0 ? 0 : 100.0 * cacheHits / lookups;
        }
    }

    static ScanOutcome of(int status, double millis, String body) {
        if (status != 200) {
            return new ScanOutcome(status, millis, ScanStats.NONE, null,
                    "HTTP " + status + ": " + body.substring(0, Math.min(300, body.length())));
        }
        try {
            JsonNode report = JsonFormat.mapper().readTree(body);
            return new ScanOutcome(status, millis, ScanStats.of(report.path("stats")), ScoreFingerprint.of(report), null);
        } catch (JacksonException e) {
            return new ScanOutcome(status, millis, ScanStats.NONE, null, "unreadable answer: " + e.getOriginalMessage());
        }
    }

    static ScanOutcome failed(double millis, String failure) {
        return new ScanOutcome(0, millis, ScanStats.NONE, null, failure);
    }

    boolean ok() {
        return failure == null;
    }
}
