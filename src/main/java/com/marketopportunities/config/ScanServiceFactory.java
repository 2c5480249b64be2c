package com.marketopportunities.config;

import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.scorecache.AdaptiveTtl;
import com.marketopportunities.scorecache.CacheMetrics;
import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.scorecache.ScoreCache;
import com.marketopportunities.scorecache.TwoLevelScoreCache;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scoring.FormulaScorer;
import java.time.Clock;

/** Assembles the scan service from the settings: the one place where its parts are chosen. */
public final class ScanServiceFactory {

    private ScanServiceFactory() {
    }

    public static ScanService create(Settings settings, MarketData marketData, ScoreCache scoreCache, Clock clock) {
        return new ScanService(marketData, new FormulaScorer(settings.scoring()), settings.scoring(), settings.scan(),
                settings.taxonomy(), settings.universe(), new TrimPlanner(settings.trims()), scoreCache, clock);
    }

    /** A scan service with an in-process score cache of its own (tests, one-off scans). */
    public static ScanService create(Settings settings, MarketData marketData, Clock clock) {
        return create(settings, marketData, new TwoLevelScoreCache(new NoSharedStore(), 10_000,
                AdaptiveTtl.defaults(), settings.scoring().modelVersion(), clock, CacheMetrics.unregistered()), clock);
    }
}
