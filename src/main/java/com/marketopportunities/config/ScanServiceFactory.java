package com.marketopportunities.config;

import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scoring.FormulaScorer;
import java.time.Clock;

/** Assembles the scan service from the settings: the one place where its parts are chosen. */
public final class ScanServiceFactory {

    private ScanServiceFactory() {
    }

    public static ScanService create(Settings settings, MarketData marketData, Clock clock) {
        return new ScanService(marketData, new FormulaScorer(settings.scoring()), settings.scoring(), settings.scan(),
                settings.taxonomy(), settings.universe(), new TrimPlanner(settings.trims()), clock);
    }
}
