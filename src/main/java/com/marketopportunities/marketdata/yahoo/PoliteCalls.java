package com.marketopportunities.marketdata.yahoo;

import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.NoDataException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every call to Yahoo goes through here: at most {@code maxConcurrent} at once (a thread-pool
 * bulkhead), at most {@code requestsPerSecond} requests started per second, retried on 429, 5xx
 * and timeouts with exponential backoff and jitter (or the server's Retry-After), behind a circuit
 * breaker that stops calling for a while when calls keep failing after their retries.
 *
 * <p>What a call's future completes with on failure: the call's own {@link NoDataException}
 * (never retried, never counted against the breaker), else a
 * {@link MarketDataUnavailableException} saying why (breaker open, retries exhausted, unreachable).
 */
final class PoliteCalls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteCalls.class);

    private final ThreadPoolBulkhead bulkhead;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final CircuitBreaker breaker;

    PoliteCalls(YahooSettings settings) {
        bulkhead = ThreadPoolBulkhead.of("yahoo", ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(settings.maxConcurrent()).maxThreadPoolSize(settings.maxConcurrent())
                .queueCapacity(10_000).build());
        rateLimiter = RateLimiter.of("yahoo", RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond()).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(30)).build());
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5,
                settings.maxBackoff());
        retry = Retry.of("yahoo", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(PoliteCalls::isTransient)
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof YahooStatusException status
                            && status.retryAfter() != null) {
                        return Math.min(status.retryAfter().toMillis(), settings.maxBackoff().toMillis());
                    }
                    return backoff.apply(attempt);
                })
                .build());
        retry.getEventPublisher().onRetry(event -> LOG.debug("Yahoo: retry {} in {} ms after: {}",
                event.getNumberOfRetryAttempts(), event.getWaitInterval().toMillis(),
                event.getLastThrowable() == null ? "" : event.getLastThrowable().getMessage()));
        breaker = CircuitBreaker.of("yahoo", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(Math.min(settings.breakerWindow(), 10))
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .ignoreExceptions(NoDataException.class)
                .build());
    }

    /** Runs {@code call} within the bounds; {@code what} names it in messages. */
    <T> CompletableFuture<T> submit(String what, Callable<T> call) {
        // the breaker sees whole calls, retries included: a 429 that a retry gets past is Yahoo
        // asking to slow down, not Yahoo failing
        Callable<T> guarded = CircuitBreaker.decorateCallable(breaker, Retry.decorateCallable(retry,
                RateLimiter.decorateCallable(rateLimiter, call)));
        try {
            return bulkhead.executeCallable(guarded).toCompletableFuture()
                    .exceptionallyCompose(error -> CompletableFuture.failedFuture(explain(what, error)));
        } catch (BulkheadFullException e) {
            return CompletableFuture.failedFuture(new MarketDataUnavailableException(
                    "too many Yahoo requests queued; try again shortly", e));
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof YahooStatusException || error instanceof HttpTimeoutException;
    }

    private RuntimeException explain(String what, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof NoDataException || cause instanceof MarketDataUnavailableException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof CallNotPermittedException) {
            return new MarketDataUnavailableException("Yahoo Finance is failing (circuit breaker open after repeated "
                    + "failures); " + what + " not attempted", cause);
        }
        if (cause instanceof RequestNotPermitted) {
            return new MarketDataUnavailableException("Yahoo request rate limit: " + what + " waited too long", cause);
        }
        if (cause instanceof YahooStatusException || cause instanceof HttpTimeoutException) {
            return new MarketDataUnavailableException(what + " failed after retries: " + cause.getMessage(), cause);
        }
        return new MarketDataUnavailableException("Yahoo Finance cannot be reached (" + what + ": "
                + networkProblem(cause) + ")", cause);
    }

    /** The deepest cause of a network failure, in words: "host not found", "connection refused", ... */
    static String networkProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.channels.UnresolvedAddressException
                    || cause instanceof java.net.UnknownHostException) {
                return "host not found: no network or no DNS";
            }
            if (cause instanceof java.net.http.HttpConnectTimeoutException) {
                return "connection timed out";
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage();
            }
        }
        return error instanceof java.net.ConnectException ? "connection refused" : error.getClass().getSimpleName();
    }

    @Override
    public void close() {
        try {
            bulkhead.close();
        } catch (Exception e) {
            LOG.warn("closing the Yahoo request pool: {}", e.getMessage());
        }
    }
}
