package com.marketopportunities.scorecache;

import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.store.RedisSharedStore;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.scan.ExampleMarket;

import static com.marketopportunities.scan.ExampleMarket.AS_OF;
import static com.marketopportunities.scan.ExampleMarket.CLOCK;
import static com.marketopportunities.scan.ExampleMarket.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.config.Settings;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * The score cache on a real Redis, as an operator sees it with {@code redis-cli}: CACHE.md's keys,
 * JSON document and TTLs, sharing between processes, model versions, and the management
 * operations (clear, keys, stats).
 */
@ExtendWith(RealRedisExtension.class)
class RedisScoreCacheTest {

    static final String MODEL = Settings.defaults().scoring().modelVersion();
    /** Slack for TTLs read back from Redis: seconds pass between the write and the read. */
    static final long TTL_SLACK_SECONDS = 5;

    static RealRedis redis;
    static RedisCli cli;
    @TempDir
    static Path folder;
    static Path data;

    private final List<AutoCloseable> opened = new ArrayList<>();

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
    void emptyRedis() {
        cli.flushAll();
    }

    @AfterEach
    void closeProcesses() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void theStoredValueIsCacheMdsJsonDocumentReadableWithGet() {
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        SymbolScore xlv = new SymbolScore("XLV", Horizon.MEDIUM, 61.2, 48.0, 72.5, 60.4, 0.95, 124, 0.12, AS_OF, MODEL);

        cache.score("XLV", Horizon.MEDIUM, AS_OF, computes(xlv)).join();

        String key = "stock_score:XLV:medium:2024-06-28";
        assertThat(cli.awaitExists(key, Duration.ofSeconds(2))).as("written to Redis").isTrue();
        Map<String, Object> document = json(cli.get(key));
        assertThat(document.keySet()).containsExactly("symbol", "momentum_score", "value_score",
                "diversification_score", "composite_score", "confidence", "data_points", "analysis_date", "volatility",
                "model_version", "fresh_until");
        assertThat(document).containsEntry("symbol", "XLV").containsEntry("momentum_score", 61.2)
                .containsEntry("value_score", 48.0).containsEntry("diversification_score", 72.5)
                .containsEntry("composite_score", 60.4).containsEntry("confidence", 0.95)
                .containsEntry("data_points", 124).containsEntry("analysis_date", "2024-06-28")
                .containsEntry("volatility", 0.12).containsEntry("model_version", MODEL);
        // a low-volatility ETF is fresh for 8 h
        assertThat(Instant.parse((String) document.get("fresh_until"))).isEqualTo(NOW.plus(Duration.ofHours(8)));
    }

    @Test
    void theTtlIsTheFreshLifeOfTheVolatilityPlusTheDayOfStaleGrace() {
        TwoLevelScoreCache cache = process(MODEL, CLOCK);

        cache.score("XLV", Horizon.MEDIUM, AS_OF, computes(score("XLV", 0.12))).join();   // <= 20 %: 8 h
        cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(score("JPM", 0.30))).join();   // between: 4 h
        cache.score("TSLA", Horizon.MEDIUM, AS_OF, computes(score("TSLA", 0.55))).join(); // >= 40 %: 1 h
        cache.score("NEWCO", Horizon.MEDIUM, AS_OF, computes(score("NEWCO", null))).join(); // unknown: 4 h

