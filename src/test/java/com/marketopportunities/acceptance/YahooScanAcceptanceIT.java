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
 * Yahoo's formats (cookie and crumb demanded, the EU consent form, one data request in five
 * answered 429), gives exactly the answer of the offline scan of the same data, and asks Yahoo for
 * each symbol's chart and fundamentals once.
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
        standIn = YahooStandIn.builder().dataDir(data).tooManyRequestsRate(0.2).retryAfterSeconds(1)
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
        Settings settings = Settings.defaults().withYahooUrl(standIn.baseUrl());
        PortfolioImport portfolio = new PortfolioReader().read(Path.of("examples/tech-heavy.csv"), null);
        ScanRequest request = new ScanRequest(portfolio.portfolio(), horizon, 5.0, AS_OF, 6, List.of());

        ScanReport offline;
        try (MarketData csv = new CsvFolderMarketData(data)) {
            offline = scan(settings, csv, request);
        }
        ScanReport online;
        try (MarketData yahoo = new CachingMarketData(new YahooFinanceMarketData(settings.yahoo()), 10_000, CLOCK)) {
            online = scan(settings, yahoo, request);
        }

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
        assertThat(answered).containsKeys(DataRequest.chart("SPY"), DataRequest.chart("AAPL"),
                DataRequest.quoteSummary("AAPL"), DataRequest.chart("XLV"));
        assertThat(standIn.count(YahooEndpoint.CHART, 429) + standIn.count(YahooEndpoint.QUOTE_SUMMARY, 429))
                .as("the stand-in did answer some requests 429").isPositive();
        assertThat(online.stats().upstreamCalls()).isEqualTo(answered.size());
    }

    static ScanReport scan(Settings settings, MarketData marketData, ScanRequest request) {
        ScanService service = Application.over(marketData, settings, CLOCK, new SimpleMeterRegistry()).scans();
        return service.scan(request, ScanListener.SILENT);
    }
}
