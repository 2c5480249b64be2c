package com.marketopportunities.scorecache;

import com.marketopportunities.scan.ExampleMarket;

import static com.marketopportunities.scan.ExampleMarket.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.testredis.RealRedis;
import com.marketopportunities.testredis.RealRedisExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Many identical scans at once in one process, on a cold cache with Redis: the work is done once. */
@ExtendWith(RealRedisExtension.class)
class ConcurrentScansTest {

    static final int SCANS = 20;

    @TempDir
    Path folder;

    @Test
    void twentyIdenticalColdScansAtOnceFetchEachSymbolFromTheUpstreamOnceAndAnswerAlike(RealRedis redis)
            throws Exception {
        Path data = ExampleMarket.write(folder);
        ScanReport alone = scanAlone(data);

        try (ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK);
             RedisCli cli = new RedisCli(redis.url())) {
            List<ScanReport> reports = scanAtOnce(instance);

            assertThat(instance.upstream.histories()).containsKeys("SPY", "AAPL", "XLV", "JNJ", "XOM", "UNH")
                    .allSatisfy((symbol, times) -> assertThat(times).as(symbol + " history fetched").isEqualTo(1));
            // AAPL, held, is classified by the candidate universe: neither its fundamentals nor its profile are asked for
            assertThat(instance.upstream.fundamentals()).containsKeys("XLV", "JNJ").doesNotContainKey("AAPL")
                    .allSatisfy((symbol, times) -> assertThat(times).as(symbol + " fundamentals fetched").isEqualTo(1));
            for (ScanReport report : reports) {
                assertThat(report.gaps()).isEqualTo(alone.gaps());
                assertThat(report.opportunities()).isEqualTo(alone.opportunities());
                assertThat(report.suggestedSales()).isEqualTo(alone.suggestedSales());
                assertThat(report.impact()).isEqualTo(alone.impact());
                assertThat(report.unscored()).isEqualTo(alone.unscored());
                assertThat(report.warnings()).isEqualTo(alone.warnings());
            }
            assertThat(instance.scorer.computed()).containsOnlyKeys("XLV:medium", "JNJ:medium", "XLE:medium",
                    "XOM:medium");
            assertThat(RedisScoreCacheTest.awaitKeys(cli, "stock_score:*", 4)).containsExactly(
                    "stock_score:JNJ:medium:2024-06-28", "stock_score:XLE:medium:2024-06-28",
                    "stock_score:XLV:medium:2024-06-28", "stock_score:XOM:medium:2024-06-28");
        }
    }

    @Test
    void twentyIdenticalColdScansAtOnceComputeEachScoreOnce(RealRedis redis) throws Exception {
        Path data = ExampleMarket.write(folder);
        try (RedisCli cli = new RedisCli(redis.url())) {
            for (int round = 1; round <= 10; round++) {
                cli.flushAll();
                try (ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK)) {
                    scanAtOnce(instance);

                    assertThat(instance.scorer.computed()).as("computations per score, round %d", round)
                            .containsOnlyKeys("XLV:medium", "JNJ:medium", "XLE:medium", "XOM:medium")
                            .allSatisfy((score, times) -> assertThat(times).as(score).isEqualTo(1));
                }
            }
        }
    }

    @Test
    void twentyScansAtOnceInAWarmProcessComputeAndFetchNothing(RealRedis redis) throws Exception {
        Path data = ExampleMarket.write(folder);
        try (ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK)) {
            ScanReport first = instance.scan(Horizon.MEDIUM);
            int computed = instance.scorer.total();
            Map<String, Integer> histories = instance.upstream.histories();
            Map<String, Integer> fundamentals = instance.upstream.fundamentals();
            Map<String, Integer> profiles = instance.upstream.profiles();

            List<ScanReport> reports = scanAtOnce(instance);

            assertThat(instance.scorer.total()).isEqualTo(computed);
            assertThat(instance.upstream.histories()).as("histories fetched").isEqualTo(histories);
            assertThat(instance.upstream.fundamentals()).as("fundamentals fetched").isEqualTo(fundamentals);
            assertThat(instance.upstream.profiles()).as("profiles fetched").isEqualTo(profiles);
            assertThat(reports).allSatisfy(report -> {
                assertThat(report.stats().cacheMisses()).isZero();
                assertThat(report.stats().cacheHits()).isEqualTo(computed);
                assertThat(report.opportunities()).isEqualTo(first.opportunities());
            });
        }
    }

    @Test
    void aScanThatStartedBeforeAnotherStoredItsScoresUsesThemInsteadOfComputingThemAgain(RealRedis redis)
            throws Exception {
        Path data = ExampleMarket.write(folder);
        try (ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK)) {
            CountDownLatch secondHasBegun = new CountDownLatch(1);
            CountDownLatch firstIsDone = new CountDownLatch(1);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            Future<ScanReport> second;
            try {
                // the second scan begins while the first is classifying, and asks for scores once the first is done
                List<Future<ScanReport>> started = new ArrayList<>();
                ScanReport first = instance.scan(Horizon.MEDIUM, new ScanListener() {
                    @Override
                    public void stage(String description) {
                        if (description.startsWith("scoring the ETFs")) {
                            started.add(thread.submit(() -> instance.scan(Horizon.MEDIUM, new ScanListener() {
                                @Override
                                public void stage(String stage) {
                                    if (stage.startsWith("classifying")) {
                                        secondHasBegun.countDown();
                                    } else if (stage.startsWith("scoring the ETFs")) {
                                        await(firstIsDone);
                                    }
                                }
                            })));
                            await(secondHasBegun);
                        }
                    }
                });
                int computedByTheFirst = instance.scorer.total();
                firstIsDone.countDown();
                second = started.get(0);
                ScanReport report = second.get(10, TimeUnit.SECONDS);

                assertThat(report.opportunities()).isEqualTo(first.opportunities());
                assertThat(instance.scorer.computed()).as("computations per score")
                        .allSatisfy((score, times) -> assertThat(times).as(score).isEqualTo(1));
                assertThat(instance.scorer.total()).isEqualTo(computedByTheFirst);
                assertThat(report.stats().cacheHits()).isEqualTo(computedByTheFirst);
            } finally {
                firstIsDone.countDown();
                thread.shutdownNow();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other scan never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ScanReport scanAlone(Path data) {
        try (ScanInstance reference = ScanInstance.open(null, data, CLOCK)) {
            return reference.scan(Horizon.MEDIUM);
        }
    }

    /** {@value #SCANS} scans of the example portfolio, released together. */
    private static List<ScanReport> scanAtOnce(ScanInstance instance) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(SCANS);
        try {
            CountDownLatch ready = new CountDownLatch(SCANS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ScanReport>> scans = new ArrayList<>();
            for (int i = 0; i < SCANS; i++) {
                scans.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return instance.scan(Horizon.MEDIUM);
                }));
            }
            ready.await();
            go.countDown();
            List<ScanReport> reports = new ArrayList<>();
            for (Future<ScanReport> scan : scans) {
                reports.add(scan.get(30, TimeUnit.SECONDS));
            }
            return reports;
        } finally {
            threads.shutdownNow();
        }
    }
}
