package com.marketopportunities.scorecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.store.NoSharedStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One computation per missing score at a time, in one process, whatever the computation does: the
 * callers that come while it runs share its answer, the ones after it ends find the score stored or
 * compute afresh. (Concurrent callers on threads: StaleAndRefreshTest and ConcurrentScansTest.)
 */
class SingleFlightTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-28T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate DAY = LocalDate.of(2024, 6, 28);
    static final SymbolScore JPM = new SymbolScore("JPM", Horizon.MEDIUM, 60, 70.0, 20, 50, 1, 125, 0.3, DAY, "1-x");

    private final TwoLevelScoreCache cache = new TwoLevelScoreCache(new NoSharedStore(), 100, AdaptiveTtl.defaults(),
            "1-x", CLOCK, CacheMetrics.unregistered());

    @Test
    void callersWhileAComputationRunsShareItAndTheNextCallerGetsTheStoredScore() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CompletableFuture<ScoreOutcome> computation = new CompletableFuture<>();

        CompletableFuture<ScoreCache.Served> first = cache.score("JPM", Horizon.MEDIUM, DAY, () -> {
            computed.incrementAndGet();
            return computation;
        });
        CompletableFuture<ScoreCache.Served> second = cache.score("JPM", Horizon.MEDIUM, DAY, () -> {
            computed.incrementAndGet();
            return CompletableFuture.completedFuture(new ScoreOutcome.Unscored("JPM", "not this one"));
        });
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        computation.complete(new ScoreOutcome.Scored(JPM));

        assertThat(first.get(1, TimeUnit.SECONDS).outcome()).isEqualTo(new ScoreOutcome.Scored(JPM));
        assertThat(second.get(1, TimeUnit.SECONDS).outcome()).isEqualTo(new ScoreOutcome.Scored(JPM));
        assertThat(cache.score("JPM", Horizon.MEDIUM, DAY, () -> {
            computed.incrementAndGet();
            return computation;
        }).get(1, TimeUnit.SECONDS).source()).isEqualTo(ScoreCache.Source.HIT);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aComputationThatThrowsLeavesNothingBehindForTheNextCallerToWaitOn() throws Exception {
        assertThatThrownBy(() -> cache.score("JPM", Horizon.MEDIUM, DAY, () -> {
            throw new AssertionError("a scorer bug");
        })).isInstanceOf(AssertionError.class);

        CompletableFuture<ScoreCache.Served> next = cache.score("JPM", Horizon.MEDIUM, DAY,
                () -> CompletableFuture.completedFuture(new ScoreOutcome.Scored(JPM)));

        assertThat(next.get(1, TimeUnit.SECONDS).outcome()).isEqualTo(new ScoreOutcome.Scored(JPM));
    }

    @Test
    void anUnscoredOutcomeIsSharedByTheCallersOfItsFlightButNotKept() throws Exception {
        CompletableFuture<ScoreOutcome> computation = new CompletableFuture<>();
        CompletableFuture<ScoreCache.Served> first = cache.score("UL", Horizon.MEDIUM, DAY, () -> computation);
        CompletableFuture<ScoreCache.Served> second = cache.score("UL", Horizon.MEDIUM, DAY,
                () -> CompletableFuture.completedFuture(new ScoreOutcome.Scored(JPM)));
        ScoreOutcome.Unscored noData = new ScoreOutcome.Unscored("UL", "no data for UL");
        computation.complete(noData);

        assertThat(first.get(1, TimeUnit.SECONDS).outcome()).isEqualTo(noData);
        assertThat(second.get(1, TimeUnit.SECONDS).outcome()).isEqualTo(noData);
        AtomicInteger computed = new AtomicInteger();
        cache.score("UL", Horizon.MEDIUM, DAY, () -> {
            computed.incrementAndGet();
            return CompletableFuture.completedFuture(noData);
        }).get(1, TimeUnit.SECONDS);
        assertThat(computed).as("an unscored symbol is asked again next time").hasValue(1);
    }
}
