package com.marketopportunities.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.marketopportunities.config.Application;
import com.marketopportunities.config.Settings;
import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.CountingMarketData;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.scoring.Horizon;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ScanServiceTest {

    static final LocalDate AS_OF = ExampleMarket.AS_OF;
    static final Clock CLOCK = ExampleMarket.CLOCK;

    @TempDir
    static Path folder;
    static Path data;

    @BeforeAll
    static void writeMarketData() throws Exception {
        data = ExampleMarket.write(folder);
    }

    /** 60 % AAPL, 30 % MSFT (Technology from the provider), 10 % JPM (sector given by the file). */
    static Portfolio techHeavy() {
        return new Portfolio("USD", List.of(
                Position.of("AAPL", 60_000),
                Position.of("MSFT", 30_000),
                Position.of("JPM", 10_000).withSector("Financial Services")));
    }

    static ScanRequest request(Portfolio portfolio) {
        return new ScanRequest(portfolio, Horizon.MEDIUM, 5.0, AS_OF, 6, List.of());
    }

    @Test
    void gapsAreTargetMinusCurrentForEveryBucketShortByTheMinimum() {
        ScanReport report = scan(new CsvFolderMarketData(data), techHeavy());

        Map<String, ScanReport.Gap> gaps = byName(report.gaps());
        // Technology holds 90 %, above its 15-30 range: no gap. Financials 10 % vs target 14 %: 4.0 < 5, no gap.
        assertThat(gaps).doesNotContainKeys("Technology", "Financials");
        // Healthcare: target (10+18)/2 = 14, current 0 -> gap 14; Energy (3+10)/2 = 6.5; Utilities (2+8)/2 = 5.0.
        assertThat(gaps.get("Healthcare").gapPct()).isEqualTo(14.0);
        assertThat(gaps.get("Energy").gapPct()).isEqualTo(6.5);
        assertThat(gaps.get("Utilities").gapPct()).isEqualTo(5.0);
        assertThat(gaps).containsKeys("Consumer Discretionary", "Communication Services", "Industrials",
                "Consumer Staples", "Real Estate", "Materials", "Europe", "Asia Pacific", "Emerging Markets", "Japan");
        assertThat(report.gaps()).hasSize(13);
    }

    @Test
    void gapsAreSortedByTheirEtfScoreWithUnscoredOnesLastAndTheFirstFiveDriveTheSuggestions() {
        ScanReport report = scan(new CsvFolderMarketData(data), techHeavy());

        List<ScanReport.Gap> scored = report.gaps().stream().filter(gap -> gap.score() != null).toList();
        assertThat(scored).extracting(ScanReport.Gap::sector).containsExactlyInAnyOrder("Healthcare", "Energy");
        assertThat(report.gaps().subList(0, 2)).containsExactlyElementsOf(scored);
        assertThat(scored.get(0).score()).isGreaterThanOrEqualTo(scored.get(1).score());
        assertThat(report.gaps()).filteredOn(ScanReport.Gap::top).hasSize(5);
        assertThat(report.gaps().subList(5, report.gaps().size())).noneMatch(ScanReport.Gap::top);
        assertThat(report.unscored()).extracting(ScanReport.Unscored::symbol).contains("XLU", "VGK");
    }

    @Test
    void capitalIsCountedOncePerTopGapNotOncePerCandidate() {
        ScanReport report = scan(new CsvFolderMarketData(data), techHeavy());

        List<ScanReport.Gap> top = report.gaps().stream().filter(ScanReport.Gap::top).toList();
        for (ScanReport.Gap gap : top) {
            // capital = gap% x total value of 100,000, for a gap that buys; nothing for one with nothing worth buying
            assertThat(gap.capitalNeeded()).as(gap.sector())
                    .isEqualTo(gap.noCandidateWorthBuying() ? 0 : gap.gapPct() * 1000, within(0.01));
            assertThat(report.opportunities()).filteredOn(row -> row.sector().equals(gap.sector()))
                    .allSatisfy(row -> assertThat(row.capitalNeeded()).isEqualTo(gap.capitalNeeded()));
        }
        assertThat(report.summary().capitalNeeded())
                .isEqualTo(top.stream().mapToDouble(ScanReport.Gap::capitalNeeded).sum(), within(0.01));
    }

    @Test
    void candidatesComeAfterTheirEtfAndAnUnscoredStockShowsTheSectorScoreWithNoConfidenceOfItsOwn() {
        ScanReport report = scan(new CsvFolderMarketData(data), techHeavy());

        List<ScanReport.Opportunity> healthcare = report.opportunities().stream()
                .filter(row -> row.sector().equals("Healthcare")).toList();
        // XLV and the first 6 of its universe: UNH JNJ LLY ABBV NVO ROG.SW; only XLV and JNJ have data here
        assertThat(healthcare).extracting(ScanReport.Opportunity::symbol)
                .containsExactlyInAnyOrder("XLV", "UNH", "JNJ", "LLY", "ABBV", "NVO", "ROG.SW");
        ScanReport.Opportunity xlv = find(healthcare, "XLV");
        ScanReport.Opportunity unh = find(healthcare, "UNH");
        assertThat(xlv.shown().scoreSource()).isEqualTo(ScoreSource.SYMBOL);
        assertThat(xlv.type()).isEqualTo("ETF");
        assertThat(unh.shown().scoreSource()).isEqualTo(ScoreSource.SECTOR);
        // the ETF's score, pillars and reading, but no confidence of its own (SCANNER.md 4)
        assertThat(xlv.shown().confidence()).isEqualTo(1.0);
        assertThat(unh.shown()).isEqualTo(new ScanReport.ShownScore(xlv.shown().score(), ScoreSource.SECTOR,
                xlv.shown().momentumScore(), xlv.shown().valueScore(), xlv.shown().diversificationScore(), null,
                false));
        assertThat(unh.action()).isEqualTo(xlv.action());
        assertThat(unh.type()).isEqualTo("Stock");
        assertThat(unh.correlationToPortfolio()).isNull();
        assertThat(find(healthcare, "JNJ").correlationToPortfolio()).isBetween(-1.0, 1.0);
        assertThat(report.opportunities()).hasSizeLessThanOrEqualTo(35);
        assertThat(report.opportunities()).isSortedAccordingTo(
                java.util.Comparator.comparing(ScanReport.Opportunity::score,
                        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    }

    @Test
    void everyRowsActionIsTheReadingOfTheScoreItShowsNeverBuyForAScoreThatReadsAvoid() {
        ScanReport report = scan(new CsvFolderMarketData(data), techHeavy());

        // SCANNER.md 4: STRONG_BUY >= 75, BUY 60-75, CONSIDER 50-60, AVOID < 50; no score, no action
        assertThat(report.opportunities()).allSatisfy(row -> assertThat(Objects.toString(row.action(), null))
                .as(row.symbol() + " at " + row.score()).isEqualTo(row.score() == null ? null
                        : row.score() >= 75 ? "STRONG_BUY" : row.score() >= 60 ? "BUY"
                        : row.score() >= 50 ? "CONSIDER" : "AVOID"));
        // XOM 40.6, XLE 28.8 and CVX (shown with XLE's score) read avoid; JNJ 65.3 buy; XLV 53.0 consider
        Map<String, String> actions = new java.util.HashMap<>();
        report.opportunities().forEach(row -> actions.put(row.symbol(), Objects.toString(row.action(), null)));
        assertThat(actions).containsEntry("XOM", "AVOID").containsEntry("XLE", "AVOID").containsEntry("CVX", "AVOID")
                .containsEntry("JNJ", "BUY").containsEntry("XLV", "CONSIDER").containsEntry("UNH", "CONSIDER")
                .containsEntry("XLY", null);
        assertThat(find(report.opportunities(), "XOM").rationale()).contains("avoid at 40.6");
        assertThat(find(report.opportunities(), "CVX").rationale()).contains("sector ETF's 28.8 (avoid)");
    }

    @Test
    void aTopGapWithNothingWorthBuyingIsFlaggedWithItsBestCandidateBuysNothingAndLeavesTheCapitalNeeded() {
        ScanReport report = scan(new CsvFolderMarketData(data), techHeavy());
        JsonNode json = JsonFormat.mapper().valueToTree(report);

        // Energy: its best candidate is XOM at 40.6 (XLE 28.8, the rest unscored), below scan.min-buy-score 50
        JsonNode energy = gap(json, "Energy");
        assertThat(energy.path("no_candidate_worth_buying").asBoolean()).isTrue();
        assertThat(energy.path("best_candidate").path("symbol").asString()).isEqualTo("XOM");
        assertThat(energy.path("best_candidate").path("score").asDouble()).isEqualTo(40.6);
        assertThat(energy.path("best_candidate").path("reading").asString()).isEqualTo("AVOID");
        assertThat(energy.path("capital_needed").asDouble()).isZero();
        // the top gaps whose candidates could not be scored at all: flagged, with no best candidate
        for (String sector : List.of("Consumer Discretionary", "Communication Services", "Industrials")) {
            assertThat(gap(json, sector).path("no_candidate_worth_buying").asBoolean()).as(sector).isTrue();
            assertThat(gap(json, sector).path("best_candidate").isNull()).as(sector).isTrue();
            assertThat(gap(json, sector).path("capital_needed").asDouble()).as(sector).isZero();
        }
        // Healthcare buys JNJ (65.3): its 14 % of 100,000 is the only money needed, invested and to be freed
        assertThat(gap(json, "Healthcare").path("no_candidate_worth_buying").asBoolean()).isFalse();
        assertThat(gap(json, "Healthcare").path("capital_needed").asDouble()).isEqualTo(14_000.0);
        assertThat(report.summary().capitalNeeded()).isEqualTo(14_000.0);
        assertThat(report.impact().totalInvested()).isEqualTo(14_000.0);
        assertThat(report.warnings()).anyMatch(warning -> warning.contains("of the USD 14,000.00 needed"));
        // Energy gets no purchase and stays in the remaining drift, 3 points below its 3-10 % range
        assertThat(report.impact().after().get("Energy")).isZero();
        assertThat(report.impact().remainingDrift().get("Energy")).isEqualTo(-3.0);
        assertThat(report.opportunities()).filteredOn(row -> row.sector().equals("Energy"))
                .isNotEmpty().allSatisfy(row -> assertThat(row.capitalNeeded()).as(row.symbol()).isZero());
    }

    @Test
    void theMinimumScoreToBuyIsASetting() throws Exception {
        Path file = folder.resolve("min-buy-70.properties");
        java.nio.file.Files.writeString(file, "scan.min-buy-score=70\n");
        ScanService service = Application.over(new CsvFolderMarketData(data), Settings.load(file), CLOCK,
                new SimpleMeterRegistry()).scans();

        ScanReport report = service.scan(request(techHeavy()), ScanListener.SILENT);

        // JNJ's 65.3 reads "buy" but is below 70: Healthcare buys nothing either, and nothing is needed
        JsonNode healthcare = gap(JsonFormat.mapper().valueToTree(report), "Healthcare");
        assertThat(healthcare.path("no_candidate_worth_buying").asBoolean()).isTrue();
        assertThat(healthcare.path("best_candidate").path("symbol").asString()).isEqualTo("JNJ");
        assertThat(healthcare.path("best_candidate").path("reading").asString()).isEqualTo("BUY");
        assertThat(report.summary().capitalNeeded()).isZero();
        assertThat(report.impact().totalInvested()).isZero();
        assertThat(report.suggestedSales()).isEmpty();
    }

    @Test
    void aHeldCandidateIsFlagged() {
        Portfolio portfolio = new Portfolio("USD", List.of(Position.of("AAPL", 90_000), Position.of("JNJ", 2_000)));
        ScanReport report = scan(new CsvFolderMarketData(data), portfolio);

        assertThat(find(report.opportunities(), "JNJ").held()).isTrue();
        assertThat(find(report.opportunities(), "XLV").held()).isFalse();
    }

    @Test
    void eachSymbolIsAskedForOncePerScanEvenWhenHeldAndACandidate() {
        CountingMarketData counting = new CountingMarketData(new CsvFolderMarketData(data));
        Portfolio portfolio = new Portfolio("USD", List.of(Position.of("AAPL", 50_000), Position.of("JNJ", 2_000),
                Position.of("SPY", 10_000)));
        ScanReport report = scan(counting, portfolio);

        assertThat(counting.histories()).allSatisfy((symbol, count) -> assertThat(count).as(symbol).isEqualTo(1));
        assertThat(counting.fundamentals()).allSatisfy((symbol, count) -> assertThat(count).as(symbol).isEqualTo(1));
        assertThat(counting.profiles()).allSatisfy((symbol, count) -> assertThat(count).as(symbol).isEqualTo(1));
        assertThat(counting.histories()).containsKeys("SPY", "AAPL", "JNJ", "XLV");
        // AAPL and JNJ are in the candidate universe with their sector and country: no profile asked for
        assertThat(counting.profiles()).doesNotContainKeys("AAPL", "JNJ").containsKey("SPY");
        assertThat(report.stats().upstreamCalls()).isEqualTo(counting.total());
    }

    @Test
    void aScanAnswersOnlyOnceEveryRequestItMadeIsAnsweredThoseMadeAheadInCaseIncluded() {
        // XLI's profile is asked for ahead (Industrials is a gap) and never needed: XLI has no data to buy
        AtomicBoolean answered = new AtomicBoolean();
        CountingMarketData counting = new CountingMarketData(new LateProfile(new CsvFolderMarketData(data), "XLI",
                Duration.ofMillis(700), answered));
        List<String> progress = new CopyOnWriteArrayList<>();
        ScanReport report = service(counting).scan(request(techHeavy()), new ScanListener() {
            @Override
            public void fetched(String symbol, int completed, int requested) {
                progress.add(completed + "/" + requested);
            }
        });
        List<String> seenByTheCaller = List.copyOf(progress);

        assertThat(counting.profiles()).containsKey("XLI");
        assertThat(answered).as("the late profile answered before the scan did").isTrue();
        assertThat(report.stats().upstreamCalls()).isEqualTo(counting.total());
        // the last progress event the caller saw: every request answered (N/N)
        assertThat(seenByTheCaller).last().asString().matches("(\\d+)/\\1");
        assertThat(progress).isEqualTo(seenByTheCaller);
    }

    /** A source that answers one symbol's profile {@code delay} late and then sets {@code answered}, all else its delegate's. */
    private record LateProfile(MarketData delegate, String symbol, Duration delay, AtomicBoolean answered)
            implements MarketData {
        @Override
        public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
            return delegate.history(symbol, from, to);
        }

        @Override
        public CompletableFuture<Fundamentals> fundamentals(String symbol) {
            return delegate.fundamentals(symbol);
        }

        @Override
        public CompletableFuture<Fundamentals> profile(String symbol) {
            if (!symbol.equals(this.symbol)) {
                return delegate.profile(symbol);
            }
            Executor later = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.runAsync(() -> { }, later).thenCompose(waited -> delegate.profile(symbol))
                    .whenComplete((profile, failure) -> answered.set(true));
        }

        @Override
        public MarketData observedBy(FetchObserver observer) {
            return new LateProfile(delegate.observedBy(observer), symbol, delay, answered);
        }

        @Override
        public String describe() {
            return "late " + delegate.describe();
        }
    }

    @Test
    void fundamentalsThatCouldNotBeHadGiveAPartialScoreNamedInTheWarnings() {
        MarketData throttled = new PartialScan.ThrottledFundamentals(new CsvFolderMarketData(data),
                java.util.Set.of("JNJ"));
        ScanReport full = scan(new CsvFolderMarketData(data), techHeavy());
        ScanReport report = scan(throttled, techHeavy());

        ScanReport.ShownScore jnj = find(report.opportunities(), "JNJ").shown();
        ScanReport.ShownScore jnjFull = find(full.opportunities(), "JNJ").shown();
        assertThat(jnj.partial()).isTrue();
        assertThat(jnj.valueScore()).isNull();
        // the same prices: momentum and diversification are those of the full score, the composite is theirs alone
        assertThat(jnj.momentumScore()).isEqualTo(jnjFull.momentumScore());
        assertThat(jnj.diversificationScore()).isEqualTo(jnjFull.diversificationScore());
        assertThat(jnj.score()).isNotEqualTo(jnjFull.score());
        assertThat(find(report.opportunities(), "XLV").shown().partial()).isFalse();
        assertThat(report.warnings()).anyMatch(warning -> warning.startsWith("Scored without fundamentals")
                && warning.contains("JNJ") && !warning.contains("XLV"));
        assertThat(full.warnings()).noneMatch(warning -> warning.startsWith("Scored without fundamentals"));
    }

    @Test
    void trimsAndImpactFollowTheCapitalNeeded() {
        ScanReport report = scan(new CsvFolderMarketData(data), techHeavy());

        // AAPL and MSFT are the two largest holdings: protected. JPM (10 %, a 'large position' signal) holds
        // Financials at exactly its 10 % minimum: a sale would open a Financials gap, so nothing is sold
        assertThat(report.excludedPositions()).extracting(ScanReport.Excluded::symbol).contains("AAPL", "MSFT", "JPM");
        assertThat(report.excludedPositions()).filteredOn(excluded -> excluded.symbol().equals("JPM")).first()
                .extracting(ScanReport.Excluded::guard).asString().contains("Financials below its range minimum of 10.0%");
        assertThat(report.suggestedSales()).isEmpty();
        assertThat(report.summary().capitalFreed()).isEqualTo(0.0);
        assertThat(report.summary().sufficientCapital()).isFalse();
        assertThat(report.impact().totalFreed()).isEqualTo(0.0);
        assertThat(report.impact().totalInvested()).isEqualTo(report.summary().capitalNeeded());
        assertThat(report.impact().before().get("Technology")).isEqualTo(90.0);
        assertThat(report.impact().after().get("Technology")).isLessThan(90.0);
        assertThat(report.impact().riskBefore()).isPositive();
        assertThat(report.impact().riskAfter()).isPositive();
        assertThat(report.warnings()).anyMatch(warning -> warning.contains("trims free USD 0.00"));
    }

    @Test
    void aBackToBackScanInTheSameProcessMakesNoUpstreamCall() {
        ScanService service = service(new com.marketopportunities.marketdata.CachingMarketData(
                new CsvFolderMarketData(data), 1_000, CLOCK));

        ScanReport first = service.scan(request(techHeavy()), ScanListener.SILENT);
        ScanReport second = service.scan(request(techHeavy()), ScanListener.SILENT);

        assertThat(first.stats().upstreamCalls()).isPositive();
        assertThat(first.stats().marketDataMisses()).isEqualTo(first.stats().upstreamCalls());
        assertThat(first.stats().cacheHits()).isZero();
        assertThat(first.stats().cacheMisses()).isPositive();
        // the second scan: every score a hit, every piece of raw data from the raw data cache
        assertThat(second.stats().upstreamCalls()).isZero();
        assertThat(second.stats().marketDataMisses()).isZero();
        assertThat(second.stats().cacheMisses()).isZero();
        assertThat(second.stats().cacheHits()).isEqualTo(first.stats().cacheMisses());
        assertThat(second.gaps()).isEqualTo(first.gaps());
        assertThat(second.opportunities()).isEqualTo(first.opportunities());
    }

    @Test
    void aSymbolWithoutAnyDataIsUnclassifiedAndReportedNotDropped() {
        Portfolio portfolio = new Portfolio("USD", List.of(Position.of("AAPL", 50_000), Position.of("NOPE", 5_000)));
        ScanReport report = scan(new CsvFolderMarketData(data), portfolio);

        assertThat(report.summary().totalValue()).isEqualTo(55_000.0);
        // 5,000 / 55,000 = 9.09 % of the equity in both dimensions
        assertThat(report.exposure().sectors()).filteredOn(row -> row.bucket().equals("Unclassified"))
                .singleElement().satisfies(row -> assertThat(row.pct()).isEqualTo(9.09));
        assertThat(report.exposure().regions()).filteredOn(row -> row.bucket().equals("Unclassified"))
                .singleElement().satisfies(row -> assertThat(row.pct()).isEqualTo(9.09));
        assertThat(report.holdings()).filteredOn(holding -> holding.symbol().equals("NOPE")).singleElement()
                .satisfies(holding -> assertThat(holding.sectorSource()).isEqualTo("unclassified"));
        assertThat(report.warnings()).anyMatch(warning -> warning.contains("9.1% of the equity has no sector")
                && warning.contains("NOPE"));
        assertThat(report.warnings()).anyMatch(warning -> warning.startsWith("NOPE: the provider has no profile"));
    }

    @Test
    void anAsOfAfterTheDataEndsIsWarnedAbout() {
        ScanRequest late = new ScanRequest(techHeavy(), Horizon.SHORT, 5.0, AS_OF.plusDays(60), 6, List.of());
        ScanReport report = service(new CsvFolderMarketData(data)).scan(late, ScanListener.SILENT);

        assertThat(report.warnings()).anyMatch(warning -> warning.contains("Market data ends on 2024-06-28"));
    }

    @Test
    void aProviderThatAnswersNothingFailsTheScan() {
        MarketData down = new MarketData() {
            @Override
            public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
                return CompletableFuture.failedFuture(new MarketDataUnavailableException("connection refused"));
            }

            @Override
            public CompletableFuture<Fundamentals> fundamentals(String symbol) {
                return CompletableFuture.failedFuture(new MarketDataUnavailableException("connection refused"));
            }

            @Override
            public String describe() {
                return "a provider that is down";
            }

            @Override
            public MarketData observedBy(com.marketopportunities.marketdata.FetchObserver observer) {
                return this;
            }
        };
        assertThatThrownBy(() -> scan(down, techHeavy())).isInstanceOf(ScanFailedException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void aSymbolOnTwoRowsIsOnePositionNeverBothProtectedAndTrimmed() {
        // AAPL's two rows (35,000 + 25,000) were two positions: one protected as a largest holding, the other trimmed
        Portfolio twice = new Portfolio("USD", List.of(
                new Position("AAPL", "AAPL", null, 35_000, null, null, null, null, null, null, null, 2),
                Position.of("MSFT", 30_000),
                new Position("AAPL", "AAPL", null, 25_000, null, null, null, null, null, null, null, 4),
                Position.of("JPM", 10_000).withSector("Financial Services")));

        ScanReport report = scan(new CsvFolderMarketData(data), twice);

        assertThat(report.summary().totalValue()).isEqualTo(100_000.0);
        assertThat(report.summary().positions()).isEqualTo(3);
        assertThat(report.suggestedSales()).extracting(ScanReport.Sale::symbol).doesNotContain("AAPL");
        assertThat(report.excludedPositions()).filteredOn(excluded -> excluded.symbol().equals("AAPL")).hasSize(1)
                .first().extracting(ScanReport.Excluded::guard).asString().contains("largest");
        assertThat(report.warnings()).anyMatch(warning -> warning.contains("AAPL is on 2 rows (lines 2, 4)")
                && warning.contains("one position of 60,000.00"));
    }

    static ScanReport scan(MarketData marketData, Portfolio portfolio) {
        return service(marketData).scan(request(portfolio), ScanListener.SILENT);
    }

    static ScanService service(MarketData marketData) {
        return Application.over(marketData, Settings.defaults(), CLOCK, new SimpleMeterRegistry()).scans();
    }

    static Map<String, ScanReport.Gap> byName(List<ScanReport.Gap> gaps) {
        Map<String, ScanReport.Gap> byName = new java.util.LinkedHashMap<>();
        gaps.forEach(gap -> byName.put(gap.sector(), gap));
        return byName;
    }

    static JsonNode gap(JsonNode report, String sector) {
        return report.path("gaps").valueStream().filter(gap -> gap.path("sector").asString().equals(sector))
                .findFirst().orElseThrow(() -> new AssertionError("no " + sector + " gap"));
    }

    static ScanReport.Opportunity find(List<ScanReport.Opportunity> rows, String symbol) {
        return rows.stream().filter(row -> row.symbol().equals(symbol)).findFirst().orElseThrow();
    }

}
