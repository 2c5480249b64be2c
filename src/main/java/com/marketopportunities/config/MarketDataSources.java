package com.marketopportunities.config;

import com.marketopportunities.marketdata.CachingMarketData;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.yahoo.YahooFinanceMarketData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the market data a user names: {@code yahoo} or a folder of CSV files. */
public final class MarketDataSources {

    public static final String YAHOO = "yahoo";

    private MarketDataSources() {
    }

    /**
     * @param data {@code yahoo} or a folder
     * @throws InvalidSettingsException when it is neither
     */
    /**
     * The source behind the raw data cache, whose shared level is {@code caches}' and whose upstream
     * calls their meters count. The cache's keys name the source ({@code market_data:yahoo:...},
     * {@code market_data:csv:...}), so that a CSV folder never answers for Yahoo.
     */
    public static MarketData open(String data, Settings settings, Caches caches, Clock clock) {
        if (data.equalsIgnoreCase(YAHOO)) {
            return new CachingMarketData(new YahooFinanceMarketData(settings.yahoo()), "yahoo",
                    settings.marketDataCacheEntries(), caches.shared(), caches.metrics().upstreamCalls(),
                    caches.sharedLookups(), clock);
        }
        Path dir = Path.of(data);
        if (!Files.isDirectory(dir)) {
            throw new InvalidSettingsException("--data " + data + ": no such folder (expected 'yahoo' or a folder of CSV files)");
        }
        return new CachingMarketData(new CsvFolderMarketData(dir), "csv", settings.marketDataCacheEntries(),
                caches.shared(), caches.metrics().upstreamCalls(), caches.sharedLookups(), clock);
    }
}
