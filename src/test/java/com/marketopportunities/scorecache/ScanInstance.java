package com.marketopportunities.scorecache;

import com.marketopportunities.store.SharedStore;
import com.marketopportunities.scan.ExampleMarket;

import com.marketopportunities.marketdata.CountingMarketData;

import com.marketopportunities.config.Caches;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CachingMarketData;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scoring.FormulaScorer;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One process of the service, assembled as {@code Application} does it but with a counting
 * upstream and scorer, over the {@link ExampleMarket} folder: the caches (with
 * Redis when a URL is given), the raw data cache over a counting CSV upstream, and a counting
 * scorer. Two instances on one Redis are two processes sharing it.
 */
final class ScanInstance implements AutoCloseable {

    final Caches caches;
    final CountingMarketData upstream;
    final CountingScorer scorer;
    final ScanService service;

    private ScanInstance(Caches caches, CountingMarketData upstream, CountingScorer scorer, ScanService service) {
        this.caches = caches;
        this.upstream = upstream;
        this.scorer = scorer;
        this.service = service;
    }

    /** @param redisUrl the shared level, or {@code null} for none */
    static ScanInstance open(String redisUrl, Path data, Clock clock) {
        return open(redisUrl, new CsvFolderMarketData(data), clock);
    }

    /** @param source the upstream provider, under the raw data cache */
    static ScanInstance open(String redisUrl, MarketData source, Clock clock) {
        Settings settings = Settings.defaults().withRedisUrl(redisUrl);
        Caches caches = Caches.open(settings, clock, new SimpleMeterRegistry());
        CountingMarketData upstream = new CountingMarketData(source);
        CachingMarketData marketData = new CachingMarketData(upstream, "csv", settings.marketDataCacheEntries(),
                caches.shared(), caches.metrics().upstreamCalls(), caches.sharedLookups(), clock);
        CountingScorer scorer = new CountingScorer(new FormulaScorer(settings.scoring()));
        ScanService service = new ScanService(marketData, scorer, settings.scoring(), settings.scan(),
                settings.taxonomy(), settings.exposure(), settings.universe(), new TrimPlanner(settings.trims()),
                caches.scores(), clock);
        return new ScanInstance(caches, upstream, scorer, service);
    }

    ScanReport scan(Horizon horizon) {
        return scan(horizon, ScanListener.SILENT);
    }

    ScanReport scan(Horizon horizon, ScanListener listener) {
        return service.scan(ExampleMarket.request(horizon), listener);
    }

    /** A scan and its wall-clock time. */
    TimedScan timedScan(Horizon horizon) {
        return timedScan(horizon, ScanListener.SILENT);
    }

    TimedScan timedScan(Horizon horizon, ScanListener listener) {
        long started = System.nanoTime();
        ScanReport report = scan(horizon, listener);
        return new TimedScan(report, (System.nanoTime() - started) / 1_000_000);
    }

    TwoLevelScoreCache scores() {
        return caches.scores();
    }

    SharedStore shared() {
        return caches.shared();
    }

    @Override
    public void close() {
        caches.close();
    }

    record TimedScan(ScanReport report, long millis) {
    }
}
