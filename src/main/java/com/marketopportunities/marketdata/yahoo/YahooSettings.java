package com.marketopportunities.marketdata.yahoo;

import java.net.URI;
import java.time.Duration;

/**
 * Where Yahoo Finance is and how politely to talk to it.
 *
 * @param cookieUrl          first request of a session: sets the session cookie (may redirect
 *                           through the EU consent form)
 * @param crumbUrl           {@code /v1/test/getcrumb}: the crumb that quoteSummary requires
 * @param apiUrl             base of {@code /v8/finance/chart} and {@code /v10/finance/quoteSummary}
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        time to the response headers of one request
 * @param maxConcurrent      requests in flight at once
 * @param requestsPerSecond  request rate limit
 * @param maxAttempts        tries of one request on 429, 5xx and timeouts (first try included)
 * @param initialBackoff     wait before the first retry, doubled each retry, with 50 % jitter
 * @param maxBackoff         the longest wait between tries, a Retry-After included
 * @param breakerFailureRate percentage of failed calls among the last {@code breakerWindow} that opens the breaker
 * @param breakerWindow      calls the failure rate is measured over
 * @param breakerOpenFor     how long an open breaker refuses calls before probing again
 */
public record YahooSettings(URI cookieUrl, URI crumbUrl, URI apiUrl, Duration connectTimeout, Duration readTimeout,
                            int maxConcurrent, int requestsPerSecond, int maxAttempts, Duration initialBackoff,
                            Duration maxBackoff, int breakerFailureRate, int breakerWindow, Duration breakerOpenFor) {

    public static final String USER_AGENT = "Mozilla/5.0 (compatible; market-opportunities/0.1)";

    public YahooSettings {
        if (maxConcurrent < 1 || requestsPerSecond < 1 || maxAttempts < 1 || breakerWindow < 1
                || breakerFailureRate < 1 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("Yahoo settings need at least 1 concurrent request, 1 request a second, "
                    + "1 attempt, a breaker window of 1 and a failure rate within 1-100, got " + this);
        }
    }

    public static YahooSettings defaults() {
        return new YahooSettings(URI.create("https://finance.yahoo.com/"),
                URI.create("https://query1.finance.yahoo.com/v1/test/getcrumb"),
                URI.create("https://query2.finance.yahoo.com"), Duration.ofSeconds(3), Duration.ofSeconds(10), 12, 40, 4,
                Duration.ofMillis(500), Duration.ofSeconds(8), 50, 20, Duration.ofSeconds(30));
    }

    /** The same settings with every Yahoo URL on one server (a local stand-in in tests and benchmarks). */
    public YahooSettings pointingAt(URI base) {
        String root = base.toString().replaceAll("/+$", "");
        return new YahooSettings(URI.create(root + "/"), URI.create(root + "/v1/test/getcrumb"), URI.create(root),
                connectTimeout, readTimeout, maxConcurrent, requestsPerSecond, maxAttempts, initialBackoff, maxBackoff,
                breakerFailureRate, breakerWindow, breakerOpenFor);
    }
}
