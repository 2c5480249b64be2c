package com.marketopportunities.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.marketopportunities.config.Application;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CachingMarketData;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.SharedMarketData;
import com.marketopportunities.marketdata.yahoo.YahooFinanceMarketData;
import com.marketopportunities.marketdata.yahoo.standin.DataRequest;
import com.marketopportunities.marketdata.yahoo.standin.LoggedRequest;
import com.marketopportunities.marketdata.yahoo.standin.YahooEndpoint;
import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import com.marketopportunities.portfolio.PortfolioImport;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scoring.Horizon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A scan through the Yahoo client, against the local stand-in serving ../shared/market-data in
 * Yahoo's formats (cookie and crumb demanded by quote and quoteSummary, the EU consent form, 15 % of
 * data requests answered 429, a first crumb request throttled), gives exactly the answer of
 * the offline scan of the same data, and asks Yahoo for each symbol's chart, quote and profile at
 * most once: one chart per symbol, and a few other requests (issue 12).
 */
class YahooScanAcceptanceIT {

    static final LocalDate AS_OF = LocalDate.of(2022, 12, 5);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-12-06T12:00:00Z"), ZoneOffset.UTC);

    static Path data;
    static YahooStandIn standIn;

    @BeforeAll
    static void start() {
        data = SharedMarketData.folder();
        boolean present = Files.isDirectory(data);
        if (!present && Boolean.getBoolean("market.data.required")) {
            throw new IllegalStateException("market data folder " + data + " not found, and market.data.required is set");
        }
        assumeTrue(present, "market data folder " + data + " not found: Yahoo scan acceptance skipped");
        standIn = YahooStandIn.builder().dataDir(data).tooManyRequestsRate(0.15).retryAfterSeconds(1)
                .consentRedirect(true).start();
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Horizon.class)
    void aScanThroughYahooEqualsTheOfflineScanAndFetchesEachPieceOnce(Horizon horizon) throws Exception {
        standIn.resetLog();
        // the first crumb request is throttled: backed off and asked again, never taken for a crumb
        standIn.refuseNextCrumbs(1);
        ScanRequest request = techHeavy(horizon);
        ScanReport offline = offline(request);
        ScanReport online = throughYahoo(standIn, request);

        assertThat(online.gaps()).isEqualTo(offline.gaps());
        assertThat(online.opportunities()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("rationale")
                .isEqualTo(offline.opportunities());
        assertThat(online.suggestedSales()).isEqualTo(offline.suggestedSales());
        assertThat(online.excludedPositions()).isEqualTo(offline.excludedPositions());
        assertThat(online.impact()).isEqualTo(offline.impact());
        assertThat(online.summary()).isEqualTo(offline.summary());
        assertThat(online.unscored()).extracting(ScanReport.Unscored::symbol)
                .containsExactlyElementsOf(offline.unscored().stream().map(ScanReport.Unscored::symbol).toList());

        Map<DataRequest, Long> answered = standIn.dataRequestsBySymbolAndEndpoint(true);
        assertThat(answered).allSatisfy((request1, count) -> assertThat(count).as(request1.toString()).isEqualTo(1L));
        // AAPL's sector and country are the universe's; AMD is no candidate: its profile is asked for
        assertThat(answered).containsKeys(DataRequest.chart("SPY"), DataRequest.chart("AAPL"),
                DataRequest.quoteSummary("AMD"), DataRequest.quote("XLV"), DataRequest.chart("XLV"))
                .doesNotContainKey(DataRequest.quoteSummary("AAPL"));
        assertThat(standIn.count(YahooEndpoint.CHART, 429) + standIn.count(YahooEndpoint.QUOTE_SUMMARY, 429)
                + standIn.count(YahooEndpoint.QUOTE, 429)).as("the stand-in did answer some requests 429").isPositive();
        assertThat(standIn.count(YahooEndpoint.CRUMB, 429)).isEqualTo(1);
        Map<YahooEndpoint, Long> requests = standIn.requestsByEndpoint(true);
        assertThat(online.stats().upstreamCalls()).as("the scan's own count of its requests, 429 retries aside")
                .isEqualTo(requests.getOrDefault(YahooEndpoint.CHART, 0L) + requests.getOrDefault(YahooEndpoint.QUOTE, 0L)
                        + requests.getOrDefault(YahooEndpoint.QUOTE_SUMMARY, 0L));
    }

    /**
     * Issue 12's figure: a cold scan of tech-heavy makes one chart request per symbol and at most 15
     * others (quote batches, profiles, the handshake), where it made about 50 others before.
     */
    @org.junit.jupiter.api.Test
    void aColdScanMakesOneChartRequestPerSymbolAndAtMostFifteenOthers() throws Exception {
        try (YahooStandIn plain = YahooStandIn.builder().dataDir(data).requireBrowserUserAgent(true).start()) {
            ScanRequest request = techHeavy(Horizon.MEDIUM);
            ScanReport online = throughYahoo(plain, request);

            assertThat(online.opportunities()).isNotEmpty();
            List<LoggedRequest> log = plain.requests();
            assertThat(log).allSatisfy(logged -> assertThat(logged.status()).as(logged.path()).isNotEqualTo(429));
            List<String> charted = log.stream().filter(logged -> logged.endpoint() == YahooEndpoint.CHART)
                    .map(LoggedRequest::symbol).toList();
            assertThat(charted).doesNotHaveDuplicates().contains("SPY", "AAPL", "XLV");
            assertThat(log.size() - charted.size()).as("requests other than charts: " + plain.requestsByEndpoint())
                    .isLessThanOrEqualTo(15);
            assertThat(plain.requestsByEndpoint().get(YahooEndpoint.QUOTE)).as("quote batches").isBetween(1L, 4L);
        }
    }

    static ScanRequest techHeavy(Horizon horizon) throws java.io.IOException {
        PortfolioImport portfolio = new PortfolioReader().read(Path.of("examples/tech-heavy.csv"), null);
        return new ScanRequest(portfolio.portfolio(), horizon, 5.0, AS_OF, 6, List.of());
    }

    static ScanReport offline(ScanRequest request) {
        try (MarketData csv = new CsvFolderMarketData(data)) {
            return scan(Settings.defaults(), csv, request);
        }
    }

    /** A cold scan through a new Yahoo client (new session, empty caches) pointed at {@code yahoo}. */
    static ScanReport throughYahoo(YahooStandIn yahoo, ScanRequest request) {
        Settings settings = Settings.defaults().withYahooUrl(yahoo.baseUrl());
        try (MarketData client = new CachingMarketData(new YahooFinanceMarketData(settings.yahoo()), 10_000, CLOCK)) {
            return scan(settings, client, request);
        }
    }

    static ScanReport scan(Settings settings, MarketData marketData, ScanRequest request) {
        ScanService service = Application.over(marketData, settings, CLOCK, new SimpleMeterRegistry()).scans();
        return service.scan(request, ScanListener.SILENT);
    }
}
