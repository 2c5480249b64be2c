package com.marketopportunities.config;

import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scorecache.CacheWarmer;
import com.marketopportunities.scorecache.TwoLevelScoreCache;
import com.marketopportunities.scoring.FormulaScorer;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.store.SharedStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One process's parts, built from one set of settings in one place: the caches (Redis when
 * configured), the market data behind the raw-data cache, the scan service and the warm-up. Both
 * doors use it: the command line opens one per command, the service one per process.
 *
 * <p>Parts are made when first asked for, so {@code cache stats} never opens the market data.
 * Thread-safe. {@link #close()} stops the warm-ups, then closes the market data, then the caches,
 * each within a bounded time even when Redis does not answer.
 */
public final class Application implements AutoCloseable {

    private final Settings settings;
    private final String data;
    private final Clock clock;
    private final Caches caches;
    private final List<CacheWarmer> warmers = new ArrayList<>();
    private MarketData marketData;
    private ScanService scans;
    private boolean closed;

    private Application(Settings settings, String data, MarketData marketData, Clock clock, MeterRegistry registry) {
        this.settings = settings;
        this.data = data;
        this.marketData = marketData;
        this.clock = clock;
        this.caches = Caches.open(settings, clock, registry);
    }

    /**
     * The parts a user's choices call for.
     *
     * @throws InvalidSettingsException when a setting, a sector file or the configuration is wrong
     */
    public static Application open(Overrides overrides, Clock clock, MeterRegistry registry) {
        return new Application(overrides.settings(), overrides.data(), null, clock, registry);
    }

    /** The parts over market data of the caller's own (tests, benchmarks); the raw-data cache is the caller's. */
    public static Application over(MarketData marketData, Settings settings, Clock clock, MeterRegistry registry) {
        return new Application(settings, null, marketData, clock, registry);
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public TwoLevelScoreCache scoreCache() {
        return caches.scores();
    }

    public SharedStore sharedStore() {
        return caches.shared();
    }

    /**
     * The market data named at start-up, behind the raw-data cache.
     *
     * @throws InvalidSettingsException when it names neither Yahoo nor a folder
     */
    public synchronized MarketData marketData() {
        if (marketData == null) {
            marketData = MarketDataSources.open(data, settings, caches, clock);
        }
        return marketData;
    }

    public synchronized ScanService scans() {
        if (scans == null) {
            scans = new ScanService(marketData(), new FormulaScorer(settings.scoring()), settings.scoring(),
                    settings.scan(), settings.taxonomy(), settings.exposure(), settings.universe(),
                    new TrimPlanner(settings.trims()),
                    caches.scores(), clock);
        }
        return scans;
    }

    /**
     * A warm-up of every symbol a scan may score, for {@code horizons} at {@code asOf}, paced and
     * locked as the settings say; its progress shows in the cache's stats. Closed with this object.
     */
    public synchronized CacheWarmer warmer(List<Horizon> horizons, Supplier<LocalDate> asOf) {
        ScanService scanService = scans();
        CacheWarmer warmer = new CacheWarmer(caches.shared(), scanService::score, scanService.warmUpSymbols(), horizons,
                settings.cache().warmScoresPerSecond(), settings.cache().warmLock(), asOf, clock);
        caches.scores().reportWarmUp(warmer::progress);
        warmers.add(warmer);
        return warmer;
    }

    /** Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            warmers.forEach(CacheWarmer::close);
            if (marketData != null && data != null) {
                marketData.close();
            }
        } finally {
            caches.close();
        }
    }
}
