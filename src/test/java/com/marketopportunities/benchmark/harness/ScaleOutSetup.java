package com.marketopportunities.benchmark.harness;

import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import java.util.List;

/**
 * What every part of the scale-out phase starts its instances with and scans: the options, the Yahoo
 * stand-in, the portfolio and the management token. Its instances scan the portfolio at the medium
 * horizon on the options' as-of date.
 */
record ScaleOutSetup(HarnessOptions options, YahooStandIn yahoo, String portfolioCsv, String adminToken) {

    /** Scans that warm an instance before it is measured: the first fills its caches, the rest the JIT. */
    static final int WARM_UP_SCANS = 50;

    /** A new instance on {@code redisUrl} (blank: in process only), without a warm-up of its own. */
    ServiceInstance start(String name, String redisUrl) {
        return ServiceInstance.start(name, yahoo.baseUrl(), redisUrl, adminToken, false, null);
    }

    /** One scan of the portfolio. */
    ScanOutcome scan(ServiceInstance instance) {
        return instance.scan(portfolioCsv, "medium", options.asOf());
    }

    /** A new instance on {@code redisUrl} after {@link #WARM_UP_SCANS} scans of the portfolio. */
    ServiceInstance warmInstance(String name, String redisUrl) {
        ServiceInstance instance = start(name, redisUrl);
        for (int i = 0; i < WARM_UP_SCANS; i++) {
            ScanOutcome scan = scan(instance);
            if (!scan.ok()) {
                ScanRuns.closeQuietly(instance);
                throw new IllegalStateException(name + " does not scan: " + scan.failure());
            }
        }
        return instance;
    }

    /** A load of the portfolio's scans on {@code instances}, every answer checked against {@code baseline}. */
    LoadTest load(List<ServiceInstance> instances, ScoreFingerprint baseline) {
        return new LoadTest(instances, portfolioCsv, "medium", options.asOf(), baseline);
    }
}
