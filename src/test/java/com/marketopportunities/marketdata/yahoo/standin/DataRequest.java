package com.marketopportunities.marketdata.yahoo.standin;

/**
 * A symbol's data request, the key by which the request log counts them.
 *
 * @param endpoint {@link YahooEndpoint#CHART} or {@link YahooEndpoint#QUOTE_SUMMARY}
 * @param symbol   upper-cased symbol
 */
public record DataRequest(YahooEndpoint endpoint, String symbol) {

    public static DataRequest chart(String symbol) {
        return new DataRequest(YahooEndpoint.CHART, symbol);
    }

    public static DataRequest quoteSummary(String symbol) {
        return new DataRequest(YahooEndpoint.QUOTE_SUMMARY, symbol);
    }
}
