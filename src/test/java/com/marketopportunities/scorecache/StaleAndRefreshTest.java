package com.marketopportunities.scorecache;

import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.store.RedisSharedStore;
import com.marketopportunities.scan.ExampleMarket;

import static com.marketopportunities.scan.ExampleMarket.AS_OF;
import static com.marketopportunities.scan.ExampleMarket.NOW;
import static com.marketopportunities.scorecache.RedisScoreCacheTest.MODEL;
import static com.marketopportunities.scorecache.RedisScoreCacheTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.testredis.RealRedis;
import com.marketopportunities.testredis.RealRedisExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A score's life on a clock the test moves: fresh (a hit), in the last part of its fresh life
 * (a hit that refreshes it in the background), expired (recomputed, or served stale when the
 * upstream fails, for a day), gone; and concurrent misses computing once.
 */
@ExtendWith(RealRedisExtension.class)
class StaleAndRefreshTest {

    /** A 30 % volatility: fresh for 4 h, refreshed when read in its last 48 min, kept 24 h more. */
    static final double VOLATILITY = 0.30;
    static final Duration FRESH = Duration.ofHours(4);
    static final String KEY = "stock_score:JPM:medium:2024-06-28";

    static RealRedis redis;
    static RedisCli cli;
    @TempDir
    static Path folder;
    static Path data;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private MutableClock clock;
    private TwoLevelScoreCache cache;

    @BeforeAll
    static void startRedis(RealRedis server) throws Exception {
        redis = server;
        cli = new RedisCli(server.url());
        data = ExampleMarket.write(folder);
    }

    @AfterAll
    static void closeCli() {
        cli.close();
    }

