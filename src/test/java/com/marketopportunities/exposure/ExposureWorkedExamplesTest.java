package com.marketopportunities.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketopportunities.config.Application;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.SharedMarketData;
import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPOSURE.md on the real data of {@code ../shared/market-data} at as-of 2022-12-05, each figure
 * worked out by hand from {@code funds.csv}, {@code fundamentals.csv} and the FX files (the numbers
 * copied into the comments are those files' rows). Skipped where the folder is absent.
 */
class ExposureWorkedExamplesTest {

    static final LocalDate AS_OF = LocalDate.of(2022, 12, 5);
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void marketData() {
        data = SharedMarketData.folder();
        assumeTrue(Files.isDirectory(data), "market data folder " + data + " not found: worked examples skipped");
    }

    @Test
    void anEtfInvestorIsLookedThroughAndToldOfNoFabricatedSectorGap() throws Exception {
        // examples/etf-investor.csv: SPY 60,000, QQQ 15,000, VGK 15,000, AAPL 10,000 (USD)
        // funds.csv, sector Health Care: SPY 0.101751, QQQ 0.064909, VGK 0.148438
        //   60,000 * 0.101751 + 15,000 * 0.064909 + 15,000 * 0.148438 = 6,105.06 + 973.635 + 2,226.57 = 9,305.265
        //   -> 9.31 % of 100,000: gap 14 - 9.31 = 4.69, under the 5-point minimum
        // Information Technology: SPY 0.315069, QQQ 0.489182, VGK 0.083187; AAPL (fundamentals.csv) all of it
        //   18,904.14 + 7,337.73 + 1,247.805 + 10,000 = 37,489.675 -> 37.49 %
        // regions: SPY North America 1 (funds.csv); QQQ has none in funds.csv: the known-fund table's North
        //   America 1; VGK Europe 1; AAPL United States -> North America: 85 % and 15 %
        ScanReport report = scan(Path.of("examples/etf-investor.csv"), null);

        assertThat(pct(report.exposure().sectors(), "Healthcare")).isCloseTo(9.31, within(0.01));
        assertThat(pct(report.exposure().sectors(), "Technology")).isCloseTo(37.49, within(0.01));
        assertThat(pct(report.exposure().regions(), "North America")).isEqualTo(85.0);
        assertThat(pct(report.exposure().regions(), "Europe")).isEqualTo(15.0);
        assertThat(report.exposure().sectors()).noneMatch(row -> row.bucket().equals("Unclassified"));
        assertThat(holding(report, "SPY").sectorSource()).isEqualTo("provider_fund");
        assertThat(holding(report, "QQQ").regionSource()).isEqualTo("known_fund");
        // no sector is below its target by 5 points: only the regions the portfolio lacks
        assertThat(report.gaps()).allSatisfy(gap -> assertThat(gap.dimension()).isEqualTo("region"));
        assertThat(report.gaps()).extracting(ScanReport.Gap::sector)
                .containsExactlyInAnyOrder("Asia Pacific", "Emerging Markets", "Japan");
    }

    @Test
    void europeanStocksCountByTheirCountryAndAWorldEtfByItsEuropeanShareNotItsListingOrIsin() throws Exception {
        // examples/saxo-europe.csv (EUR): SLHN.SW 5,003.56, ROG.SW 6,095.24, UBSG.SW 5,337.13, NESN.SW 5,625.21
        //   (Switzerland), IFX.DE 5,025.00 (Germany), CDR.WA 4,089.47 (Poland: Emerging Markets), IWDA.AS 14,640.00
        //   (ISIN IE00B4L5Y983, listed in Amsterdam; funds.csv region Europe 0.147643); total 45,815.61
        // Europe = 27,086.14 + 14,640 * 0.147643 = 27,086.14 + 2,161.49 = 29,247.63 -> 63.84 %
        // (were the ETF counted by its listing or ISIN, Europe would be 41,726.14 -> 91.07 %)
        ScanReport report = scan(Path.of("examples/saxo-europe.csv"), null);

        assertThat(report.summary().totalValue()).isEqualTo(45_815.61);
        assertThat(pct(report.exposure().regions(), "Europe")).isCloseTo(63.84, within(0.01));
        assertThat(pct(report.exposure().regions(), "Emerging Markets"))
                .isCloseTo(4_089.47 / 45_815.61 * 100, within(0.01));
        ScanReport.HoldingView iwda = holding(report, "IWDA.AS");
        assertThat(iwda.regionSource()).isEqualTo("provider_fund");
        assertThat(iwda.regions().get("Europe")).isEqualTo(0.1476);
        assertThat(holding(report, "SLHN.SW").regionSource()).isEqualTo("profile");
        assertThat(holding(report, "SLHN.SW").fxRate()).as("a Saxo value is in the account currency already")
                .isEqualTo(1.0);
    }

    @Test
    void fourCurrenciesAreConvertedToTheBaseAtTheAsOfRatesAndAnUnknownOneIsLeftOut() throws Exception {
        // rates of 2022-12-05 (ECB): USDEUR=X 0.944555, CHFEUR=X 1.01082, GBPEUR=X 1.16164, JPYEUR=X 0.00698959
        //   AAPL     15,000 USD  * 0.944555         = 14,168.325
        //   NESN.SW   6,000 CHF  * 1.01082          =  6,064.92
        //   HSBA.L  500,000 GBp  / 100 * 1.16164    =  5,808.20
        //   7203.T 1,000,000 JPY * 0.00698959       =  6,989.59
        //   total                                    = 33,031.035
        Path file = Files.writeString(dir.resolve("four.csv"), "symbol,market_value,currency\nAAPL,15000,USD\n"
                + "NESN.SW,6000,CHF\nHSBA.L,500000,GBp\n7203.T,1000000,JPY\nODD.L,100,XYZ\n");

        ScanReport report = scan(file, "EUR");

        assertThat(report.baseCurrency()).isEqualTo("EUR");
        assertThat(report.summary().totalValue()).isEqualTo(33_031.04);
        assertThat(holding(report, "AAPL").fxRate()).isEqualTo(0.944555);
        assertThat(holding(report, "NESN.SW").value()).isEqualTo(6_064.92);
        assertThat(holding(report, "HSBA.L").fxRate()).as("pence: the pound's rate / 100").isEqualTo(0.0116164);
        assertThat(holding(report, "HSBA.L").currency()).isEqualTo("GBp");
        assertThat(holding(report, "7203.T").value()).isEqualTo(6_989.59);
        // never summed raw: listed, and said first
        assertThat(report.unconverted()).singleElement().satisfies(item -> {
            assertThat(item.symbol()).isEqualTo("ODD.L");
            assertThat(item.currency()).isEqualTo("XYZ");
        });
        assertThat(report.warnings().get(0)).contains("could not be converted to EUR").contains("ODD.L");
        assertThat(report.holdings()).extracting(ScanReport.HoldingView::symbol).doesNotContain("ODD.L");
    }

    @Test
    void aFundWithNoDataIsEquityUnclassifiedAndTheWarningSaysWhatWouldClassifyIt() throws Exception {
        Path file = Files.writeString(dir.resolve("mystery.csv"), "symbol,market_value,asset_type,region\n"
                + "AAPL,9000,Stock,\nMYSTERYFUND,1000,ETF,Atlantis\n");

        ScanReport report = scan(file, null);

        // 1,000 of 10,000 in neither a sector nor a region
        assertThat(pct(report.exposure().sectors(), "Unclassified")).isEqualTo(10.0);
        assertThat(pct(report.exposure().regions(), "Unclassified")).isEqualTo(10.0);
        assertThat(report.warnings()).anyMatch(warning -> warning.startsWith("10.0% of the equity has no sector"))
                .anyMatch(warning -> warning.contains("MYSTERYFUND: the file's region 'Atlantis' is not one of"))
                .anyMatch(warning -> warning.contains("MYSTERYFUND: fund without a sector breakdown")
                        && warning.contains("known-fund table"));
    }

    private static double pct(List<ScanReport.ExposureRow> rows, String bucket) {
        return rows.stream().filter(row -> row.bucket().equals(bucket)).findFirst().orElseThrow().pct();
    }

    private static ScanReport.HoldingView holding(ScanReport report, String symbol) {
        return report.holdings().stream().filter(holding -> holding.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static ScanReport scan(Path file, String baseCurrency) throws Exception {
        Portfolio portfolio = new PortfolioReader().read(file, null).portfolio();
        Clock clock = Clock.fixed(Instant.parse("2022-12-06T12:00:00Z"), ZoneOffset.UTC);
        try (Application application = Application.over(new CsvFolderMarketData(data), Settings.defaults(), clock,
                new SimpleMeterRegistry())) {
            return application.scans().scan(new ScanRequest(portfolio, Horizon.MEDIUM, 5.0, AS_OF, 6, List.of(),
                    baseCurrency), ScanListener.SILENT);
        }
    }
}
