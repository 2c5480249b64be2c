package com.marketopportunities.marketdata.yahoo;

import java.time.Duration;

/**
 * Yahoo answered with a status that a later try may not get (429, 5xx). {@code retryAfter} is the
 * server's Retry-After, or {@code null}.
 */
final class YahooStatusException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    YahooStatusException(String request, int status, Duration retryAfter) {
        super(request + ": HTTP " + status + (status == 429 ? " Too Many Requests" : ""), null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** The answer's Retry-After in seconds (Yahoo's form); {@code null} when absent or an HTTP date. */
    static Duration retryAfter(java.net.http.HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After")
                    .map(value -> Duration.ofSeconds(Long.parseLong(value.trim()))).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }
}
