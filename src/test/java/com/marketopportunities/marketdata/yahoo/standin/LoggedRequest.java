package com.marketopportunities.marketdata.yahoo.standin;

import java.time.Instant;
import java.util.List;

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

    /** The upper-cased symbol of a chart or quoteSummary request, "" for any other request (a quote request too). */
    public String symbol() {
        return YahooEndpoint.symbolOf(path);
    }

    /**
     * The symbols the request asked for, upper-cased: a quote request's {@code symbols} in the order
     * asked, each once (as Yahoo answers them); a chart or quoteSummary request's one symbol; none
     * for any other request. Told whatever the answer was (401, 400 and 429 included).
     */
    public List<String> symbols() {
        return switch (endpoint()) {
            case QUOTE -> QuoteResponses.symbolsAsked(Incoming.parameters(query));
            case CHART, QUOTE_SUMMARY -> symbol().isEmpty() ? List.of() : List.of(symbol());
            default -> List.of();
        };
    }
}
