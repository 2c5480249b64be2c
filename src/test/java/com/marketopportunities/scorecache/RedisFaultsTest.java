package com.marketopportunities.scorecache;

import com.marketopportunities.store.SharedStoreStatus;
import com.marketopportunities.scan.ExampleMarket;

import static com.marketopportunities.scan.ExampleMarket.AS_OF;
import static com.marketopportunities.scan.ExampleMarket.CLOCK;
import static com.marketopportunities.scan.ExampleMarket.NOW;
import static com.marketopportunities.scorecache.RedisScoreCacheTest.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.testredis.RealRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole scans while a real Redis fails in every way it can (CACHE.md, "Degradation"): down at
 * start-up, killed mid-scan, frozen, restarted empty, down for a while. In each, no scan fails, no
 * scan is slower than the same scan without Redis by more than the timeout budget, and once Redis
 * is back the same process uses it again within seconds.
 */
class RedisFaultsTest {

    /** How much slower than without Redis a scan may be while Redis fails: a few 250 ms timeouts at most. */
    static final long BUDGET_MS = 1_500;
    /** How soon a process uses Redis again once it is back. */
    static final Duration BACK_WITHIN = Duration.ofSeconds(5);

    @TempDir
    static Path folder;
    static Path data;
    /** The slowest of three scans without Redis, cold (new process) and warm (repeated). */
    static long coldBaselineMs;
    static long warmBaselineMs;
    /** What a scan without Redis answers, per horizon. */
    static final Map<Horizon, ScanReport> WITHOUT_REDIS = new EnumMap<>(Horizon.class);
    static final List<String> TIMINGS = new ArrayList<>();
    /** Numbers the symbols of the scores that probe whether a process uses Redis. */
    static final AtomicInteger PROBES = new AtomicInteger();

    @BeforeAll
    static void scanWithoutRedis() throws Exception {
        data = ExampleMarket.write(folder);
        for (int i = 0; i < 5; i++) { // the JIT's warm-up, not measured
            try (ScanInstance instance = ScanInstance.open(null, data, CLOCK)) {
                for (Horizon horizon : Horizon.values()) {
                    instance.scan(horizon);
                }
            }
        }
        for (Horizon horizon : Horizon.values()) {
            for (int run = 0; run < 3; run++) {
                try (ScanInstance instance = ScanInstance.open(null, data, CLOCK)) {
                    ScanInstance.TimedScan cold = instance.timedScan(horizon);
                    ScanInstance.TimedScan warm = instance.timedScan(horizon);
                    coldBaselineMs = Math.max(coldBaselineMs, cold.millis());
                    warmBaselineMs = Math.max(warmBaselineMs, warm.millis());
                    WITHOUT_REDIS.putIfAbsent(horizon, cold.report());
                }
            }
        }
        timing("baseline without Redis: cold scan " + coldBaselineMs + " ms, warm scan " + warmBaselineMs + " ms");
    }

    @AfterAll
    static void printTimings() {
        System.out.println("RedisFaultsTest timings:\n  " + String.join("\n  ", TIMINGS));
    }

