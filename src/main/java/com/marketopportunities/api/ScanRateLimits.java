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
 * What scans may cost the upstream per minute per caller (API key, else address): a Resilience4j
 * rate limiter per caller whose permits are upstream calls, kept while the caller is active
 * (callers are named by a digest, never by their key). A scan is admitted while its caller has
 * budget left and costs one permit; when it ends it is charged the upstream calls it made beyond
 * that, so a cold scan of a large portfolio uses up the budget and warm scans cost one each.
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

    /** {@code null} when the caller may scan now (one permit taken), else how long until it may. */
    Duration tryScan(String caller) {
        RateLimiter limiter = limiterOf(caller);
        if (limiter.acquirePermission()) {
            return null;
        }
        long nanos = limiter.getMetrics() instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter.AtomicRateLimiterMetrics
                metrics ? metrics.getNanosToWait() : Duration.ofMinutes(1).toNanos();
        return Duration.ofSeconds(Math.max(1, Math.min(60, Duration.ofNanos(Math.max(nanos, 0)).toSeconds() + 1)));
    }

    /**
     * Charges a finished scan's upstream calls beyond the one permit it was admitted with; what
     * exceeds the caller's remaining budget empties it until the next minute.
     */
    void charge(String caller, long upstreamCalls) {
        if (upstreamCalls <= 1) {
            return;
        }
        RateLimiter limiter = limiterOf(caller);
        int more = (int) Math.min(Integer.MAX_VALUE, upstreamCalls - 1);
        if (more > perMinute || !limiter.acquirePermission(more)) {
            limiter.drainPermissions();
        }
    }

    private RateLimiter limiterOf(String caller) {
        return limiters.get(digest(caller), key -> RateLimiter.of(key, config));
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
