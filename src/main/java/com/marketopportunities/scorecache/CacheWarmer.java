package com.marketopportunities.scorecache;

import com.marketopportunities.store.SharedStore;
import com.marketopportunities.scoring.Horizon;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the score cache ahead of demand (CACHE.md): every symbol of a list for every horizon, at a
 * bounded pace so as not to trip the upstream's limits, at start-up and on a schedule, in the
 * background. With several instances on one Redis only one warms at a time: a run starts only
 * when it takes the warm-up lock, which expires by itself should its holder die. While Redis does
 * not answer no run starts (nobody can tell whether another instance is warming); the next
 * scheduled run tries again.
 */
public final class CacheWarmer implements AutoCloseable {

    /** The lock's key: outside the cache's namespaces, so that no management pattern can delete it. */
    public static final String LOCK = "market_opportunities:lock:warmup";

    private static final Logger LOG = LoggerFactory.getLogger(CacheWarmer.class);

    /** Brings one symbol's score for one horizon into the cache (computing it when missing). */
    @FunctionalInterface
    public interface Target {
        CompletableFuture<?> warm(String symbol, Horizon horizon, LocalDate asOf);
    }

    private final SharedStore shared;
    private final Target target;
    private final List<String> symbols;
    private final List<Horizon> horizons;
    private final RateLimiter pace;
    private final Duration lockTtl;
    private final java.util.function.Supplier<LocalDate> asOf;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile WarmUpProgress progress = WarmUpProgress.idle();

    /**
     * @param scoresPerSecond the pace: scores asked for per second
     * @param lockTtl         the longest one run may hold the lock (it is released at the end)
     * @param asOf            the date scores are warmed for (today, for the live keys)
     */
    public CacheWarmer(SharedStore shared, Target target, List<String> symbols, List<Horizon> horizons,
                       double scoresPerSecond, Duration lockTtl, java.util.function.Supplier<LocalDate> asOf,
                       Clock clock) {
        this.asOf = asOf;
        this.shared = shared;
        this.target = target;
        this.symbols = List.copyOf(symbols);
        this.horizons = List.copyOf(horizons);
        this.lockTtl = lockTtl;
        this.clock = clock;
        Duration period = scoresPerSecond >= 1 ? Duration.ofSeconds(1) : Duration.ofMillis((long) (1000 / scoresPerSecond));
        this.pace = RateLimiter.of("warm-up", RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, (int) Math.round(scoresPerSecond))).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ofMinutes(10)).build());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cache-warm-up");
            thread.setDaemon(true);
            return thread;
        });
    }

    public WarmUpProgress progress() {
        return progress;
    }

    /** Warms in the background: first after {@code initialDelay}, then every {@code interval}. */
    public void start(Duration initialDelay, Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> runOnce(ignored -> { }), initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * One run on the calling thread, if this instance gets the lock; {@code listener} hears the
     * progress after each score. Failures of single scores are counted, not thrown.
     */
    public WarmUpProgress runOnce(Consumer<WarmUpProgress> listener) {
        SharedStore.LockAttempt lock = shared.tryLock(LOCK, lockTtl);
        if (lock.outcome() != SharedStore.LockAttempt.Outcome.TAKEN) {
            // nobody knows who holds the lock of a store that does not answer: not this instance
            WarmUpProgress.Phase skipped = lock.outcome() == SharedStore.LockAttempt.Outcome.HELD_ELSEWHERE
                    ? WarmUpProgress.Phase.SKIPPED_LOCKED : WarmUpProgress.Phase.SKIPPED_UNREACHABLE;
            progress = new WarmUpProgress(skipped, 0, 0, 0, null, clock.instant());
            listener.accept(progress);
            return progress;
        }
        int total = symbols.size() * horizons.size();
        int done = 0;
        int failed = 0;
        try {
            LocalDate day = asOf.get();
            for (Horizon horizon : horizons) {
                for (String symbol : symbols) {
                    RateLimiter.waitForPermission(pace);
                    try {
                        target.warm(symbol, horizon, day).join();
                    } catch (RuntimeException e) {
                        failed++;
                    }
                    done++;
                    progress = new WarmUpProgress(WarmUpProgress.Phase.RUNNING, done, total, failed, null, null);
                    listener.accept(progress);
                }
            }
            progress = new WarmUpProgress(WarmUpProgress.Phase.DONE, done, total, failed, null, clock.instant());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || scheduler.isShutdown()) {
                // the instance is shutting down: the run stops, nothing failed
                progress = new WarmUpProgress(WarmUpProgress.Phase.STOPPED, done, total, failed, null, clock.instant());
                LOG.info("cache warm-up stopped at shutdown after {} of {} scores", done, total);
            } else {
                progress = new WarmUpProgress(WarmUpProgress.Phase.FAILED, done, total, failed, e.getMessage(),
                        clock.instant());
                LOG.warn("cache warm-up failed after {} of {} scores: {}", done, total, e.getMessage());
            }
        } finally {
            shared.unlock(LOCK, lock.token());
        }
        listener.accept(progress);
        return progress;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
