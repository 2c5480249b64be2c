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

    static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }
}
