package com.marketopportunities.benchmark.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cold and new-instance scans of the scale-out phase, {@code runs} rounds of one run per backend.
 * The backends take turns within a round, so that a busy moment of a shared machine falls on all of them
 * alike rather than on whichever was measured then. One run ({@link ScaleOutRun}):
 * <ol>
 *   <li>instance A starts on the backend and clears {@code stock_score:*} and {@code market_data:*}
 *       through the management API (on a Cluster, on every master); its cold scan;</li>
 *   <li>instance B starts on the same backend and scans once: from Redis, if the backend shares a cache;
 *       cold again on memory, which shares nothing.</li>
 * </ol>
 * The two-instance backend's runs are the one-instance runs again on the same Cluster: it differs in its
 * warm scans and its load ({@link ScaleOutPhase}).
 */
final class ScaleOutRuns {

    private final ScaleOutSetup setup;
    private final HarnessOptions options;

    ScaleOutRuns(ScaleOutSetup setup) {
        this.setup = setup;
        this.options = setup.options();
    }

    Map<CacheBackend, List<ScaleOutRun>> measure(List<CacheBackend> backends) {
        Map<CacheBackend, List<ScaleOutRun>> runs = new LinkedHashMap<>();
        backends.forEach(backend -> runs.put(backend, new ArrayList<>()));
        for (int round = 1; round <= options.runs(); round++) {
            for (CacheBackend backend : backends) {
                ScaleOutRun run = once(backend, round);
                runs.get(backend).add(run);
                System.err.printf(Locale.ROOT, "scale-out run %d/%d, %s: cold %.0f ms (%d upstream calls), new instance"
                                + " %.0f ms (%d of %d score hits, %d upstream calls)%n", round, options.runs(),
                        backend.name(), run.cold().millis(), run.cold().stats().upstreamCalls(), run.fresh().millis(),
                        run.fresh().stats().cacheHits(), run.scoreLookups(), run.fresh().stats().upstreamCalls());
            }
        }
        return runs;
    }

    private ScaleOutRun once(CacheBackend backend, int round) {
        ServiceInstance a = setup.start(backend.key() + "-A" + round, backend.redisUrl());
        ServiceInstance b = null;
        try {
            if (backend.shared()) {
                a.clear("stock_score:*");
                a.clear("market_data:*");
            }
            UpstreamTraffic.Mark mark = UpstreamTraffic.mark(setup.yahoo());
            ScanOutcome cold = setup.scan(a);
            UpstreamTraffic coldTraffic = mark.since();

            b = setup.start(backend.key() + "-B" + round, backend.redisUrl());
            mark = UpstreamTraffic.mark(setup.yahoo());
            ScanOutcome fresh = setup.scan(b);
            return new ScaleOutRun(backend, cold, coldTraffic, fresh, mark.since());
        } finally {
            ScanRuns.closeQuietly(b);
            ScanRuns.closeQuietly(a);
        }
    }
}
