package com.marketopportunities.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.scorecache.MutableClock;
import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.store.RedisSharedStore;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.testredis.RealRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingMarketDataTest {

    static final LocalDate DAY = LocalDate.of(2024, 3, 4);

    /** Fails with "unavailable" on its first call of each kind, then answers. */
    static final class FlakyProvider implements MarketData {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger fundamentalCalls = new AtomicInteger();

        @Override
        public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
            if (calls.incrementAndGet() == 1) {
                return CompletableFuture.failedFuture(new MarketDataUnavailableException("timed out"));
            }
            return CompletableFuture.completedFuture(new PriceHistory(symbol, List.of(new DailyBar(DAY, 10, 10))));
        }

        @Override
        public CompletableFuture<Fundamentals> fundamentals(String symbol) {
            fundamentalCalls.incrementAndGet();
            return CompletableFuture.completedFuture(Fundamentals.none(symbol));
        }

        @Override
        public String describe() {
            return "flaky";
        }

        @Override
        public MarketData observedBy(FetchObserver observer) {
            return this;
        }
    }

    @Test
    void aFailureToReachTheProviderIsNotKeptSoTheNextRequestTriesAgain() {
        FlakyProvider provider = new FlakyProvider();
        CachingMarketData cache = new CachingMarketData(provider, 10, Clock.systemUTC());

        assertThatThrownBy(() -> cache.history("ABC", DAY, DAY).join()).cause()
                .isInstanceOf(MarketDataUnavailableException.class);
        assertThat(cache.history("ABC", DAY, DAY).join().bars()).hasSize(1);
        assertThat(cache.history("ABC", DAY, DAY).join().bars()).hasSize(1);

        assertThat(provider.calls.get()).isEqualTo(2);
    }

    @Test
    void differentRangesOfOneSymbolAreDifferentEntries() {
        FlakyProvider provider = new FlakyProvider();
        provider.calls.set(1);
        CachingMarketData cache = new CachingMarketData(provider, 10, Clock.systemUTC());

        cache.history("ABC", DAY, DAY).join();
        cache.history("ABC", DAY.minusDays(1), DAY).join();
        cache.history("abc", DAY, DAY).join();

        assertThat(provider.calls.get()).isEqualTo(3);
    }

    @Test
    void aHistoryIsKeptUntilTheNextCloseAndFundamentalsForADayByTheInjectedClock() {
        FlakyProvider provider = new FlakyProvider();
        provider.calls.set(1);
        // Tuesday 2024-01-09 10:00 New York: the history is kept until 16:00 (21:00 UTC)
        MutableClock clock = new MutableClock(Instant.parse("2024-01-09T15:00:00Z"));
        CachingMarketData cache = new CachingMarketData(provider, 10, clock);
        cache.history("ABC", DAY, DAY).join();
        cache.fundamentals("ABC").join();
        clock.advance(Duration.ofHours(5).plusMinutes(59));
        cache.history("ABC", DAY, DAY).join();
        assertThat(provider.calls.get()).as("before the close: kept").isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        cache.history("ABC", DAY, DAY).join();
        assertThat(provider.calls.get()).as("after the close, by the cache's clock: fetched again").isEqualTo(3);

        assertThat(provider.fundamentalCalls.get()).isEqualTo(1);
        clock.advance(Duration.ofHours(18));
        cache.fundamentals("ABC").join();
        assertThat(provider.fundamentalCalls.get()).as("a day later: fetched again").isEqualTo(2);
    }

    @Test
    void aSharedEntryOfAnotherKindUnderAHistorysKeyIsAMissNotAFailure() {
        String key = "market_data:csv:history:ABC:" + DAY + ":" + DAY;
        try (RealRedis redis = RealRedis.start();
             RedisSharedStore shared = new RedisSharedStore(RedisSettings.defaults(redis.url()))) {
            // e.g. written by a faulty or future version: fundamentals where a history should be
            shared.putAll(Map.of(key, new SharedStore.TimedValue(MarketDataJson.encode(Fundamentals.none("ABC")),
                    Duration.ofMinutes(5))));
            for (int i = 0; i < 100 && shared.getAll(List.of(key)).isEmpty(); i++) {
                pause(20);
            }
            assertThat(shared.getAll(List.of(key))).containsKey(key);

            FlakyProvider provider = new FlakyProvider();
            provider.calls.set(1);
            CachingMarketData asked = new CachingMarketData(provider, "csv", 10, shared, FetchObserver.NONE,
                    ForkJoinPool.commonPool(), Clock.systemUTC());
            assertThat(asked.history("ABC", DAY, DAY).join().bars()).as("looked up on demand").hasSize(1);
            CachingMarketData prefetched = new CachingMarketData(provider, "csv", 10, shared, FetchObserver.NONE,
                    ForkJoinPool.commonPool(), Clock.systemUTC());
            shared.putAll(Map.of(key, new SharedStore.TimedValue(MarketDataJson.encode(Fundamentals.none("ABC")),
                    Duration.ofMinutes(5))));
            pause(100);
            prefetched.prefetch(List.of("ABC"), List.of(), List.of(), DAY, DAY);
            assertThat(prefetched.history("ABC", DAY, DAY).join().bars()).as("prefetched").hasSize(1);

            assertThat(provider.calls.get()).as("fetched upstream each time").isEqualTo(3);
        }
    }

    @Test
    void fundamentalsOfThePreviousVersionAreNotReadAFundsBreakdownIsSharedWhole() {
        FundBreakdown breakdown = new FundBreakdown(Map.of("technology", 0.5083), Map.of(), Map.of("Equity", 1.0),
                "Large Growth", null, "Yahoo topHoldings/fundProfile");
        AtomicInteger upstreamCalls = new AtomicInteger();
        MarketData provider = new MarketData() {
            @Override
            public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
                throw new UnsupportedOperationException("fundamentals only");
            }

            @Override
            public CompletableFuture<Fundamentals> fundamentals(String symbol) {
                upstreamCalls.incrementAndGet();
                return CompletableFuture.completedFuture(
                        new Fundamentals(symbol, "Invesco QQQ Trust", "ETF", null, "USD", null, null, null, null, null,
                                breakdown));
            }

            @Override
            public String describe() {
                return "one fund";
            }

            @Override
            public MarketData observedBy(FetchObserver observer) {
                return this;
            }
        };
        try (RealRedis redis = RealRedis.start();
             RedisSharedStore shared = new RedisSharedStore(RedisSettings.defaults(redis.url()))) {
            // kept by the version before funds had breakdowns: without one, for a day
            String previousKey = "market_data:yahoo:fundamentals:QQQ";
            shared.putAll(Map.of(previousKey, new SharedStore.TimedValue("{\"kind\":\"fundamentals\",\"symbol\":\"QQQ\","
                    + "\"instrument_type\":\"ETF\",\"etf\":true}", Duration.ofHours(20))));
            for (int i = 0; i < 100 && shared.getAll(List.of(previousKey)).isEmpty(); i++) {
                pause(20);
            }

            CachingMarketData first = new CachingMarketData(provider, "yahoo", 10, shared, FetchObserver.NONE,
                    ForkJoinPool.commonPool(), Clock.systemUTC());
            assertThat(first.fundamentals("QQQ").join().fund()).as("fetched, not the old entry").isEqualTo(breakdown);
            assertThat(upstreamCalls).hasValue(1);

            String key = "market_data:yahoo:" + CachingMarketData.FUNDAMENTALS_KEY + "QQQ";
            for (int i = 0; i < 100 && shared.getAll(List.of(key)).isEmpty(); i++) {
                pause(20);
            }
            CachingMarketData another = new CachingMarketData(provider, "yahoo", 10, shared, FetchObserver.NONE,
                    ForkJoinPool.commonPool(), Clock.systemUTC());
            assertThat(another.fundamentals("QQQ").join().fund()).as("from the shared level").isEqualTo(breakdown);
            assertThat(upstreamCalls).hasValue(1);
        }
    }

    @Test
    void theNextCloseIsFourPmNewYorkOnTheNextWeekday() {
        // Friday 2024-03-08 17:00 New York (22:00 UTC, EST): the next close is Monday 03-11 16:00 EDT (20:00 UTC)
        assertThat(MarketHours.nextClose(Instant.parse("2024-03-08T22:00:00Z")))
                .isEqualTo(Instant.parse("2024-03-11T20:00:00Z"));
        // Tuesday 10:00 New York (15:00 UTC): the same day's close, 21:00 UTC in winter
        assertThat(MarketHours.nextClose(Instant.parse("2024-01-09T15:00:00Z")))
                .isEqualTo(Instant.parse("2024-01-09T21:00:00Z"));
        // exactly at a close: the next day's
        assertThat(MarketHours.nextClose(Instant.parse("2024-01-09T21:00:00Z")))
                .isEqualTo(Instant.parse("2024-01-10T21:00:00Z"));
    }


    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
