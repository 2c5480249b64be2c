package com.marketopportunities.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFolderMarketDataTest {

    static final String FUNDAMENTALS = """
            symbol,name,type,sector,currency,trailing_pe,forward_pe,peg_ratio,dividend_yield,as_of,country
            ROG.SW,Roche,EQUITY,Health Care,CHF,,,,,,Switzerland
            SPY,SPDR S&P 500 ETF Trust,ETF,Diversified,USD,,,,,,United States
            NVO,Novo Nordisk,EQUITY,Health Care,USD,,,,,,
            """;

    @Test
    void aPeWrittenInfinityIsNoPeAtAllAndTheRowStillReads(@TempDir Path folder) throws Exception {
        // the shared data's S&P financials write Infinity for a P/E on zero earnings (KEY, 2025-01-01)
        Files.writeString(folder.resolve("fundamentals.csv"), """
                symbol,name,type,sector,currency,trailing_pe,forward_pe,peg_ratio,dividend_yield,as_of,country
                KEY,KeyCorp,EQUITY,Financials,USD,Infinity,,,0.0479,2025-01-01,United States
                JPM,JPMorgan,EQUITY,Financials,USD,12.5,NaN,,0.021,2025-01-01,United States
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            Fundamentals key = data.fundamentals("KEY").join();
            assertThat(key.trailingPe()).isNull();
            assertThat(key.dividendYield()).isEqualTo(0.0479);
            assertThat(key.sector()).isEqualTo("Financials");
            Fundamentals jpm = data.fundamentals("JPM").join();
            assertThat(jpm.trailingPe()).isEqualTo(12.5);
            assertThat(jpm.forwardPe()).isNull();
        }
    }

    @Test
    void aStockHasTheCountryOfItsRowAFundNeverHasOne(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("fundamentals.csv"), FUNDAMENTALS);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            assertThat(data.fundamentals("ROG.SW").join().country()).isEqualTo("Switzerland");
            assertThat(data.fundamentals("nvo").join().country()).as("empty cell").isNull();
            // where SPY is domiciled says nothing of what it holds
            assertThat(data.fundamentals("SPY").join().country()).isNull();
            assertThat(data.fundamentals("ROG.SW").join().fund()).as("no funds.csv").isNull();
        }
    }

    @Test
    void aFileWithoutTheCountryColumnStillReads(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("fundamentals.csv"), """
                symbol,name,type,sector,currency,trailing_pe,forward_pe,peg_ratio,dividend_yield,as_of
                ROG.SW,Roche,EQUITY,Health Care,CHF,15.5,,,0.04,2025-01-01
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            Fundamentals roche = data.fundamentals("ROG.SW").join();
            assertThat(roche.trailingPe()).isEqualTo(15.5);
            assertThat(roche.country()).isNull();
        }
    }

    @Test
    void fundsCsvGivesAFundItsBreakdownWithOrWithoutAFundamentalsRow(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("fundamentals.csv"), FUNDAMENTALS);
        Files.writeString(folder.resolve("funds.csv"), """
                symbol,exposure,bucket,weight,as_of,source
                SPY,sector,Information Technology,0.6,,
                SPY,sector,Financials,0.4,2025-01-01,S&P constituents
                SPY,region,North America,1.000000,2025-01-01,S&P constituents
                SPY,asset_class,Equity,1,2025-01-01,S&P constituents
                IWDA.AS,region,North America,0.75,2024-12-24,iShares holdings
                IWDA.AS,region,Europe,0.15,2024-12-24,iShares holdings
                IWDA.AS,region,Europe,0.10,2024-12-24,iShares holdings
                IWDA.AS,asset_class,Equity,0.99,2024-12-24,iShares holdings
                IWDA.AS,asset_class,Cash,0.01,2024-12-24,iShares holdings
                IWDA.AS,category,Global Large-Cap Blend Equity,1,2024-12-24,iShares holdings
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            Fundamentals spy = data.fundamentals("SPY").join();
            assertThat(spy.name()).isEqualTo("SPDR S&P 500 ETF Trust");
            assertThat(spy.currency()).isEqualTo("USD");
            assertThat(spy.country()).isNull();
            assertThat(spy.fund().sectors()).containsExactly(
                    Map.entry("Information Technology", 0.6), Map.entry("Financials", 0.4));
            assertThat(spy.fund().regions()).containsExactly(Map.entry("North America", 1.0));
            assertThat(spy.fund().assetClasses()).containsExactly(Map.entry("Equity", 1.0));
            assertThat(spy.fund().category()).isNull();
            // the first non-empty as_of and source of its rows
            assertThat(spy.fund().asOf()).isEqualTo("2025-01-01");
            assertThat(spy.fund().source()).isEqualTo("funds.csv: S&P constituents");

            // not in fundamentals.csv: a fund with its breakdown, nothing else
            Fundamentals iwda = data.fundamentals("iwda.as").join();
            assertThat(iwda.symbol()).isEqualTo("IWDA.AS");
            assertThat(iwda.instrumentType()).isEqualTo("ETF");
            assertThat(iwda.name()).isNull();
            assertThat(iwda.currency()).isNull();
            assertThat(iwda.trailingPe()).isNull();
            assertThat(iwda.country()).isNull();
            // a bucket written twice counts the sum
            assertThat(iwda.fund().regions()).containsOnlyKeys("North America", "Europe");
            assertThat(iwda.fund().regions().get("Europe")).isCloseTo(0.25, within(1e-12));
            assertThat(iwda.fund().sectors()).isEmpty();
            assertThat(iwda.fund().assetClasses()).containsExactly(Map.entry("Equity", 0.99), Map.entry("Cash", 0.01));
            assertThat(iwda.fund().category()).isEqualTo("Global Large-Cap Blend Equity");
            assertThat(iwda.fund().source()).isEqualTo("funds.csv: iShares holdings");

            // only symbols with rows in funds.csv get a breakdown
            assertThat(data.fundamentals("ROG.SW").join().fund()).isNull();
            assertThat(data.fundamentals("ROG.SW").join().country()).isEqualTo("Switzerland");
            assertThatThrownBy(() -> data.fundamentals("QQQ").join()).cause().isInstanceOf(NoDataException.class);
        }
    }

    @Test
    void aWeightThatIsNotANumberNamesFileLineAndColumn(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("fundamentals.csv"), FUNDAMENTALS);
        Files.writeString(folder.resolve("funds.csv"), """
                symbol,exposure,bucket,weight,as_of,source
                SPY,sector,Financials,0.4,2025-01-01,S&P constituents
                SPY,sector,Information Technology,60%,2025-01-01,S&P constituents
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            assertThatThrownBy(() -> data.fundamentals("ROG.SW").join()).cause()
                    .isInstanceOf(MarketDataUnavailableException.class)
                    .hasMessage(folder.resolve("funds.csv") + ", line 3, column 'weight': '60%' is not a number");
        }
    }

    @Test
    void aSectorWithoutWeightIsAnErrorACategoryNeedsNone(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("funds.csv"), """
                symbol,exposure,bucket,weight,as_of,source
                QQQ,category,Large Growth,,2022-06-29,Yahoo
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            assertThat(data.fundamentals("QQQ").join().fund().category()).isEqualTo("Large Growth");
        }
        Files.writeString(folder.resolve("funds.csv"), """
                symbol,exposure,bucket,weight,as_of,source
                QQQ,category,Large Growth,,2022-06-29,Yahoo
                QQQ,sector,Information Technology,,2022-06-29,Yahoo
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            assertThatThrownBy(() -> data.fundamentals("QQQ").join()).cause()
                    .isInstanceOf(MarketDataUnavailableException.class)
                    .hasMessageStartingWith(folder.resolve("funds.csv") + ", line 3, column 'weight' is empty");
        }
    }

    @Test
    void anUnknownExposureNamesFileLineAndColumn(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("funds.csv"), """
                symbol,exposure,bucket,weight,as_of,source
                VT,region,North America,0.6,,
                VT,country,United States,0.6,,
                """);
        try (CsvFolderMarketData data = new CsvFolderMarketData(folder)) {
            assertThatThrownBy(() -> data.fundamentals("VT").join()).cause()
                    .isInstanceOf(MarketDataUnavailableException.class)
                    .hasMessage(folder.resolve("funds.csv") + ", line 3, column 'exposure': 'country' is not an "
                            + "exposure (expected sector, region, asset_class or category)");
        }
    }

    @Test
    void theSharedDataHasCountriesAndFundBreakdowns() throws Exception {
        Path shared = SharedMarketData.folder();
        assumeTrue(Files.isRegularFile(shared.resolve("funds.csv")), shared + "/funds.csv not found: skipped");
        try (CsvFolderMarketData data = new CsvFolderMarketData(shared)) {
            Fundamentals spy = data.fundamentals("SPY").join();
            assertThat(spy.isEtf()).isTrue();
            assertThat(spy.fund().sectors()).hasSize(11).containsEntry("Information Technology", 0.315069);
            assertThat(spy.fund().sectors().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-5));
            assertThat(spy.fund().regions()).containsExactly(Map.entry("North America", 1.0));

            Fundamentals qqq = data.fundamentals("QQQ").join();
            assertThat(qqq.instrumentType()).isEqualTo("ETF");
            assertThat(qqq.fund().category()).isEqualTo("Large Growth");
            assertThat(qqq.fund().asOf()).isEqualTo("2022-06-29");

            assertThat(data.fundamentals("ROG.SW").join().country()).isEqualTo("Switzerland");
            assertThat(data.fundamentals("ROG.SW").join().fund()).isNull();
            assertThat(data.fundamentals("TSM").join().country()).isEqualTo("Taiwan");

            Fundamentals iwda = data.fundamentals("IWDA.AS").join();
            assertThat(iwda.fund().regions()).containsOnlyKeys("North America", "Europe", "Japan", "Asia Pacific");
            assertThat(iwda.fund().regions().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-5));
            assertThat(data.fundamentals("URTH").join().fund().regions()).isEqualTo(iwda.fund().regions());
            assertThat(data.fundamentals("GLD").join().fund().assetClasses())
                    .containsExactly(Map.entry("Commodities", 1.0));
        }
    }
}
