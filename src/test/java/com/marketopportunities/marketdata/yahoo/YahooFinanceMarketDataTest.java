package com.marketopportunities.marketdata.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.marketdata.CachingMarketData;
import com.marketopportunities.marketdata.FetchCounts;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.marketdata.yahoo.standin.DataRequest;
import com.marketopportunities.marketdata.yahoo.standin.YahooEndpoint;
import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import com.marketopportunities.scan.MarketDataFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Yahoo client against the local stand-in, on a small market-data folder written here. */
class YahooFinanceMarketDataTest {

    static final LocalDate FROM = LocalDate.of(2024, 1, 2);
    static final LocalDate TO = LocalDate.of(2024, 3, 28);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-29T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static Path data;
    YahooStandIn standIn;
    YahooFinanceMarketData yahoo;

    @BeforeAll
    static void writeData() throws Exception {
        data = new MarketDataFolder(folder).prices("ABC", FROM, TO, 100, 0.001, 0.01)
                .prices("SPY", FROM, TO, 400, 0.0005, 0.004)
                .fundamentals("ABC", "EQUITY", "Consumer Discretionary", "18.5", "0.021")
                .fundamentals("XYZ", "EQUITY", "Industrials", "21.0", "0.015").write();
    }

    /** The defaults pointed at the stand-in, with {@code size} symbols a quote call. */
    YahooSettings withBatchSize(int size) {
        YahooSettings s = YahooSettings.defaults().pointingAt(standIn.baseUrl());
        return new YahooSettings(s.cookieUrl(), s.crumbUrl(), s.apiUrl(), s.connectTimeout(), s.readTimeout(),
                s.maxConcurrent(), s.requestsPerSecond(), s.maxAttempts(), s.initialBackoff(), s.maxBackoff(),
                s.breakerFailureRate(), s.breakerWindow(), s.breakerOpenFor(), size, s.quoteLinger(), s.headers());
    }

    YahooFinanceMarketData start(YahooStandIn.Builder builder) {
        standIn = builder.dataDir(data).start();
        yahoo = new YahooFinanceMarketData(YahooSettings.defaults().pointingAt(standIn.baseUrl()));
        return yahoo;
    }

