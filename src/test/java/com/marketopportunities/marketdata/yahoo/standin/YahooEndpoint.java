package com.marketopportunities.marketdata.yahoo.standin;

import java.util.Locale;

/** What a request to the stand-in asked for, told by its path (as Yahoo's paths tell it). */
public enum YahooEndpoint {
    /** {@code GET /} or {@code GET /quote/{SYMBOL}}: the page that sets the session cookie. */
    COOKIE_PAGE,
    /** {@code /consent} and {@code /copyConsent}: the EU consent form and its confirmation. */
    CONSENT,
    /** {@code GET /v1/test/getcrumb}. */
    CRUMB,
    /** {@code GET /v8/finance/chart/{symbol}}: daily history, served without cookie or crumb. */
    CHART,
    /** {@code GET /v10/finance/quoteSummary/{symbol}}: fundamentals and profile. */
    QUOTE_SUMMARY,
    /** {@code GET /v7/finance/quote?symbols=A,B,C}: quotes of many symbols at once, valuation fields included. */
    QUOTE,
    /** Anything else (answered 404 or 405). */
    OTHER;

    static final String CHART_PREFIX = "/v8/finance/chart/";
    static final String QUOTE_SUMMARY_PREFIX = "/v10/finance/quoteSummary/";
    static final String QUOTE_PATH = "/v7/finance/quote";
    static final String CRUMB_PATH = "/v1/test/getcrumb";

    /** The endpoint of a decoded request path. */
    public static YahooEndpoint of(String path) {
        if (path.startsWith(CHART_PREFIX)) {
            return CHART;
        }
        if (path.startsWith(QUOTE_SUMMARY_PREFIX)) {
            return QUOTE_SUMMARY;
        }
        if (path.equals(QUOTE_PATH)) {
            return QUOTE;
        }
        if (path.equals(CRUMB_PATH)) {
            return CRUMB;
        }
        if (path.equals("/") || path.startsWith("/quote/")) {
            return COOKIE_PAGE;
        }
        if (path.equals("/consent") || path.equals("/copyConsent")) {
            return CONSENT;
        }
        return OTHER;
    }

    /** Whether requests to it are data requests: the ones that may be answered 429. */
    public boolean carriesData() {
        return this == CHART || this == QUOTE_SUMMARY || this == QUOTE;
    }

    /**
     * The symbol a data path names, upper-cased as Yahoo echoes it ({@code /v8/finance/chart/msft}
     * is MSFT's chart), or "" for other paths (a quote request names its symbols in its query).
     */
    static String symbolOf(String path) {
        String prefix = switch (of(path)) {
            case CHART -> CHART_PREFIX;
            case QUOTE_SUMMARY -> QUOTE_SUMMARY_PREFIX;
            default -> null;
        };
        if (prefix == null) {
            return "";
        }
        return path.substring(prefix.length()).toUpperCase(Locale.ROOT);
    }
}
