package com.marketopportunities.currency;

import static com.marketopportunities.currency.FxFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.marketdata.SharedMarketData;
import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rates and conversions on the ECB rates of {@code ../shared/market-data/ohlcv/*=X.csv}
 * (ADDITIONS-2026-11.md 2), against numbers read from the files and worked out by hand. Skipped
 * where the folder is absent.
 *
 * <pre>
 * Closes used (Date,Close of each file):
 *   USDEUR=X 2022-12-05 0.944555   2022-12-23 0.941442   2017-01-03 0.962927   2017-01-04 0.95813
 *            2017-01-05 0.95229    2023-04-28 0.910664   2023-05-02 0.911993   (no 2023-05-01: ECB holiday)
 *   CHFEUR=X 2022-12-05 1.01082    2022-12-23 1.01348    2024-03-08 1.04297 (the file's last row)
 *   GBPEUR=X 2022-12-05 1.16164
 *   JPYEUR=X 2022-12-05 0.00698959
 *   CHFUSD=X 2022-12-05 1.07015
 *   JPYUSD=X 2022-12-05 0.00739987  (there is no USDJPY=X, no CHFJPY=X nor JPYCHF=X)
 *   AAPL     2016-12-28..30 (before the first FX row, 2017-01-02), 2017-01-03 close 29.0375 adj 26.989264,
 *            2017-01-04 close 29.004999, 2017-01-05 close 29.1525, 2023-05-01 close 169.589996
 * </pre>
 */
class FxRealDataTest {

    private static CsvFolderMarketData marketData;

    /** Per test, so that every case is reported as skipped with the reason. */
    @BeforeEach
    void openMarketData() {
        Path dir = SharedMarketData.folder();
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("ohlcv")), dir + " not found: FX worked examples skipped");
        if (marketData == null) {
            marketData = new CsvFolderMarketData(dir);
        }
    }

    static FxRates rates() {
        return new FxRates(symbol -> Fetch.await(marketData.history(symbol, LocalDate.of(2016, 1, 1),
                LocalDate.of(2024, 12, 31))));
    }

    static Position position(String symbol, double value, String currency) {
        return new Position(symbol, symbol, null, value, null, null, null, currency, null, null, null, 0);
    }

    @Test
    void aPortfolioInDollarsFrancsPenceAndYenInEuros() {
        Portfolio portfolio = new Portfolio("EUR", List.of(position("AAPL", 10_000, "USD"),
                position("NESN.SW", 5_000, "CHF"), position("VOD.L", 95_500, "GBp"), position("7203.T", 1_000_000, "JPY")));

        PortfolioConversion conversion = PortfolioConversion.of(portfolio, day("2022-12-05"), rates());

        // AAPL    10,000 USD x 0.944555 (USDEUR=X)             =  9,445.55 EUR
        // NESN.SW  5,000 CHF x 1.01082  (CHFEUR=X)             =  5,054.10 EUR
        // VOD.L   95,500 GBp / 100 = 955 GBP x 1.16164 (GBPEUR=X) =  1,109.3662 EUR
        // 7203.T  1,000,000 JPY x 0.00698959 (JPYEUR=X)        =  6,989.59 EUR
        // total 9,445.55 + 5,054.10 + 1,109.3662 + 6,989.59     = 22,598.6062 EUR
        List<ConvertedPosition> converted = conversion.converted();
        assertThat(converted).extracting(c -> c.rate().rate()).containsExactly(0.944555, 1.01082, 1.16164, 0.00698959);
        assertThat(converted).extracting(c -> c.rate().pairSymbols()).containsExactly(List.of("USDEUR=X"),
                List.of("CHFEUR=X"), List.of("GBPEUR=X"), List.of("JPYEUR=X"));
        assertThat(converted).extracting(c -> c.rate().date()).containsOnly(day("2022-12-05"));
        assertThat(converted).extracting(c -> c.position().marketValue()).satisfiesExactly(
                apple -> assertThat(apple).isCloseTo(9_445.55, within(1e-9)),
                nestle -> assertThat(nestle).isCloseTo(5_054.10, within(1e-9)),
                vodafone -> assertThat(vodafone).isCloseTo(1_109.3662, within(1e-9)),
                toyota -> assertThat(toyota).isCloseTo(6_989.59, within(1e-9)));
        assertThat(conversion.totalValue()).isCloseTo(22_598.6062, within(1e-9));
        assertThat(conversion.warnings()).isEmpty();
    }

    @Test
    void francsInYenCrossThroughTheDollarWithTheInverseOfJpyUsd() {
        FxRate rate = FxRatesTest.found(rates().rate("CHF", "JPY", day("2022-12-05")));

        // CHF->USD 1.07015 (CHFUSD=X) x USD->JPY 1 / 0.00739987 (1/JPYUSD=X) = 144.6174054...
        assertThat(rate.rate()).isCloseTo(144.6174054409, within(1e-9));
        assertThat(rate.legs()).extracting(FxLeg::inverted).containsExactly(false, true);
        assertThat(rate.pairSymbols()).containsExactly("CHFUSD=X", "JPYUSD=X");
    }

    @Test
    void onAnEcbHolidayTheLastRateBeforeIsUsed() {
        FxRate rate = FxRatesTest.found(rates().rate("CHF", "EUR", day("2022-12-25")));

        // no row for 2022-12-24 (Saturday), 25 and 26 (ECB holidays): Friday 2022-12-23's 1.01348
        assertThat(rate.rate()).isEqualTo(1.01348);
        assertThat(rate.date()).isEqualTo(day("2022-12-23"));
        assertThat(rate.isStale()).isFalse();
    }

    @Test
    void afterTheLastRowTheRateIsUsedButStale() {
        FxRate rate = FxRatesTest.found(rates().rate("CHF", "EUR", day("2024-03-20")));

        assertThat(rate.rate()).isEqualTo(1.04297);                   // 2024-03-08, the last row
        assertThat(rate.ageDays()).isEqualTo(12);
        assertThat(rate.isStale()).isTrue();
    }

    @Test
    void anUnknownCurrencyAndACurrencyWithoutPairsAreLeftOut() {
        Portfolio portfolio = new Portfolio("EUR", List.of(position("AAPL", 10_000, "USD"),
                position("XYZ", 500, "XYZ"), position("NPN.JO", 300_000, "ZAc")));

        PortfolioConversion conversion = PortfolioConversion.of(portfolio, day("2022-12-05"), rates());

        assertThat(conversion.totalValue()).isCloseTo(9_445.55, within(1e-9));
        assertThat(conversion.unconverted()).extracting(UnconvertedPosition::symbol).containsExactly("XYZ", "NPN.JO");
        assertThat(conversion.unconverted().get(0).reason()).isEqualTo("not an ISO 4217 code");
        assertThat(conversion.unconverted().get(1).reason()).isEqualTo("no ZAR->EUR rate on or before 2022-12-05;"
                + " tried ZAREUR=X (no data), EURZAR=X (no data), ZARUSD=X (no data), USDZAR=X (no data)");
        assertThat(conversion.warnings().get(0)).startsWith("2 positions could not be converted to EUR and are left out"
                + " of every figure: XYZ (currency XYZ: not an ISO 4217 code); NPN.JO (currency ZAc: no ZAR->EUR rate");
    }

    @Test
    void aDollarHistoryInEurosDayByDay() {
        PriceHistory apple = Fetch.await(marketData.history("AAPL", day("2016-12-28"), day("2017-01-05")))
                .toOptional().orElseThrow();

        HistoryConversion.Converted converted = (HistoryConversion.Converted) rates().convert(apple, "USD", "EUR");

        // 2016-12-28, 29, 30: before the first rate (2017-01-02): dropped
        assertThat(converted.droppedBars()).isEqualTo(3);
        List<DailyBar> bars = converted.history().bars();
        assertThat(bars).extracting(DailyBar::date).containsExactly(day("2017-01-03"), day("2017-01-04"), day("2017-01-05"));
        // 29.0375 x 0.962927 = 27.9609927625; adjusted 26.989264 x 0.962927 = 25.988691015728
        assertThat(bars.get(0).close()).isCloseTo(27.9609927625, within(1e-9));
        assertThat(bars.get(0).adjustedClose()).isCloseTo(25.988691015728, within(1e-9));
        // 29.004999 x 0.95813 = 27.79055969187; 29.1525 x 0.95229 = 27.761634225
        assertThat(bars.get(1).close()).isCloseTo(27.79055969187, within(1e-9));
        assertThat(bars.get(2).close()).isCloseTo(27.761634225, within(1e-9));
    }

    @Test
    void aUsTradingDayThatIsAnEcbHolidayTakesTheRateBefore() {
        PriceHistory apple = Fetch.await(marketData.history("AAPL", day("2023-04-28"), day("2023-05-02")))
                .toOptional().orElseThrow();

        HistoryConversion.Converted converted = (HistoryConversion.Converted) rates().convert(apple, "USD", "EUR");

        // 2023-05-01 (Labour Day, no ECB rate): 169.589996 x 0.910664 (2023-04-28) = 154.439504117344
        DailyBar mayDay = converted.history().bars().get(1);
        assertThat(mayDay.date()).isEqualTo(day("2023-05-01"));
        assertThat(mayDay.close()).isCloseTo(154.439504117344, within(1e-9));
        assertThat(converted.droppedBars()).isZero();
    }
}
