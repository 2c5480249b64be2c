package com.marketopportunities.marketdata.yahoo.standin;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which data requests are answered 429: a share {@code rate} of them, decided by a hash of
 * (seed, URL, how many times that URL was asked before), so the same run of requests gets the same
 * 429s whatever the thread interleaving. A URL answered 429 is never answered 429 on its next
 * request, so a client that retries once always gets through. Thread-safe.
 */
final class TooManyRequestsPolicy {

    private final double rate;
    private final long seed;
    private final Map<String, UrlHistory> histories = new ConcurrentHashMap<>();

    private static final class UrlHistory {
        long attempts;
        boolean lastRefused;
    }

    TooManyRequestsPolicy(double rate, long seed) {
        this.rate = rate;
        this.seed = seed;
    }

    /** Whether this request of {@code url} (path and query) is to be answered 429. */
    boolean refuses(String url) {
        if (rate <= 0) {
            return false;
        }
        UrlHistory history = histories.computeIfAbsent(url, key -> new UrlHistory());
        synchronized (history) {
            long attempt = history.attempts++;
            boolean refuse = !history.lastRefused && uniform(url, attempt) < rate;
            history.lastRefused = refuse;
            return refuse;
        }
    }

    /** A number in [0, 1) that depends only on seed, URL and attempt. */
    private double uniform(String url, long attempt) {
        long hash = 0xcbf29ce484222325L; // FNV-1a 64 over the URL's bytes
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        long mixed = mix(mix(seed ^ hash) + attempt);
        return (mixed >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
