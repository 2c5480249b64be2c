package com.marketopportunities.marketdata.yahoo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Yahoo Finance is and how politely to talk to it.
 *
 * @param cookieUrl          first request of a session: sets the session cookie (may redirect
 *                           through the EU consent form)
 * @param crumbUrl           {@code /v1/test/getcrumb}: the crumb that quote and quoteSummary require
 * @param apiUrl             base of {@code /v8/finance/chart}, {@code /v7/finance/quote} and
 *                           {@code /v10/finance/quoteSummary}
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
 * @param quoteBatchSize     symbols asked for in one v7 quote call (Yahoo refuses more than about 100)
 * @param quoteLinger        how long a quote request waits for others to share its call
 * @param headers            request headers of every call (a browser's: Yahoo turns away clients that do
 *                           not look like one), by name
 */
public record YahooSettings(URI cookieUrl, URI crumbUrl, URI apiUrl, Duration connectTimeout, Duration readTimeout,
                            int maxConcurrent, int requestsPerSecond, int maxAttempts, Duration initialBackoff,
                            Duration maxBackoff, int breakerFailureRate, int breakerWindow, Duration breakerOpenFor,
                            int quoteBatchSize, Duration quoteLinger, Map<String, String> headers) {

    /** The headers of a desktop browser asking for JSON, as the clients that still get answers send them. */
    public static final Map<String, String> BROWSER_HEADERS = browserHeaders();

    public YahooSettings {
        if (maxConcurrent < 1 || requestsPerSecond < 1 || maxAttempts < 1 || breakerWindow < 1
                || breakerFailureRate < 1 || breakerFailureRate > 100 || quoteBatchSize < 1 || quoteBatchSize > 100
                || quoteLinger.isNegative()) {
            throw new IllegalArgumentException("Yahoo settings need at least 1 concurrent request, 1 request a second, "
                    + "1 attempt, a breaker window of 1, a failure rate within 1-100, 1-100 symbols a quote call and "
                    + "no negative linger, got " + this);
        }
        headers = Map.copyOf(headers);
        HttpRequest.Builder check = HttpRequest.newBuilder(URI.create("http://localhost/"));
        headers.forEach((name, value) -> {
            try {
                check.header(name, value);
            } catch (IllegalArgumentException restricted) {
                throw new IllegalArgumentException("the header '" + name + "' cannot be set: "
                        + restricted.getMessage());
            }
        });
    }

    /** The settings with the default batching and browser headers. */
    public YahooSettings(URI cookieUrl, URI crumbUrl, URI apiUrl, Duration connectTimeout, Duration readTimeout,
                         int maxConcurrent, int requestsPerSecond, int maxAttempts, Duration initialBackoff,
                         Duration maxBackoff, int breakerFailureRate, int breakerWindow, Duration breakerOpenFor) {
        this(cookieUrl, crumbUrl, apiUrl, connectTimeout, readTimeout, maxConcurrent, requestsPerSecond, maxAttempts,
                initialBackoff, maxBackoff, breakerFailureRate, breakerWindow, breakerOpenFor, 50,
                Duration.ofMillis(5), BROWSER_HEADERS);
    }

    private static Map<String, String> browserHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36");
        headers.put("Accept", "application/json,text/plain,*/*");
        headers.put("Accept-Language", "en-US,en;q=0.9");
        return Map.copyOf(headers);
    }

    /** A request to {@code uri} with the configured headers and read timeout. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout);
        headers.forEach(builder::header);
        return builder;
    }

    public static YahooSettings defaults() {
        return new YahooSettings(URI.create("https://finance.yahoo.com/"),
                URI.create("https://query1.finance.yahoo.com/v1/test/getcrumb"),
                URI.create("https://query2.finance.yahoo.com"), Duration.ofSeconds(3), Duration.ofSeconds(10), 24, 40, 4,
                Duration.ofMillis(500), Duration.ofSeconds(8), 50, 20, Duration.ofSeconds(30));
    }

    /** The same settings with every Yahoo URL on one server (a local stand-in in tests and benchmarks). */
    public YahooSettings pointingAt(URI base) {
        String root = base.toString().replaceAll("/+$", "");
        return new YahooSettings(URI.create(root + "/"), URI.create(root + "/v1/test/getcrumb"), URI.create(root),
                connectTimeout, readTimeout, maxConcurrent, requestsPerSecond, maxAttempts, initialBackoff, maxBackoff,
                breakerFailureRate, breakerWindow, breakerOpenFor, quoteBatchSize, quoteLinger, headers);
    }
}
