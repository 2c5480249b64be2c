package com.marketopportunities.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A fetch ends as a value a caller decides on: Ok, NoData or Unavailable, never a null. */
class FetchTest {

    private static final PriceHistory SPY = new PriceHistory("SPY",
            List.of(new DailyBar(LocalDate.of(2024, 3, 4), 512.3, Double.NaN)));

    @Test
    void anAnsweredFetchIsOkWithItsValue() {
        Fetch<PriceHistory> fetch = Fetch.await(CompletableFuture.completedFuture(SPY));

        assertThat(fetch).isEqualTo(new Fetch.Ok<>(SPY));
        assertThat(fetch.toOptional()).containsSame(SPY);
    }

    @Test
    void aFetchIsWaitedFor() {
        CompletableFuture<PriceHistory> later = CompletableFuture.supplyAsync(() -> SPY,
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        assertThat(Fetch.await(later)).isEqualTo(new Fetch.Ok<>(SPY));
    }

    @Test
    void aSymbolWithoutDataIsNoDataWithTheProvidersReason() {
        Fetch<PriceHistory> fetch = Fetch.await(CompletableFuture.failedFuture(
                new NoDataException("ZZZZ", "no data for ZZZZ: no price file ZZZZ.csv")));

        assertThat(fetch).isEqualTo(new Fetch.NoData<>("no data for ZZZZ: no price file ZZZZ.csv"));
        assertThat(fetch.toOptional()).isEmpty();
    }

    @Test
    void aProviderThatCannotAnswerIsUnavailableWithItsCauseUnwrapped() {
        MarketDataUnavailableException refused = new MarketDataUnavailableException("connection refused");

        Fetch<Fundamentals> fetch = Fetch.await(CompletableFuture.supplyAsync(() -> {
            throw refused;
        }));

        assertThat(fetch).isInstanceOfSatisfying(Fetch.Unavailable.class, unavailable -> {
            assertThat(unavailable.cause()).isSameAs(refused);
            assertThat(unavailable.upstreamFailed()).isTrue();
        });
        assertThat(fetch.toOptional()).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsUnavailableButNotAnUpstreamFailure() {
        IllegalStateException bug = new IllegalStateException("parser bug");

        Fetch<PriceHistory> fetch = Fetch.failed(new CompletionException(bug));

        assertThat(fetch).isEqualTo(new Fetch.Unavailable<>(bug));
        assertThat(((Fetch.Unavailable<PriceHistory>) fetch).upstreamFailed()).isFalse();
    }

    @Test
    void aNullAnswerIsNotOk() {
        Fetch<PriceHistory> fetch = Fetch.await(CompletableFuture.completedFuture(null));

        assertThat(fetch).isInstanceOfSatisfying(Fetch.Unavailable.class,
                unavailable -> assertThat(unavailable.upstreamFailed()).isFalse());
    }

    @Test
    void aCancelledFetchIsNotTurnedIntoAnAnswer() {
        CompletableFuture<PriceHistory> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);

        assertThatThrownBy(() -> Fetch.await(cancelled)).isInstanceOf(CancellationException.class);
    }
}