        assertTtl("stock_score:XLV:medium:2024-06-28", Duration.ofHours(8 + 24));
        assertTtl("stock_score:JPM:medium:2024-06-28", Duration.ofHours(4 + 24));
        assertTtl("stock_score:TSLA:medium:2024-06-28", Duration.ofHours(1 + 24));
        assertTtl("stock_score:NEWCO:medium:2024-06-28", Duration.ofHours(4 + 24));
        assertThat(Instant.parse((String) json(cli.get("stock_score:TSLA:medium:2024-06-28")).get("fresh_until")))
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aPastAsOfDateHasADatedKeyAndTodaysScoresTheLiveKey() {
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        LocalDate today = LocalDate.ofInstant(NOW, CLOCK.getZone());

        cache.score("xlv", Horizon.MEDIUM, AS_OF, computes(score("XLV", 0.12))).join();
        cache.score("xlv", Horizon.SHORT, today, computes(score("XLV", 0.12))).join();

        assertThat(cli.awaitExists("stock_score:XLV:short", Duration.ofSeconds(2))).isTrue();
        assertThat(cli.awaitExists("stock_score:XLV:medium:2024-06-28", Duration.ofSeconds(2))).isTrue();
        assertThat(cli.keys("stock_score:*")).containsExactly("stock_score:XLV:medium:2024-06-28",
                "stock_score:XLV:short");
    }

