package com.marketopportunities.scorecache;

import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.store.RedisSharedStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.SymbolScore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The cache's own counters agree with what scans report: a symbol without data is neither hit nor miss. */
class CacheCountsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-28T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate DAY = LocalDate.of(2024, 6, 28);

    @Test
    void aSymbolWithoutDataIsNotCountedAsAMiss() {
        CacheMetrics metrics = CacheMetrics.unregistered();
        TwoLevelScoreCache cache = new TwoLevelScoreCache(new NoSharedStore(), 100, AdaptiveTtl.defaults(), "1-x",
                CLOCK, metrics);
        SymbolScore jpm = new SymbolScore("JPM", Horizon.MEDIUM, 60, 70.0, 20, 50, 1, 125, 0.3, DAY, "1-x");

        for (int i = 0; i < 3; i++) {
            cache.score("UL", Horizon.MEDIUM, DAY, () -> CompletableFuture.completedFuture(
                    new ScoreOutcome.Unscored("UL", "no data for UL"))).join();
            cache.score("JPM", Horizon.MEDIUM, DAY, () -> CompletableFuture.completedFuture(
                    new ScoreOutcome.Scored(jpm))).join();
        }

        assertThat(metrics.missCount()).isEqualTo(1);
        assertThat(metrics.hitCount()).isEqualTo(2);
        assertThat(cache.stats().hitRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void withRedisUnreachableTheTotalCountsTheKeysInProcessNotARedisThatCouldNotBeAsked() {
        SymbolScore jpm = new SymbolScore("JPM", Horizon.MEDIUM, 60, 70.0, 20, 50, 1, 125, 0.3, DAY, "1-x");
        try (RedisSharedStore unreachable = new RedisSharedStore(RedisSettings.defaults("redis://127.0.0.1:1/0"))) {
            TwoLevelScoreCache cache = new TwoLevelScoreCache(unreachable, 100, AdaptiveTtl.defaults(), "1-x", CLOCK,
                    CacheMetrics.unregistered());
            cache.score("JPM", Horizon.MEDIUM, DAY, () -> CompletableFuture.completedFuture(
                    new ScoreOutcome.Scored(jpm))).join();

            CacheStats stats = cache.stats();

            assertThat(stats.localKeys()).isEqualTo(1);
            assertThat(stats.totalKeys()).as("Redis could not be counted: the keys in process").isEqualTo(1);
            assertThat(stats.sharedKeys()).as("not counted").isNull();
            assertThat(stats.sampleKeys()).containsExactly("stock_score:JPM:medium");
            assertThat(stats.redis().summary()).matches("not connected, \\d+ errors?");
        }
    }
}