    @BeforeEach
    void storeAScoreAtNine() {
        cli.flushAll();
        clock = new MutableClock(NOW);
        cache = process(clock);
        ScoreCache.Served first = cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(jpm(55.0))).join();
        assertThat(first.source()).isEqualTo(ScoreCache.Source.MISS);
        assertThat(cli.awaitExists(KEY, Duration.ofSeconds(2))).isTrue();
    }

    @AfterEach
    void closeProcesses() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aFreshScoreIsAHitWithoutComputing() {
        clock.advance(Duration.ofHours(1));
        AtomicInteger computed = new AtomicInteger();

        ScoreCache.Served served = cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, jpm(70.0))).join();

        assertThat(served).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(jpm(55.0)), ScoreCache.Source.HIT));
        assertThat(computed).hasValue(0);
    }

    @Test
    void pastItsFreshLifeAFailedUpstreamServesTheOldScoreMarkedStaleAndCountsIt() {
        clock.advance(FRESH.plusMinutes(1));
        AtomicInteger computed = new AtomicInteger();

        ScoreCache.Served served = cache.score("JPM", Horizon.MEDIUM, AS_OF, () -> {
            computed.incrementAndGet();
            return CompletableFuture.completedFuture(upstreamFailed("JPM"));
        }).join();

        assertThat(computed).hasValue(1);
        assertThat(served.source()).isEqualTo(ScoreCache.Source.STALE);
        assertThat(served.outcome()).isEqualTo(new ScoreOutcome.Stale(jpm(55.0), NOW.plus(FRESH)));
        assertThat(cache.stats().staleServed()).isEqualTo(1);
        // the stale entry is still in Redis for the next try
        assertThat(cli.exists(KEY)).isTrue();
    }

    @Test
    void aNewProcessServesAStaleScoreFromRedisWhenTheUpstreamFails() {
        MutableClock later = new MutableClock(NOW.plus(FRESH).plus(Duration.ofHours(20)));
        TwoLevelScoreCache restarted = process(later);

        ScoreCache.Served served = restarted.score("JPM", Horizon.MEDIUM, AS_OF,
                () -> CompletableFuture.completedFuture(upstreamFailed("JPM"))).join();

        assertThat(served.source()).isEqualTo(ScoreCache.Source.STALE);
        assertThat(served.outcome().anyScore()).contains(jpm(55.0));
        assertThat(restarted.stats().staleServed()).isEqualTo(1);
    }

    @Test
    void pastItsFreshLifeASuccessfulComputeReplacesTheScoreInBothLevels() {
        clock.advance(FRESH.plusMinutes(1));

        ScoreCache.Served served = cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(jpm(70.0))).join();

        assertThat(served).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(jpm(70.0)), ScoreCache.Source.MISS));
        awaitComposite(70.0);
        assertThat(Instant.parse((String) json(cli.get(KEY)).get("fresh_until"))).isEqualTo(clock.instant().plus(FRESH));
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, jpm(99.0))).join())
                .isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(jpm(70.0)), ScoreCache.Source.HIT));
        assertThat(computed).hasValue(0);
        assertThat(cache.stats().staleServed()).isZero();
    }

    @Test
    void noDataIsNotAnUpstreamFailureSoTheExpiredScoreIsNotServed() {
        clock.advance(FRESH.plusMinutes(1));
        ScoreOutcome.Unscored delisted = new ScoreOutcome.Unscored("JPM", "no data: delisted");

        ScoreCache.Served served = cache.score("JPM", Horizon.MEDIUM, AS_OF,
                () -> CompletableFuture.completedFuture(delisted)).join();

        assertThat(served).isEqualTo(new ScoreCache.Served(delisted, ScoreCache.Source.MISS));
        assertThat(cache.stats().staleServed()).isZero();
    }

    @Test
    void afterTheStaleGraceAFailedUpstreamIsReportedUnscoredNotStale() {
        // a new process: its clock is past fresh-until + 24 h, while Redis, on real time, still has the entry
        MutableClock dayLater = new MutableClock(NOW.plus(FRESH).plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
        TwoLevelScoreCache restarted = process(dayLater);
        assertThat(cli.exists(KEY)).isTrue();

        ScoreCache.Served served = restarted.score("JPM", Horizon.MEDIUM, AS_OF,
                () -> CompletableFuture.completedFuture(upstreamFailed("JPM"))).join();

        assertThat(served).isEqualTo(new ScoreCache.Served(upstreamFailed("JPM"), ScoreCache.Source.MISS));
        assertThat(restarted.stats().staleServed()).isZero();
    }

    @Test
    void aReadInTheLastFifthOfItsFreshLifeIsAnsweredAtOnceAndRefreshedInTheBackground() {
        AtomicInteger computed = new AtomicInteger();
        clock.advance(FRESH.dividedBy(2));
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, jpm(70.0))).join().source())
                .isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).as("at half its life: no refresh").hasValue(0);

        clock.advance(FRESH.multipliedBy(4).dividedBy(10)); // 90 % of its life
        Instant refreshedAt = clock.instant();
        CompletableFuture<ScoreOutcome> refresh = new CompletableFuture<>();
        Supplier<CompletableFuture<ScoreOutcome>> slowCompute = () -> {
            computed.incrementAndGet();
            return refresh;
        };
        CompletableFuture<ScoreCache.Served> read = cache.score("JPM", Horizon.MEDIUM, AS_OF, slowCompute);
        CompletableFuture<ScoreCache.Served> again = cache.score("JPM", Horizon.MEDIUM, AS_OF, slowCompute);

        assertThat(read).as("answered without waiting for the refresh").isDone();
        assertThat(read.join()).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(jpm(55.0)), ScoreCache.Source.HIT));
        assertThat(again.join().source()).isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).as("one refresh for both reads").hasValue(1);

        refresh.complete(new ScoreOutcome.Scored(jpm(70.0)));

        awaitComposite(70.0);
        assertThat(Instant.parse((String) json(cli.get(KEY)).get("fresh_until"))).isEqualTo(refreshedAt.plus(FRESH));
        assertThat(cli.ttl(KEY)).isCloseTo(FRESH.plusHours(24).toSeconds(), org.assertj.core.api.Assertions.within(5L));
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, jpm(99.0))).join())
                .isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(jpm(70.0)), ScoreCache.Source.HIT));
        assertThat(computed).as("fresh again: no further refresh").hasValue(1);
    }

    @Test
    void twentyConcurrentMissesOfOneKeyComputeItOnce() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        Supplier<CompletableFuture<ScoreOutcome>> slowCompute = () -> {
            computed.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> {
                RedisCli.sleep(200);
                return new ScoreOutcome.Scored(xlv());
            });
        };
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch ready = new CountDownLatch(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ScoreCache.Served>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(callers.submit(() -> {
                    ready.countDown();
                    go.await();
                    return cache.score("XLV", Horizon.MEDIUM, AS_OF, slowCompute).join();
                }));
            }
            ready.await();
            go.countDown();

            for (Future<ScoreCache.Served> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(new ScoreOutcome.Scored(xlv()));
            }
            assertThat(computed).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCallerWhoseLookupOverlapsAnotherCallersComputationDoesNotComputeAgain(RealRedis slowRedis) throws Exception {
        RedisSharedStore store = new RedisSharedStore(RedisSettings.defaults(slowRedis.url()));
        opened.add(store);
        TwoLevelScoreCache slow = new TwoLevelScoreCache(store, 1_000, AdaptiveTtl.defaults(), MODEL, clock,
                CacheMetrics.unregistered());
        AtomicInteger computed = new AtomicInteger();
        slowRedis.freeze();
        try {
            CompletableFuture<ScoreCache.Served> first = CompletableFuture.supplyAsync(
                    () -> slow.score("XLV", Horizon.MEDIUM, AS_OF, counting(computed, xlv())).join());
            RedisCli.sleep(120);
            CompletableFuture<ScoreCache.Served> second = CompletableFuture.supplyAsync(
                    () -> slow.score("XLV", Horizon.MEDIUM, AS_OF, counting(computed, xlv())).join());

            assertThat(first.get(3, TimeUnit.SECONDS).outcome()).isEqualTo(new ScoreOutcome.Scored(xlv()));
            assertThat(second.get(3, TimeUnit.SECONDS).outcome()).isEqualTo(new ScoreOutcome.Scored(xlv()));
            assertThat(computed).as("computations of one score asked for twice, 120 ms apart").hasValue(1);
        } finally {
            slowRedis.resume();
        }
    }

    @Test
    void aScanWhoseUpstreamFailsForSomeSymbolsReportsTheirExpiredScoresMarkedStale() {
        ScanInstance yesterday = ScanInstance.open(redis.url(), data, Clock.fixed(NOW, ZoneOffset.UTC));
        opened.add(yesterday);
        ScanReport fresh = yesterday.scan(Horizon.MEDIUM);
        RedisScoreCacheTest.awaitKeys(cli, "stock_score:*", yesterday.scorer.total() + 1);
        // nine hours later every score is past its fresh life (8 h at most); a new process, whose provider
        // refuses Healthcare's ETF and stock, and no raw data left in Redis
        cli.delete("market_data:*");
        ScanInstance later = ScanInstance.open(redis.url(),
                new FailingUpstream(new CsvFolderMarketData(data), Set.of("XLV", "JNJ")),
                Clock.fixed(NOW.plus(Duration.ofHours(9)), ZoneOffset.UTC));
        opened.add(later);

        ScanReport report = later.scan(Horizon.MEDIUM);

        assertThat(report.stats().staleServed()).isEqualTo(2);
        assertThat(later.scores().stats().staleServed()).isEqualTo(2);
        ScanReport.Gap healthcare = gap(report, "Healthcare");
        assertThat(healthcare.stale()).isTrue();
        assertThat(healthcare.score()).isEqualTo(gap(fresh, "Healthcare").score());
        assertThat(gap(report, "Energy").stale()).isFalse();
        // Healthcare's rows: XLV and JNJ with their own stale scores, its unscored stocks with XLV's
        assertThat(report.opportunities()).filteredOn(ScanReport.Opportunity::stale)
                .extracting(ScanReport.Opportunity::sector).containsOnly("Healthcare");
        assertThat(report.opportunities()).filteredOn(row -> row.sector().equals("Healthcare"))
                .allMatch(ScanReport.Opportunity::stale).extracting(ScanReport.Opportunity::symbol)
                .contains("XLV", "JNJ", "UNH");
        assertThat(opportunity(report, "JNJ").score()).isEqualTo(opportunity(fresh, "JNJ").score());
        assertThat(report.unscored()).extracting(ScanReport.Unscored::symbol).doesNotContain("XLV", "JNJ");
        // the others were recomputed from the provider
        assertThat(later.scorer.computed()).containsKeys("XLE:medium", "XOM:medium").doesNotContainKeys("XLV:medium",
                "JNJ:medium");
    }

    @Test
    void aScanRefreshesInTheBackgroundTheScoresItReadsInTheLastPartOfTheirLife() {
        ScanInstance morning = ScanInstance.open(redis.url(), data, Clock.fixed(NOW, ZoneOffset.UTC));
        opened.add(morning);
        morning.scan(Horizon.MEDIUM);
        List<String> keys = RedisScoreCacheTest.awaitKeys(cli, "stock_score:*", morning.scorer.total() + 1);
        assertThat(keys).contains("stock_score:XLV:medium:2024-06-28", "stock_score:XLE:medium:2024-06-28");
        // 7 h 12 min later, a new process: the low-volatility scores (8 h: XLV, JNJ) are at 90 % of their life,
        // the others (4 h: XLE, XOM) have expired
        Instant later = NOW.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(12));
        ScanInstance afternoon = ScanInstance.open(redis.url(), data, Clock.fixed(later, ZoneOffset.UTC));
        opened.add(afternoon);

        ScanReport report = afternoon.scan(Horizon.MEDIUM);

        assertThat(report.stats().cacheHits()).as("XLV and JNJ, answered from the cache").isEqualTo(2);
        assertThat(report.stats().cacheMisses()).as("XLE and XOM, expired").isEqualTo(2);
        assertThat(afternoon.scorer.computed()).containsOnlyKeys("XLV:medium", "JNJ:medium", "XLE:medium",
                "XOM:medium");
        for (String symbol : List.of("XLV", "JNJ")) {
            String key = "stock_score:" + symbol + ":medium:2024-06-28";
            awaitFreshUntil(key, later.plus(Duration.ofHours(8)));
            assertThat(cli.ttl(key)).as(key).isCloseTo(Duration.ofHours(8 + 24).toSeconds(),
                    org.assertj.core.api.Assertions.within(5L));
        }
        awaitFreshUntil("stock_score:XLE:medium:2024-06-28", later.plus(Duration.ofHours(4)));
    }

    // ---------------------------------------------------------------------------------------------

    private TwoLevelScoreCache process(Clock processClock) {
        RedisSharedStore store = new RedisSharedStore(RedisSettings.defaults(redis.url()));
        opened.add(store);
        return new TwoLevelScoreCache(store, 1_000, AdaptiveTtl.defaults(), MODEL, processClock,
                CacheMetrics.unregistered());
    }

    static SymbolScore jpm(double composite) {
        return new SymbolScore("JPM", Horizon.MEDIUM, 60.0, 50.0, 55.0, composite, 0.9, 120, VOLATILITY, AS_OF, MODEL);
    }

    static SymbolScore xlv() {
        return new SymbolScore("XLV", Horizon.MEDIUM, 60.0, 50.0, 80.0, 62.0, 1.0, 124, 0.12, AS_OF, MODEL);
    }

    static ScoreOutcome.Unscored upstreamFailed(String symbol) {
        return new ScoreOutcome.Unscored(symbol, "market data unavailable: HTTP 429", true);
    }

    static Supplier<CompletableFuture<ScoreOutcome>> computes(SymbolScore score) {
        return () -> CompletableFuture.completedFuture(new ScoreOutcome.Scored(score));
    }

    static Supplier<CompletableFuture<ScoreOutcome>> counting(AtomicInteger computed, SymbolScore score) {
        return RedisScoreCacheTest.counting(computed, score);
    }

    private static void awaitComposite(double composite) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline && !Double.valueOf(composite).equals(json(cli.get(KEY)).get("composite_score"))) {
            RedisCli.sleep(20);
        }
        assertThat(json(cli.get(KEY))).containsEntry("composite_score", composite);
    }

    private static void awaitFreshUntil(String key, Instant expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline && !expected.toString().equals(json(cli.get(key)).get("fresh_until"))) {
            RedisCli.sleep(20);
        }
        assertThat(Instant.parse((String) json(cli.get(key)).get("fresh_until"))).as(key).isEqualTo(expected);
    }

    private static ScanReport.Gap gap(ScanReport report, String sector) {
        return report.gaps().stream().filter(gap -> gap.sector().equals(sector)).findFirst().orElseThrow();
    }

    private static ScanReport.Opportunity opportunity(ScanReport report, String symbol) {
        return report.opportunities().stream().filter(row -> row.symbol().equals(symbol)).findFirst().orElseThrow();
    }
}
