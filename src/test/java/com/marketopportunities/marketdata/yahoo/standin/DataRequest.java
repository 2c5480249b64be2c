package com.marketopportunities.marketdata.yahoo.standin;

/**
 * A symbol's data request, the key by which the request log counts them (a quote request counts
 * once for each symbol it names).
 *
 * @param endpoint {@link YahooEndpoint#CHART}, {@link YahooEndpoint#QUOTE_SUMMARY} or {@link YahooEndpoint#QUOTE}
 * @param symbol   upper-cased symbol
 */
public record DataRequest(YahooEndpoint endpoint, String symbol) {

    public static DataRequest chart(String symbol) {
        return new DataRequest(YahooEndpoint.CHART, symbol);
    }

    public static DataRequest quoteSummary(String symbol) {
        return new DataRequest(YahooEndpoint.QUOTE_SUMMARY, symbol);
    }

    public static DataRequest quote(String symbol) {
        return new DataRequest(YahooEndpoint.QUOTE, symbol);
    }
}