    @AfterEach
    void stop() {
        if (yahoo != null) {
            yahoo.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    void throughTheConsentFormToPricesAndFundamentals() {
        start(YahooStandIn.builder().consentRedirect(true));

        PriceHistory history = yahoo.history("ABC", FROM, TO).join();
        Fundamentals fundamentals = yahoo.profile("ABC").join();
        Fundamentals quoted = yahoo.fundamentals("ABC").join();

        // 2024-01-02..03-28: 63 weekdays, every one a bar of the folder
        assertThat(history.bars()).hasSize(63);
        assertThat(history.bars().get(0).date()).isEqualTo(FROM);
        assertThat(history.bars().get(62).date()).isEqualTo(TO);
        assertThat(history.bars().get(0).close()).isEqualTo(101.0);
        assertThat(fundamentals.trailingPe()).isEqualTo(18.5);
        assertThat(fundamentals.dividendYield()).isEqualTo(0.021);
        // the stand-in speaks Yahoo: GICS "Consumer Discretionary" is Yahoo's "Consumer Cyclical"
        assertThat(fundamentals.sector()).isEqualTo("Consumer Cyclical");
        // the quote's yield is in percent on the wire, a fraction here: the same number as quoteSummary's
        assertThat(quoted.trailingPe()).isEqualTo(18.5);
        assertThat(quoted.dividendYield()).isEqualTo(0.021);
        assertThat(standIn.count(YahooEndpoint.CONSENT, 302)).isPositive();
        assertThat(standIn.count(YahooEndpoint.CRUMB, 200)).isEqualTo(1);
    }

    @Test
    void chartsNeedNoSessionSoPricesAloneMakeNoHandshake() {
        start(YahooStandIn.builder().requireBrowserUserAgent(true));

        assertThat(yahoo.history("ABC", FROM, TO).join().bars()).hasSize(63);

        assertThat(standIn.requests()).extracting(request -> request.endpoint()).containsOnly(YahooEndpoint.CHART);
    }

    @Test
    void aThrottledCrumbIsBackedOffAndNeverTakenForACrumb() {
        start(YahooStandIn.builder().crumbTooManyRequests(2));

        assertThat(yahoo.fundamentals("ABC").join().trailingPe()).isEqualTo(18.5);

        assertThat(standIn.count(YahooEndpoint.CRUMB, 429)).isEqualTo(2);
        assertThat(standIn.count(YahooEndpoint.CRUMB, 200)).isEqualTo(1);
        // the cookie page once: a throttled crumb is asked for again, the session is not remade
        assertThat(standIn.count(YahooEndpoint.COOKIE_PAGE, 200)).isEqualTo(1);
        // no request ever carried "Too Many Requests" as its crumb
        assertThat(standIn.requests()).noneMatch(request -> request.query().contains("Too"));
        assertThat(standIn.count(YahooEndpoint.QUOTE, 401)).isZero();
    }

    @Test
    void theFundamentalsOfManySymbolsComeInBatchesOfAtMostTheConfiguredSize() {
        start(YahooStandIn.builder());
        YahooFinanceMarketData batching = new YahooFinanceMarketData(withBatchSize(2));
        try {
            // ABC twice while it waits: one place in the call
            List<CompletableFuture<Fundamentals>> answers = List.of("ABC", "ABC", "XYZ", "NOPE").stream()
                    .map(batching::fundamentals).toList();

            assertThat(answers.get(0).join().trailingPe()).isEqualTo(18.5);
            assertThat(answers.get(1)).isSameAs(answers.get(0));
            assertThat(answers.get(2).join().trailingPe()).isEqualTo(21.0);
            assertThatThrownBy(answers.get(3)::join).cause().isInstanceOf(NoDataException.class);
            assertThat(standIn.requests()).filteredOn(request -> request.endpoint() == YahooEndpoint.QUOTE
                    && request.status() == 200).extracting(request -> request.symbols())
                    .containsExactlyInAnyOrder(List.of("ABC", "XYZ"), List.of("NOPE"));
        } finally {
            batching.close();
        }
    }

    @Test
    void aRefusedQuoteCallIsRetriedAloneAndNoSymbolIsAskedForTwice() {
        // every URL is refused once (429), then answered: each of the two calls fails once and is retried
        start(YahooStandIn.builder().tooManyRequestsRate(1.0).retryAfterSeconds(0));
        YahooFinanceMarketData batching = new YahooFinanceMarketData(withBatchSize(2));
        try {
            List<CompletableFuture<Fundamentals>> answers = List.of("ABC", "XYZ", "SPY").stream()
                    .map(batching::fundamentals).toList();

            assertThat(answers.get(0).join().trailingPe()).isEqualTo(18.5);
            assertThat(answers.get(1).join().trailingPe()).isEqualTo(21.0);
            assertThat(answers.get(2).join().symbol()).isEqualTo("SPY");
            assertThat(standIn.count(YahooEndpoint.QUOTE, 429)).isEqualTo(2);
            assertThat(standIn.dataRequestsBySymbolAndEndpoint(true)).containsOnly(
                    Map.entry(DataRequest.quote("ABC"), 1L), Map.entry(DataRequest.quote("XYZ"), 1L),
                    Map.entry(DataRequest.quote("SPY"), 1L));
        } finally {
            batching.close();
        }
    }

    @Test
    void aRotatedCrumbIsRenewedOnceAndTheRequestSucceeds() {
        start(YahooStandIn.builder());
        yahoo.profile("ABC").join();
        standIn.rotateCrumb();

        assertThat(yahoo.profile("ABC").join().trailingPe()).isEqualTo(18.5);
        assertThat(standIn.count(YahooEndpoint.QUOTE_SUMMARY, 401)).isEqualTo(1);
        assertThat(standIn.count(YahooEndpoint.CRUMB, 200)).isEqualTo(2);
    }

    @Test
    void anExpiredSessionIsRenewedForQuotesToo() {
        start(YahooStandIn.builder());
        yahoo.fundamentals("ABC").join();
        standIn.forgetSessions();

        assertThat(yahoo.fundamentals("XYZ").join().symbol()).isEqualTo("XYZ");
        assertThat(standIn.count(YahooEndpoint.QUOTE, 401)).isEqualTo(1);
        assertThat(standIn.count(YahooEndpoint.COOKIE_PAGE, 200)).isEqualTo(2);
    }

    @Test
    void anUnknownSymbolIsNoDataWithYahoosReason() {
        start(YahooStandIn.builder());

        assertThatThrownBy(() -> yahoo.history("NOPE", FROM, TO).join()).cause().isInstanceOf(NoDataException.class)
                .hasMessage("no data for NOPE: No data found, symbol may be delisted");
        assertThatThrownBy(() -> yahoo.profile("NOPE").join()).cause().isInstanceOf(NoDataException.class)
                .hasMessageContaining("No fundamentals data found");
        assertThatThrownBy(() -> yahoo.fundamentals("NOPE").join()).cause().isInstanceOf(NoDataException.class)
                .hasMessageContaining("quote does not know");
    }

    @Test
    void theRawDataCacheAnswersARepeatedRequestWithoutYahooAndSharesConcurrentOnes() {
        start(YahooStandIn.builder());
        MarketData cached = new CachingMarketData(yahoo, 100, CLOCK);
        FetchCounts counts = new FetchCounts();
        MarketData observed = cached.observedBy(counts);

        List<CompletableFuture<PriceHistory>> concurrent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            concurrent.add(observed.history("ABC", FROM, TO));
        }
        concurrent.forEach(CompletableFuture::join);
        observed.history("ABC", FROM, TO).join();
        observed.fundamentals("ABC").join();
        observed.fundamentals("ABC").join();
        // a profile brings its fundamentals along: XYZ's fundamentals then cost no request
        observed.profile("XYZ").join();
        observed.fundamentals("XYZ").join();

        assertThat(standIn.count(YahooEndpoint.CHART, 200)).isEqualTo(1);
        assertThat(standIn.count(YahooEndpoint.QUOTE, 200)).isEqualTo(1);
        assertThat(standIn.count(YahooEndpoint.QUOTE_SUMMARY, 200)).isEqualTo(1);
        assertThat(counts.misses()).isEqualTo(3);
        assertThat(counts.hits()).isEqualTo(12);
        assertThat(counts.upstreamCalls()).isEqualTo(3);
    }

    @Test
    void noDataIsAnAnswerAndIsKept() {
        start(YahooStandIn.builder());
        MarketData cached = new CachingMarketData(yahoo, 100, CLOCK);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cached.history("NOPE", FROM, TO).join()).cause().isInstanceOf(NoDataException.class);
        }

        assertThat(standIn.count(YahooEndpoint.CHART, 404)).isEqualTo(1);
    }

}
