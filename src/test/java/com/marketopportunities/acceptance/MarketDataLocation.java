package com.marketopportunities.acceptance;

import java.nio.file.Path;

/** Where the real market data is: -Dmarket.data, else MARKET_DATA_DIR, else ../shared/market-data. */
final class MarketDataLocation {

    private MarketDataLocation() {
    }

    static Path find() {
        String property = System.getProperty("market.data");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv("MARKET_DATA_DIR");
        return Path.of(environment != null && !environment.isBlank() ? environment : "../shared/market-data");
    }
}
