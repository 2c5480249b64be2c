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
    public static MarketData open(String data, Settings settings, Clock clock) {
        if (data.equalsIgnoreCase(YAHOO)) {
            return new CachingMarketData(new YahooFinanceMarketData(settings.yahoo()), settings.marketDataCacheEntries(),
                    clock);
        }
        Path dir = Path.of(data);
        if (!Files.isDirectory(dir)) {
            throw new InvalidSettingsException("--data " + data + ": no such folder (expected 'yahoo' or a folder of CSV files)");
        }
        return new CsvFolderMarketData(dir);
    }
}
