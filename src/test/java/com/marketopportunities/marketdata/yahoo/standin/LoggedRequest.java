package com.marketopportunities.marketdata.yahoo.standin;

import java.time.Instant;

/**
 * One request the stand-in answered.
 *
 * @param method HTTP method
 * @param path   decoded path ({@code /v8/finance/chart/^GSPC} for {@code %5EGSPC})
 * @param query  raw query string, "" when there is none
 * @param status HTTP status of the answer
 * @param at     when the request arrived (before the configured latency)
 */
public record LoggedRequest(String method, String path, String query, int status, Instant at) {

    /** What the request asked for. */
    public YahooEndpoint endpoint() {
        return YahooEndpoint.of(path);
    }

    /** The upper-cased symbol of a chart or quoteSummary request, "" for any other request. */
    public String symbol() {
        return YahooEndpoint.symbolOf(path);
    }
}