    @Test
    void redisDownAtStartUpCostsNothingAndIsUsedOnceItComesUpWithoutARestart() {
        try (RealRedis redis = RealRedis.start(); RedisCli cli = new RedisCli(redis.url())) {
            redis.stop();
            long opening = System.nanoTime();
            try (ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK)) {
                long openedInMs = millisSince(opening);
                timing("opening the caches with Redis down: " + openedInMs + " ms");
                assertThat(openedInMs).as("opening with Redis down").isLessThanOrEqualTo(BUDGET_MS);
                assertThat(instance.shared().status().connected()).isFalse();

                assertFullAnswerInTime(instance.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, coldBaselineMs,
                        "Redis down at start-up, first scan");
                assertFullAnswerInTime(instance.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, warmBaselineMs,
                        "Redis down at start-up, repeated scan");

                redis.restart();
                Duration back = awaitRedisInUse(instance, cli);
                timing("Redis up after a start without it: used again after " + back.toMillis() + " ms");
                assertThat(back).isLessThanOrEqualTo(BACK_WITHIN);

                // it writes what it computes: another process finds the long-horizon scores in Redis
                instance.scan(Horizon.LONG);
                int longScores = (int) instance.scorer.computed().keySet().stream()
                        .filter(score -> score.endsWith(":long")).count();
                RedisScoreCacheTest.awaitKeys(cli, "stock_score:*:long:*", longScores);
                try (ScanInstance other = ScanInstance.open(redis.url(), data, CLOCK)) {
                    ScanReport fromRedis = other.scan(Horizon.LONG);
                    assertThat(other.scorer.total()).isZero();
                    assertThat(fromRedis.stats().cacheHits()).isEqualTo(longScores);
                    other.scan(Horizon.SHORT);
                    RedisScoreCacheTest.awaitKeys(cli, "stock_score:*:short:*", other.scorer.total());
                }
                // and reads what another process stored: the short-horizon scores
                int computedBefore = instance.scorer.total();
                ScanReport read = instance.scan(Horizon.SHORT);
                assertThat(instance.scorer.total()).isEqualTo(computedBefore);
                assertThat(read.stats().cacheMisses()).isZero();
                assertThat(read.gaps()).isEqualTo(WITHOUT_REDIS.get(Horizon.SHORT).gaps());
            }
        }
    }

    @Test
    void redisKilledMidScanNeitherFailsNorSlowsTheScan() {
        try (RealRedis redis = RealRedis.start(); RedisCli cli = new RedisCli(redis.url());
             ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK)) {
            AtomicLong killing = new AtomicLong();
            ScanInstance.TimedScan scan = instance.timedScan(Horizon.MEDIUM, new ScanListener() {
                @Override
                public void stage(String description) {
                    // mid-scan: after the holdings' data, before the ETFs' data and scores are fetched and stored
                    if (description.startsWith("scoring the ETFs")) {
                        long started = System.nanoTime();
                        redis.stop();
                        killing.set(millisSince(started));
                    }
                }
            });

            assertThat(redis.isRunning()).isFalse();
            assertFullAnswerInTime(scan, Horizon.MEDIUM, coldBaselineMs + killing.get(),
                    "Redis killed mid-scan (kill took " + killing.get() + " ms)");
            assertFullAnswerInTime(instance.timedScan(Horizon.SHORT), Horizon.SHORT, coldBaselineMs,
                    "Redis down, next scan");

            redis.restart();
            Duration back = awaitRedisInUse(instance, cli);
            timing("Redis restarted after a kill mid-scan: used again after " + back.toMillis() + " ms");
            assertThat(back).isLessThanOrEqualTo(BACK_WITHIN);
        }
    }

    @Test
    void aFrozenRedisCostsAFewTimeoutsThenNothingAndIsUsedAgainOnceItResumes() {
        try (RealRedis redis = RealRedis.start(); RedisCli cli = new RedisCli(redis.url());
             ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK);
             ScanInstance idle = ScanInstance.open(redis.url(), data, CLOCK)) {
            instance.scan(Horizon.MEDIUM);
            redis.freeze();
            try {
                assertFullAnswerInTime(instance.timedScan(Horizon.SHORT), Horizon.SHORT, coldBaselineMs,
                        "Redis frozen, scan of new scores");
                // the worst case: a process connected before the freeze, with nothing in process yet, asks Redis
                // for every score and every piece of raw data
                assertFullAnswerInTime(idle.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, coldBaselineMs,
                        "Redis frozen, first scan of a process connected before the freeze");
                assertThat(idle.shared().status().breakerState()).isEqualTo(SharedStoreStatus.BreakerState.OPEN);
                int waited = 1;
                while (instance.shared().status().breakerState() != SharedStoreStatus.BreakerState.OPEN && waited < 6) {
                    assertFullAnswerInTime(instance.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, warmBaselineMs,
                            "Redis frozen, repeated scan before the breaker opens");
                    waited++;
                }
                SharedStoreStatus status = instance.shared().status();
                assertThat(status.breakerState()).as("breaker after %d scans on a frozen Redis", waited).isEqualTo(SharedStoreStatus.BreakerState.OPEN);
                assertThat(status.connected()).isFalse();
                assertThat(status.errors()).isGreaterThanOrEqualTo(3);
                assertThat(status.lastError()).as("the last error, a timeout").containsIgnoringCase("time");
                for (int i = 0; i < 3; i++) {
                    ScanInstance.TimedScan open = instance.timedScan(Horizon.MEDIUM);
                    assertFullAnswerInTime(open, Horizon.MEDIUM, warmBaselineMs, "Redis frozen, breaker open");
                    assertThat(open.millis()).as("a scan with the breaker open waits for no timeout")
                            .isLessThan(warmBaselineMs + 200);
                }
                long asking = System.nanoTime();
                CacheStats stats = instance.scores().stats();
                timing("stats() with Redis frozen and the breaker open: " + millisSince(asking) + " ms");
                assertThat(stats.redis().breakerState()).isEqualTo(SharedStoreStatus.BreakerState.OPEN);
            } finally {
                redis.resume();
            }
            Duration back = awaitRedisInUse(instance, cli);
            timing("Redis resumed after a freeze: used again after " + back.toMillis() + " ms");
            assertThat(back).isLessThanOrEqualTo(BACK_WITHIN);
            assertThat(instance.shared().status().breakerState()).isEqualTo(SharedStoreStatus.BreakerState.CLOSED);
            assertThat(instance.shared().status().connected()).isTrue();
        }
    }

    @Test
    void aRedisFrozenAtStartUpDelaysNeitherTheStartNorTheScans() {
        try (RealRedis redis = RealRedis.start(); RedisCli cli = new RedisCli(redis.url())) {
            redis.freeze();
            try {
                long opening = System.nanoTime();
                try (ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK)) {
                    long openedInMs = millisSince(opening);
                    timing("opening the caches with Redis frozen: " + openedInMs + " ms");
                    assertThat(openedInMs).as("opening with Redis frozen").isLessThanOrEqualTo(BUDGET_MS);
                    assertFullAnswerInTime(instance.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, coldBaselineMs,
                            "Redis frozen at start-up, first scan");
                    assertFullAnswerInTime(instance.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, warmBaselineMs,
                            "Redis frozen at start-up, repeated scan");

                    redis.resume();
                    Duration back = awaitRedisInUse(instance, cli);
                    timing("Redis resumed after a start while frozen: used again after " + back.toMillis() + " ms");
                    assertThat(back).isLessThanOrEqualTo(BACK_WITHIN);
                }
            } finally {
                redis.resume();
            }
        }
    }

    @Test
    void redisRestartedEmptyIsRefilledByTheScansThatMissIt() {
        try (RealRedis redis = RealRedis.start(); RedisCli cli = new RedisCli(redis.url());
             ScanInstance first = ScanInstance.open(redis.url(), data, CLOCK)) {
            first.scan(Horizon.MEDIUM);
            Map<String, Integer> computed = first.scorer.computed();
            List<String> scoreKeys = RedisScoreCacheTest.awaitKeys(cli, "stock_score:*", computed.size());
            List<String> marketDataKeys = cli.keys("market_data:*");
            assertThat(marketDataKeys).isNotEmpty();

            redis.restart();
            assertThat(cli.keys("*")).as("an empty server").isEmpty();

            assertFullAnswerInTime(first.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, warmBaselineMs,
                    "Redis restarted empty, same process (its in-process level answers)");
            try (ScanInstance second = ScanInstance.open(redis.url(), data, CLOCK)) {
                assertFullAnswerInTime(second.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, coldBaselineMs,
                        "Redis restarted empty, new process recomputes");
                assertThat(second.scorer.computed()).isEqualTo(computed);
                assertThat(second.upstream.total()).isPositive();
                assertThat(RedisScoreCacheTest.awaitKeys(cli, "stock_score:*", scoreKeys.size())).isEqualTo(scoreKeys);
                assertThat(RedisScoreCacheTest.awaitKeys(cli, "market_data:*", marketDataKeys.size()))
                        .isEqualTo(marketDataKeys);
            }
            Duration back = awaitRedisInUse(first, cli);
            timing("Redis restarted empty: the first process uses it again after " + back.toMillis() + " ms");
            assertThat(back).isLessThanOrEqualTo(BACK_WITHIN);
        }
    }

    @Test
    void closingTheCachesWhileRedisIsFrozenReturnsWithinTwoSeconds() {
        try (RealRedis redis = RealRedis.start()) {
            ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK);
            instance.scan(Horizon.MEDIUM);
            redis.freeze();
            instance.scan(Horizon.SHORT);
            // writes under way when the close comes
            for (int i = 0; i < 50; i++) {
                instance.scores().score("LATE" + i, Horizon.MEDIUM, AS_OF, computes(probeScore("LATE" + i))).join();
            }

            long closing = System.nanoTime();
            instance.close();
            long closedInMs = millisSince(closing);

            timing("closing the caches with Redis frozen: " + closedInMs + " ms");
            assertThat(closedInMs).isLessThanOrEqualTo(2_000);
        }
    }

    @Test
    void afterALongOutageRedisIsUsedAgainWithinSecondsOfItsReturn() {
        try (RealRedis redis = RealRedis.start(); RedisCli cli = new RedisCli(redis.url());
             ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK)) {
            instance.scan(Horizon.MEDIUM);
            redis.stop();
            long down = System.nanoTime();
            while (millisSince(down) < 9_000) {
                assertFullAnswerInTime(instance.timedScan(Horizon.MEDIUM), Horizon.MEDIUM, warmBaselineMs,
                        "Redis down for 9 s, repeated scan");
                RedisCli.sleep(1_000);
            }

            redis.restart();
            Duration back = awaitRedisInUse(instance, cli, Duration.ofSeconds(40));
            timing("Redis back after a 9 s outage: used again after " + back.toMillis() + " ms");
            assertThat(back).isLessThanOrEqualTo(BACK_WITHIN);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The scan answered what it answers without Redis, and took at most the budget more. */
    private static void assertFullAnswerInTime(ScanInstance.TimedScan scan, Horizon horizon, long baselineMs,
                                               String what) {
        timing(what + ": " + scan.millis() + " ms (without Redis: " + baselineMs + " ms)");
        ScanReport expected = WITHOUT_REDIS.get(horizon);
        ScanReport report = scan.report();
        assertThat(report.gaps()).as(what).isEqualTo(expected.gaps());
        assertThat(report.opportunities()).as(what).isEqualTo(expected.opportunities());
        assertThat(report.suggestedSales()).as(what).isEqualTo(expected.suggestedSales());
        assertThat(report.impact()).as(what).isEqualTo(expected.impact());
        assertThat(report.unscored()).as(what).isEqualTo(expected.unscored());
        assertThat(report.warnings()).as(what).isEqualTo(expected.warnings());
        assertThat(scan.millis()).as(what + ": ms, against " + baselineMs + " ms without Redis + " + BUDGET_MS)
                .isLessThanOrEqualTo(baselineMs + BUDGET_MS);
    }

    private static Duration awaitRedisInUse(ScanInstance instance, RedisCli cli) {
        return awaitRedisInUse(instance, cli, BACK_WITHIN.multipliedBy(2));
    }

    /**
     * Polls until the process both writes to Redis (a score it computes lands there) and reads from
     * it (a score another process stored is a hit, not computed); returns how long that took.
     */
    private static Duration awaitRedisInUse(ScanInstance instance, RedisCli cli, Duration patience) {
        long started = System.nanoTime();
        while (true) {
            int probe = PROBES.incrementAndGet();
            String written = "PROBEW" + probe;
            instance.scores().score(written, Horizon.MEDIUM, AS_OF, computes(probeScore(written))).join();
            boolean writes = cli.awaitExists(ScoreKeys.score(written, Horizon.MEDIUM, AS_OF, false), Duration.ofMillis(200));

            String stored = "PROBER" + probe;
            boolean reads = false;
            try {
                cli.set(ScoreKeys.score(stored, Horizon.MEDIUM, AS_OF, false),
                        RedisScoreCacheTest.document(stored, MODEL, NOW.plus(Duration.ofHours(1))), Duration.ofHours(1));
                AtomicInteger computed = new AtomicInteger();
                ScoreCache.Served served = instance.scores().score(stored, Horizon.MEDIUM, AS_OF,
                        RedisScoreCacheTest.counting(computed, probeScore(stored))).join();
                reads = served.source() == ScoreCache.Source.HIT && computed.get() == 0;
            } catch (RuntimeException serverNotBackYet) {
                // try again
            }
            if (writes && reads) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("time for the process to use Redis again (writes: %s, reads: %s; status %s)", writes, reads,
                            instance.shared().status())
                    .isLessThan(patience);
            RedisCli.sleep(100);
        }
    }

    private static SymbolScore probeScore(String symbol) {
        return new SymbolScore(symbol, Horizon.MEDIUM, 50.0, 50.0, 50.0, 50.0, 1.0, 120, 0.25, AS_OF, MODEL);
    }

    private static java.util.function.Supplier<CompletableFuture<ScoreOutcome>> computes(SymbolScore score) {
        return RedisScoreCacheTest.computes(score);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void timing(String line) {
        synchronized (TIMINGS) {
            TIMINGS.add(line);
        }
    }
}
