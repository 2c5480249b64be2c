package com.marketopportunities.scorecache;

import static com.marketopportunities.scan.ExampleMarket.AS_OF;
import static com.marketopportunities.scan.ExampleMarket.NOW;
import static com.marketopportunities.scorecache.RedisScoreCacheTest.MODEL;
import static com.marketopportunities.scorecache.RedisScoreCacheTest.TTL_SLACK_SECONDS;
import static com.marketopportunities.scorecache.RedisScoreCacheTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.store.RedisSharedStore;
import com.marketopportunities.testredis.RealRedis;
import com.marketopportunities.testredis.RealRedisExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partial score (fundamentals throttled, prices in) on a clock the test moves: fresh for ten
 * minutes where a full score of the same volatility is fresh for four hours; replaced, in both
 * levels, by the next full answer; refreshed ahead and served stale like any score.
 */
@ExtendWith(RealRedisExtension.class)
class PartialScoreCacheTest {

    static final String KEY = "stock_score:JPM:medium:2024-06-28";
    static final Duration PARTIAL_FRESH = Duration.ofMinutes(10);
    /** JPM's 30 % volatility: a full score is fresh for 4 h. */
    static final Duration FULL_FRESH = Duration.ofHours(4);
    static final Duration STALE_GRACE = Duration.ofHours(24);

    static RealRedis redis;
    static RedisCli cli;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private MutableClock clock;
    private TwoLevelScoreCache cache;

    @BeforeAll
    static void startRedis(RealRedis server) {
        redis = server;
        cli = new RedisCli(server.url());
    }

    @AfterAll
    static void closeCli() {
        cli.close();
    }

