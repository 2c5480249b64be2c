package com.marketopportunities.scorecache;

import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.store.RedisSharedStore;
import com.marketopportunities.store.SharedStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.testredis.RealRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CacheWarmerTest {

    static final LocalDate DAY = LocalDate.of(2024, 6, 28);
    /** Nothing listens there: connections are refused at once. */
    static final String UNREACHABLE = "redis://127.0.0.1:1/0";
    static RealRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = RealRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void everySymbolIsWarmedForEveryHorizonWithProgress() {
        AtomicInteger warmed = new AtomicInteger();
        AtomicInteger reports = new AtomicInteger();
        try (SharedStore shared = new RedisSharedStore(RedisSettings.defaults(redis.url()));
             CacheWarmer warmer = new CacheWarmer(shared, (symbol, horizon, asOf) -> {
                 warmed.incrementAndGet();
                 return CompletableFuture.completedFuture(null);
             }, List.of("A", "B", "C"), List.of(Horizon.values()), 1000, Duration.ofSeconds(30), () -> DAY,
                     Clock.systemUTC())) {

            WarmUpProgress result = warmer.runOnce(progress -> reports.incrementAndGet());

            assertThat(result.phase()).isEqualTo(WarmUpProgress.Phase.DONE);
            assertThat(result.state()).isEqualTo("done");
            assertThat(result.done()).isEqualTo(9);
            assertThat(result.total()).isEqualTo(9);
            assertThat(warmed.get()).isEqualTo(9);
            // one report per score, and the final one
            assertThat(reports.get()).isEqualTo(10);
            assertThat(warmer.progress()).isEqualTo(result);
        }
    }

    @Test
    void onlyOneInstanceWarmsAtATimeAndTheLockIsReleasedAfterwards() throws Exception {
        CountDownLatch firstIsWarming = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        try (SharedStore sharedA = new RedisSharedStore(RedisSettings.defaults(redis.url()));
             SharedStore sharedB = new RedisSharedStore(RedisSettings.defaults(redis.url()));
             CacheWarmer first = new CacheWarmer(sharedA, (symbol, horizon, asOf) -> {
                 firstIsWarming.countDown();
                 await(letFirstFinish);
                 return CompletableFuture.completedFuture(null);
             }, List.of("A"), List.of(Horizon.MEDIUM), 1000, Duration.ofSeconds(30), () -> DAY, Clock.systemUTC());
             CacheWarmer second = new CacheWarmer(sharedB, (symbol, horizon, asOf) ->
                     CompletableFuture.completedFuture(null), List.of("A"), List.of(Horizon.MEDIUM), 1000,
                     Duration.ofSeconds(30), () -> DAY, Clock.systemUTC())) {

            CompletableFuture<WarmUpProgress> running = CompletableFuture.supplyAsync(() -> first.runOnce(p -> { }));
            assertThat(firstIsWarming.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(second.runOnce(p -> { }).phase()).isEqualTo(WarmUpProgress.Phase.SKIPPED_LOCKED);

            letFirstFinish.countDown();
            assertThat(running.get(5, TimeUnit.SECONDS).phase()).isEqualTo(WarmUpProgress.Phase.DONE);
            assertThat(second.runOnce(p -> { }).phase()).isEqualTo(WarmUpProgress.Phase.DONE);
        }
    }

    @Test
    void withRedisUnreachableTheRunIsSkippedAndSaysWhyNotThatAnotherInstanceIsWarming() {
        AtomicInteger warmed = new AtomicInteger();
        try (SharedStore unreachable = new RedisSharedStore(RedisSettings.defaults(UNREACHABLE));
             CacheWarmer warmer = new CacheWarmer(unreachable, (symbol, horizon, asOf) -> {
                 warmed.incrementAndGet();
                 return CompletableFuture.completedFuture(null);
             }, List.of("A"), List.of(Horizon.MEDIUM), 1000, Duration.ofSeconds(30), () -> DAY, Clock.systemUTC())) {

            WarmUpProgress result = warmer.runOnce(p -> { });

            assertThat(result.state()).doesNotContain("another instance").contains("unreachable");
            assertThat(result.phase()).isEqualTo(WarmUpProgress.Phase.SKIPPED_UNREACHABLE);
            assertThat(warmed).hasValue(0);
        }
    }

    @Test
    void startedItWarmsInTheBackgroundAfterTheDelayAndAgainEveryInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (CacheWarmer warmer = new CacheWarmer(new NoSharedStore(), (symbol, horizon, asOf) -> {
            runs.incrementAndGet();
            threeRuns.countDown();
            return CompletableFuture.completedFuture(null);
        }, List.of("A"), List.of(Horizon.LONG), 1000, Duration.ofSeconds(30), () -> DAY, Clock.systemUTC())) {
            long started = System.nanoTime();

            warmer.start(Duration.ofMillis(100), Duration.ofMillis(100));

            assertThat(threeRuns.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(warmer.progress().phase()).isIn(WarmUpProgress.Phase.RUNNING, WarmUpProgress.Phase.DONE);
        }
        int afterClose = runs.get();
        Thread.sleep(300);
        assertThat(runs.get()).as("no run after close").isEqualTo(afterClose);
    }

    @Test
    void thePaceBoundsHowFastScoresAreAskedFor() {
        try (CacheWarmer warmer = new CacheWarmer(new NoSharedStore(), (symbol, horizon, asOf) ->
                CompletableFuture.completedFuture(null), List.of("A", "B", "C", "D", "E", "F"), List.of(Horizon.SHORT),
                4, Duration.ofSeconds(30), () -> DAY, Clock.systemUTC())) {
            long started = System.nanoTime();

            warmer.runOnce(p -> { });

            // 4 a second: the 5th and 6th wait for the second period
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
