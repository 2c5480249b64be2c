package com.marketopportunities.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Scans per minute per caller (API key, else address): a Resilience4j rate limiter per caller,
 * kept while the caller is active (callers are named by a digest, never by their key).
 */
final class ScanRateLimits {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final int perMinute;

    ScanRateLimits(int perMinute) {
        this.perMinute = perMinute;
        this.config = RateLimiterConfig.custom().limitForPeriod(perMinute).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    int perMinute() {
        return perMinute;
    }

    /** {@code null} when the caller may scan now, else how long until it may. */
    Duration tryScan(String caller) {
        String name = digest(caller);
        RateLimiter limiter = limiters.get(name, key -> RateLimiter.of(key, config));
        if (limiter.acquirePermission()) {
            return null;
        }
        long nanos = limiter.getMetrics() instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter.AtomicRateLimiterMetrics
                metrics ? metrics.getNanosToWait() : Duration.ofMinutes(1).toNanos();
        return Duration.ofSeconds(Math.max(1, Math.min(60, Duration.ofNanos(Math.max(nanos, 0)).toSeconds() + 1)));
    }

    private static String digest(String caller) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(caller.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