    @BeforeEach
    void storeAPartialScoreAtNoon() {
        cli.flushAll();
        clock = new MutableClock(NOW);
        cache = process(clock);
        ScoreCache.Served first = cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(partial())).join();
        assertThat(first).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(partial()), ScoreCache.Source.MISS));
        assertThat(cli.awaitExists(KEY, Duration.ofSeconds(2))).isTrue();
    }

    @AfterEach
    void closeProcesses() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aPartialScoreIsStoredAsPartialFreshForMinutesAndKeptForTheStaleGraceAfter() {
        Map<String, Object> document = json(cli.get(KEY));

        assertThat(document).containsEntry("partial", true).containsEntry("value_score", null)
                .containsEntry("composite_score", 57.9).containsEntry("volatility", 0.3);
        assertThat(Instant.parse((String) document.get("fresh_until"))).isEqualTo(NOW.plus(PARTIAL_FRESH));
        assertThat(cli.ttl(KEY)).as("10 min + 24 h")
                .isCloseTo(PARTIAL_FRESH.plus(STALE_GRACE).toSeconds(), within(TTL_SLACK_SECONDS));
    }

    @Test
    void aPartialScoreIsFreshForTenMinutesWhereAFullOneOfTheSameVolatilityIsFreshForHours() {
        cache.score("XOM", Horizon.MEDIUM, AS_OF, computes(full("XOM"))).join();
        AtomicInteger computed = new AtomicInteger();

        clock.advance(Duration.ofMinutes(7));
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, partial())).join().source())
                .as("7 min: fresh").isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).hasValue(0);

        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, partial())).join().source())
                .as("11 min: the partial score is expired").isEqualTo(ScoreCache.Source.MISS);
        assertThat(cache.score("XOM", Horizon.MEDIUM, AS_OF, counting(computed, full("XOM"))).join().source())
                .as("11 min: the full score is fresh").isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).as("only the partial score recomputed").hasValue(1);

        clock.advance(FULL_FRESH.minus(Duration.ofMinutes(12)));
        assertThat(cache.score("XOM", Horizon.MEDIUM, AS_OF, counting(computed, full("XOM"))).join().source())
                .as("3 h 59 min: the full score is still fresh").isEqualTo(ScoreCache.Source.HIT);
    }

    @Test
    void aLaterFullAnswerReplacesThePartialScoreInBothLevels() {
        clock.advance(Duration.ofMinutes(11));
        Instant replacedAt = clock.instant();

        ScoreCache.Served served = cache.score("JPM", Horizon.MEDIUM, AS_OF, computes(full("JPM"))).join();

        assertThat(served).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(full("JPM")), ScoreCache.Source.MISS));
        // Redis: the full document, without "partial", with the full score's life
        awaitDocument(document -> !document.containsKey("partial"));
        Map<String, Object> document = json(cli.get(KEY));
        assertThat(document).containsEntry("value_score", 67.8).containsEntry("composite_score", 60.8);
        assertThat(Instant.parse((String) document.get("fresh_until"))).isEqualTo(replacedAt.plus(FULL_FRESH));
        assertThat(cli.ttl(KEY)).as("4 h + 24 h")
                .isCloseTo(FULL_FRESH.plus(STALE_GRACE).toSeconds(), within(TTL_SLACK_SECONDS));
        // in process: an hour later, long after the partial score's ten minutes, the full score is a fresh hit
        clock.advance(Duration.ofHours(1));
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, partial())).join())
                .isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(full("JPM")), ScoreCache.Source.HIT));
        // another process, with nothing in its own level, reads the full score from Redis
        TwoLevelScoreCache other = process(new MutableClock(clock.instant()));
        assertThat(other.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, partial())).join())
                .isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(full("JPM")), ScoreCache.Source.HIT));
        assertThat(computed).hasValue(0);
    }

    @Test
    void aReadInThePartialScoresLastTwoMinutesRefreshesItWithTheFullAnswer() {
        AtomicInteger computed = new AtomicInteger();
        clock.advance(Duration.ofMinutes(5));
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, full("JPM"))).join().source())
                .isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).as("at half its life: no refresh").hasValue(0);

        clock.advance(Duration.ofMinutes(4)); // 9 of 10 minutes: in the last fifth
        ScoreCache.Served read = cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, full("JPM"))).join();

        assertThat(read).as("answered with what it held")
                .isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(partial()), ScoreCache.Source.HIT));
        assertThat(computed).as("refreshed in the background").hasValue(1);
        assertThat(cache.score("JPM", Horizon.MEDIUM, AS_OF, counting(computed, partial())).join())
                .isEqualTo(new ScoreCache.Served(new ScoreOutcome.Scored(full("JPM")), ScoreCache.Source.HIT));
        awaitDocument(document -> !document.containsKey("partial"));
    }

    @Test
    void pastItsMinutesAFailedUpstreamServesThePartialScoreStaleForTheGrace() {
        clock.advance(Duration.ofHours(3));

        ScoreCache.Served served = cache.score("JPM", Horizon.MEDIUM, AS_OF,
                () -> CompletableFuture.completedFuture(
                        new ScoreOutcome.Unscored("JPM", "market data unavailable: HTTP 429", true))).join();

        assertThat(served).isEqualTo(new ScoreCache.Served(new ScoreOutcome.Stale(partial(), NOW.plus(PARTIAL_FRESH)),
                ScoreCache.Source.STALE));
        assertThat(served.outcome().anyScore().orElseThrow().partial()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------

    private TwoLevelScoreCache process(Clock processClock) {
        RedisSharedStore store = new RedisSharedStore(RedisSettings.defaults(redis.url()));
        opened.add(store);
        return new TwoLevelScoreCache(store, 1_000, AdaptiveTtl.defaults(), MODEL, processClock,
                CacheMetrics.unregistered());
    }

    /** JPM without its fundamentals: (0.4 x 60 + 0.3 x 55) / 0.7 = 57.9. */
    static SymbolScore partial() {
        return new SymbolScore("JPM", Horizon.MEDIUM, 60.0, null, 55.0, 57.9, 1.0, 124, 0.3, AS_OF, MODEL);
    }

    /** With its fundamentals: 0.4 x 60 + 0.3 x 67.8 + 0.3 x 55 = 60.8 (same volatility as {@link #partial()}). */
    static SymbolScore full(String symbol) {
        return new SymbolScore(symbol, Horizon.MEDIUM, 60.0, 67.8, 55.0, 60.8, 1.0, 124, 0.3, AS_OF, MODEL);
    }

    static java.util.function.Supplier<CompletableFuture<ScoreOutcome>> computes(SymbolScore score) {
        return RedisScoreCacheTest.computes(score);
    }

    static java.util.function.Supplier<CompletableFuture<ScoreOutcome>> counting(AtomicInteger computed,
                                                                               SymbolScore score) {
        return RedisScoreCacheTest.counting(computed, score);
    }

    /** Waits for the cache's asynchronous write to Redis. */
    private static void awaitDocument(java.util.function.Predicate<Map<String, Object>> written) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline && !written.test(json(cli.get(KEY)))) {
            RedisCli.sleep(20);
        }
        assertThat(json(cli.get(KEY))).matches(written, "the document written");
    }
}