    @Test
    void anotherProcessOnTheSameRedisGetsHitsWithoutComputing() {
        TwoLevelScoreCache first = process(MODEL, CLOCK);
        SymbolScore xlv = score("XLV", 0.12);
        SymbolScore jpm = score("JPM", 0.30);
        first.score("XLV", Horizon.MEDIUM, AS_OF, computes(xlv)).join();
        first.score("JPM", Horizon.MEDIUM, AS_OF, computes(jpm)).join();
        awaitKeys("stock_score:*", 2);

        TwoLevelScoreCache second = process(MODEL, CLOCK);
        AtomicInteger computed = new AtomicInteger();
        ScoreCache.ScanLookup scan = second.forScan(Horizon.MEDIUM, AS_OF);
        scan.prefetch(List.of("XLV", "JPM"));
        ScoreCache.Served servedXlv = scan.score("XLV", counting(computed, xlv)).join();
        ScoreCache.Served servedJpm = second.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, jpm)).join();

        assertThat(computed).hasValue(0);
        assertThat(servedXlv).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(xlv), ScoreCache.Source.HIT));
        assertThat(servedJpm).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(jpm), ScoreCache.Source.HIT));
        assertThat(second.stats().hits()).isEqualTo(2);
        assertThat(second.stats().misses()).isZero();
    }

    @Test
    void aDocumentWrittenByAnotherInstanceAsCacheMdDescribesItIsAHit() {
        cli.set("stock_score:JPM:medium:2024-06-28", document("JPM", MODEL, NOW.plus(Duration.ofHours(2))),
                Duration.ofHours(26));
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        AtomicInteger computed = new AtomicInteger();

        ScoreCache.Served served = cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, score("JPM", 0.3)))
                .join();

        assertThat(computed).hasValue(0);
        assertThat(served.source()).isEqualTo(ScoreCache.Source.HIT);
        assertThat(served.outcome().anyScore()).hasValueSatisfying(jpm -> {
            assertThat(jpm.compositeScore()).isEqualTo(55.0);
            assertThat(jpm.horizon()).isEqualTo(Horizon.MEDIUM);
            assertThat(jpm.analysisDate()).isEqualTo(AS_OF);
            assertThat(jpm.volatility()).isEqualTo(0.25);
        });
    }

    @Test
    void aScoreOfAnotherModelVersionIsAMissAndIsReplacedByTheRunningModels() {
        TwoLevelScoreCache oldModel = process("v0-retired", CLOCK);
        oldModel.score("XLV", Horizon.MEDIUM, AS_OF, computes(withModel(score("XLV", 0.12), "v0-retired"))).join();
        awaitKeys("stock_score:*", 1);

        TwoLevelScoreCache running = process(MODEL, CLOCK);
        AtomicInteger computed = new AtomicInteger();
        SymbolScore current = score("XLV", 0.12);
        ScoreCache.Served served = running.score("XLV", Horizon.MEDIUM, AS_OF, counting(computed, current)).join();

        assertThat(served.source()).isEqualTo(ScoreCache.Source.MISS);
        assertThat(computed).hasValue(1);
        assertThat(served.outcome()).isEqualTo(new ScoreOutcome.Scored(current));
        awaitField("stock_score:XLV:medium:2024-06-28", "model_version", MODEL);
        // and the running model's own score is a hit from then on
        assertThat(running.score("XLV", Horizon.MEDIUM, AS_OF, counting(computed, current)).join().source())
                .isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).hasValue(1);
    }

    @Test
    void anUnreadableValueInRedisIsAMissNotAFailure() {
        cli.set("stock_score:XLV:medium:2024-06-28", "not json {", Duration.ofHours(1));
        cli.set("stock_score:JPM:medium:2024-06-28", "{\"symbol\":\"JPM\"}", Duration.ofHours(1));
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        AtomicInteger computed = new AtomicInteger();

        ScoreCache.ScanLookup scan = cache.forScan(Horizon.MEDIUM, AS_OF);
        scan.prefetch(List.of("XLV", "JPM"));
        ScoreCache.Served xlv = scan.score("XLV", counting(computed, score("XLV", 0.12))).join();
        ScoreCache.Served jpm = scan.score("JPM", counting(computed, score("JPM", 0.3))).join();

        assertThat(xlv.source()).isEqualTo(ScoreCache.Source.MISS);
        assertThat(jpm.source()).isEqualTo(ScoreCache.Source.MISS);
        assertThat(computed).hasValue(2);
        awaitField("stock_score:XLV:medium:2024-06-28", "model_version", MODEL);
    }

    @Test
    void clearAndKeysRefusePatternsOutsideTheCacheNamespaces() {
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(score("JPM", 0.3))).join();
        cli.set("session:42", "someone else's", Duration.ofHours(1));
        awaitKeys("stock_score:*", 1);

        for (String refused : List.of("*", "foo:*", "", "*stock_score:*", "stock_scor*")) {
            assertThatThrownBy(() -> cache.clear(refused)).as(refused).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stock_score:");
            assertThatThrownBy(() -> cache.keys(refused, 10)).as(refused).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> cache.clear(null)).isInstanceOf(IllegalArgumentException.class);

        assertThat(cli.exists("session:42")).isTrue();
        assertThat(cli.keys("stock_score:*")).hasSize(1);
    }

    @Test
    void clearingOneSymbolRemovesItsEntriesInBothLevelsAndNothingElse() {
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        LocalDate today = LocalDate.ofInstant(NOW, CLOCK.getZone());
        cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(score("JPM", 0.3))).join();
        cache.score("JPM", Horizon.SHORT, AS_OF, computes(score("JPM", 0.3))).join();
        cache.score("JPM", Horizon.MEDIUM, today, computes(score("JPM", 0.3))).join();
        cache.score("XLF", Horizon.MEDIUM, AS_OF, computes(score("XLF", 0.15))).join();
        cache.score("JPMX", Horizon.MEDIUM, AS_OF, computes(score("JPMX", 0.3))).join();
        cli.set("market_data:csv:fundamentals:JPM", "{}", Duration.ofHours(1));
        awaitKeys("stock_score:*", 5);

        long cleared = cache.clear("stock_score:JPM:*");

        assertThat(cleared).isEqualTo(3);
        assertThat(cli.keys("stock_score:*")).containsExactly("stock_score:JPMX:medium:2024-06-28",
                "stock_score:XLF:medium:2024-06-28");
        assertThat(cli.exists("market_data:csv:fundamentals:JPM")).isTrue();
        // in process too: JPM is computed again, XLF is still a hit
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, score("JPM", 0.3))).join().source())
                .isEqualTo(ScoreCache.Source.MISS);
        assertThat(cache.score("JPM", Horizon.MEDIUM, today, counting(computed, score("JPM", 0.3))).join().source())
                .isEqualTo(ScoreCache.Source.MISS);
        assertThat(cache.score("XLF", Horizon.MEDIUM, AS_OF, counting(computed, score("XLF", 0.15))).join().source())
                .isEqualTo(ScoreCache.Source.HIT);
        assertThat(cache.score("JPMX", Horizon.MEDIUM, AS_OF, counting(computed, score("JPMX", 0.3))).join().source())
                .isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).hasValue(2);
    }

    @Test
    void keysListsTheCacheKeysWithTheirRemainingTtlAndStatsDescribeTheRedisLevel() {
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        cache.score("XLV", Horizon.MEDIUM, AS_OF, computes(score("XLV", 0.12))).join();
        cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(score("JPM", 0.30))).join();
        cache.score("TSLA", Horizon.MEDIUM, AS_OF, computes(score("TSLA", 0.55))).join();
        awaitKeys("stock_score:*", 3);

        List<SharedStore.KeyTtl> keys = cache.keys("stock_score:*", 100);

        assertThat(keys).extracting(SharedStore.KeyTtl::key).containsExactlyInAnyOrder(
                "stock_score:XLV:medium:2024-06-28", "stock_score:JPM:medium:2024-06-28",
                "stock_score:TSLA:medium:2024-06-28");
        Map<String, Long> ttl = new java.util.HashMap<>();
        keys.forEach(key -> ttl.put(key.key(), key.ttlSeconds()));
        assertThat(ttl.get("stock_score:XLV:medium:2024-06-28")).isCloseTo(32 * 3600L, within(TTL_SLACK_SECONDS));
        assertThat(ttl.get("stock_score:TSLA:medium:2024-06-28")).isCloseTo(25 * 3600L, within(TTL_SLACK_SECONDS));
        assertThat(cache.keys("stock_score:*", 2)).hasSize(2);
        assertThat(cache.keys("stock_score:JPM:*", 100)).extracting(SharedStore.KeyTtl::key)
                .containsExactly("stock_score:JPM:medium:2024-06-28");

        CacheStats stats = cache.stats();
        assertThat(stats.backends()).isEqualTo(CacheStats.Backends.REDIS_AND_MEMORY);
        assertThat(stats.totalKeys()).isEqualTo(3);
        assertThat(stats.sharedKeys()).isEqualTo(3);
        assertThat(stats.sampleKeys()).hasSize(3);
        assertThat(stats.redis().summary()).isEqualTo("connected, in use");
        assertThat(stats.redis().connected()).isTrue();
        assertThat(stats.redis().breakerState()).isEqualTo(com.marketopportunities.store.SharedStoreStatus.BreakerState.CLOSED);
        assertThat(stats.redis().url()).isEqualTo(redis.url());
        assertThat(stats.misses()).isEqualTo(3);
    }

    @Test
    void aScanStoresEveryScoreWithItsVolatilitysTtlAndARepeatInAnotherProcessCostsNothingUpstream() {
        ScanInstance first = instance();
        ScanReport cold = first.scan(Horizon.MEDIUM);
        int computed = first.scorer.total();
        assertThat(computed).isPositive();
        List<String> keys = awaitKeys("stock_score:*", computed);

        for (String key : keys) {
            assertThat(key).matches("stock_score:[A-Z.]+:medium:2024-06-28");
            Map<String, Object> document = json(cli.get(key));
            Double volatility = document.get("volatility") == null ? null
                    : ((Number) document.get("volatility")).doubleValue();
            Duration fresh = AdaptiveTtl.defaults().freshFor(volatility);
            assertThat(document.get("model_version")).as(key).isEqualTo(MODEL);
            assertThat(Instant.parse((String) document.get("fresh_until"))).as(key).isEqualTo(NOW.plus(fresh));
            assertThat(cli.ttl(key)).as(key + " (volatility " + volatility + ")")
                    .isCloseTo(fresh.plusHours(24).toSeconds(), within(TTL_SLACK_SECONDS));
        }
        assertThat(cli.keys("market_data:csv:*")).isNotEmpty();

        ScanInstance second = instance();
        ScanReport repeated = second.scan(Horizon.MEDIUM);

        assertThat(second.scorer.total()).isZero();
        assertThat(second.upstream.total()).isZero();
        assertThat(repeated.stats().upstreamCalls()).isZero();
        assertThat(repeated.stats().cacheMisses()).isZero();
        assertThat(repeated.stats().cacheHits()).isEqualTo(cold.stats().cacheMisses()).isEqualTo(computed);
        assertThat(repeated.gaps()).isEqualTo(cold.gaps());
        assertThat(repeated.opportunities()).isEqualTo(cold.opportunities());
    }

    @Test
    void aScansLookupAsksRedisOnceForAllItsScoresPresentOrAbsent() {
        TwoLevelScoreCache writer = process(MODEL, CLOCK);
        for (String symbol : List.of("XLV", "XLF", "XLE")) {
            writer.score(symbol, Horizon.MEDIUM, AS_OF, computes(score(symbol, 0.12))).join();
        }
        awaitKeys("stock_score:*", 3);
        TwoLevelScoreCache cache = process(MODEL, CLOCK);
        List<String> symbols = List.of("XLV", "XLF", "XLE", "JNJ", "XOM", "JPM");

        long before = cli.calls("mget");
        ScoreCache.ScanLookup scan = cache.forScan(Horizon.MEDIUM, AS_OF);
        scan.prefetch(symbols);
        long afterPrefetch = cli.calls("mget");
        AtomicInteger computed = new AtomicInteger();
        for (String symbol : symbols) {
            scan.score(symbol, counting(computed, score(symbol, 0.3))).join();
        }
        long afterScores = cli.calls("mget");
        // the same scan again in this process: every score is in process now
        ScoreCache.ScanLookup again = cache.forScan(Horizon.MEDIUM, AS_OF);
        again.prefetch(symbols);
        symbols.forEach(symbol -> again.score(symbol, counting(computed, score(symbol, 0.3))).join());
        long afterWarmScan = cli.calls("mget");
        // a round with one score not read yet: one MGET for it alone
        again.prefetch(List.of("XLV", "MSFT"));
        long afterNewRound = cli.calls("mget");

        assertThat(afterPrefetch - before).as("the scan's one MGET").isEqualTo(1);
        assertThat(afterScores - afterPrefetch).as("MGETs after it, for 3 present and 3 absent scores").isZero();
        assertThat(computed).as("only the absent ones are computed").hasValue(3);
        assertThat(afterWarmScan - afterScores).as("MGETs of a warm scan: none, all its scores are in process")
                .isZero();
        assertThat(afterNewRound - afterWarmScan).as("a round asking for a score not read yet").isEqualTo(1);
    }

    @Test
    void aSymbolFoundWithoutDataIsNotAskedOfRedisAgainForAPartialScoresLifeOneThatFailedUpstreamIs() {
        MutableClock clock = new MutableClock(NOW);
        TwoLevelScoreCache cache = process(MODEL, clock);
        Supplier<CompletableFuture<ScoreOutcome>> noData = () -> CompletableFuture.completedFuture(
                new ScoreOutcome.Unscored("ROG.SW", "no price data"));
        Supplier<CompletableFuture<ScoreOutcome>> unreachable = () -> CompletableFuture.completedFuture(
                new ScoreOutcome.Unscored("XOM", "HTTP 503", true));
        ScoreCache.ScanLookup first = cache.forScan(Horizon.MEDIUM, AS_OF);
        first.prefetch(List.of("ROG.SW", "XOM"));
        first.score("ROG.SW", noData).join();
        first.score("XOM", unreachable).join();

        long before = cli.calls("mget");
        ScoreCache.ScanLookup next = cache.forScan(Horizon.MEDIUM, AS_OF);
        next.prefetch(List.of("ROG.SW"));
        next.score("ROG.SW", noData).join();
        long afterNoData = cli.calls("mget");
        next.prefetch(List.of("XOM"));
        long afterUnreachable = cli.calls("mget");
        clock.advance(AdaptiveTtl.defaults().partialTtl().plusMinutes(1));
        cache.forScan(Horizon.MEDIUM, AS_OF).prefetch(List.of("ROG.SW"));
        long afterItsLife = cli.calls("mget");

        assertThat(afterNoData - before).as("MGETs for a symbol just found without data").isZero();
        assertThat(afterUnreachable - afterNoData).as("MGETs for a symbol whose data could not be had").isEqualTo(1);
        assertThat(afterItsLife - afterUnreachable).as("MGETs for the symbol without data, minutes later").isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------

    private TwoLevelScoreCache process(String modelVersion, Clock clock) {
        RedisSharedStore store = new RedisSharedStore(RedisSettings.defaults(redis.url()));
        opened.add(store);
        return new TwoLevelScoreCache(store, 1_000, AdaptiveTtl.defaults(), modelVersion, clock,
                CacheMetrics.unregistered());
    }

    private ScanInstance instance() {
        ScanInstance instance = ScanInstance.open(redis.url(), data, CLOCK);
        opened.add(instance);
        return instance;
    }

    static SymbolScore score(String symbol, Double volatility) {
        return new SymbolScore(symbol, Horizon.MEDIUM, 60.0, 50.0, 55.0, 55.5, 0.9, 120, volatility, AS_OF, MODEL);
    }

    static SymbolScore withModel(SymbolScore score, String modelVersion) {
        return new SymbolScore(score.symbol(), score.horizon(), score.momentumScore(), score.valueScore(),
                score.diversificationScore(), score.compositeScore(), score.confidence(), score.dataPoints(),
                score.volatility(), score.analysisDate(), modelVersion);
    }

    static Supplier<CompletableFuture<ScoreOutcome>> computes(SymbolScore score) {
        return () -> CompletableFuture.completedFuture(new ScoreOutcome.Scored(score));
    }

    static Supplier<CompletableFuture<ScoreOutcome>> counting(AtomicInteger computed, SymbolScore score) {
        return () -> {
            computed.incrementAndGet();
            return CompletableFuture.completedFuture(new ScoreOutcome.Scored(score));
        };
    }

    /** A score as CACHE.md documents it, written by hand. */
    static String document(String symbol, String modelVersion, Instant freshUntil) {
        return """
                {"symbol":"%s","momentum_score":60.0,"value_score":50.0,"diversification_score":55.0,\
                "composite_score":55.0,"confidence":1.0,"data_points":120,"analysis_date":"2024-06-28",\
                "volatility":0.25,"model_version":"%s","fresh_until":"%s"}""".formatted(symbol, modelVersion, freshUntil);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        assertThat(text).as("a value in Redis").isNotNull();
        return JsonFormat.mapper().readValue(text, java.util.LinkedHashMap.class);
    }

    private static void assertTtl(String key, Duration expected) {
        assertThat(cli.awaitExists(key, Duration.ofSeconds(2))).as(key).isTrue();
        assertThat(cli.ttl(key)).as("TTL of " + key).isCloseTo(expected.toSeconds(), within(TTL_SLACK_SECONDS));
    }

    static List<String> awaitKeys(String pattern, int count) {
        return awaitKeys(cli, pattern, count);
    }

    /** Waits for the cache's asynchronous writes: at least {@code count} keys match. */
    static List<String> awaitKeys(RedisCli cli, String pattern, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> keys = cli.keys(pattern);
        while (keys.size() < count && System.nanoTime() < deadline) {
            RedisCli.sleep(20);
            keys = cli.keys(pattern);
        }
        assertThat(keys).as("keys matching " + pattern).hasSizeGreaterThanOrEqualTo(count);
        return keys;
    }

    private static void awaitField(String key, String field, Object expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            String text = cli.get(key);
            if (text != null && expected.equals(json(text).get(field))) {
                return;
            }
            RedisCli.sleep(20);
        }
        assertThat(json(cli.get(key))).containsEntry(field, expected);
    }
}
