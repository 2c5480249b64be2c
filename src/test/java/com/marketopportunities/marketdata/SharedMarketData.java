package com.marketopportunities.marketdata;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

/** Test support for the real market data of {@code ../shared/market-data} and for fixtures. */
public final class SharedMarketData {

    private SharedMarketData() {
    }

    /** Where the real market data is: -Dmarket.data, else MARKET_DATA_DIR, else ../shared/market-data. */
    public static Path folder() {
        String property = System.getProperty("market.data");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv("MARKET_DATA_DIR");
        return Path.of(environment != null && !environment.isBlank() ? environment : "../shared/market-data");
    }

    /** The symbol's fundamentals, or {@link Fundamentals#none(String)} when the provider has none. */
    public static Fundamentals fundamentalsOrNone(MarketData marketData, String symbol) {
        try {
            return marketData.fundamentals(symbol).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof NoDataException) {
                return Fundamentals.none(symbol);
            }
            throw e;
        }
    }
}
