package com.marketopportunities.currency;

import static com.marketopportunities.currency.FxFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rates and history conversions on pairs written here (no market-data folder needed). */
class FxRatesTest {

    @Test
    void aDirectPairGivesItsLastCloseOnOrBeforeTheDate() {
        FxFixture fx = new FxFixture().pair("CHFEUR=X", "2022-12-02", 1.01688, "2022-12-05", 1.01082);

        FxRate rate = found(new FxRates(fx).rate("CHF", "EUR", day("2022-12-04")));   // a Sunday: Friday's

        assertThat(rate.rate()).isEqualTo(1.01688);
        assertThat(rate.date()).isEqualTo(day("2022-12-02"));
        assertThat(rate.pairSymbols()).containsExactly("CHFEUR=X");
        assertThat(rate.legs()).singleElement().satisfies(leg -> assertThat(leg.inverted()).isFalse());
        assertThat(rate.isStale()).isFalse();
        assertThat(fx.asked).containsExactly("CHFEUR=X");
    }

    @Test
    void withoutTheDirectPairTheInverseIsInverted() {
        FxFixture fx = new FxFixture().pair("CHFUSD=X", "2022-12-05", 1.07015);

        FxRate rate = found(new FxRates(fx).rate("USD", "CHF", day("2022-12-05")));

        // 1 / 1.07015 = 0.934448441807...
        assertThat(rate.rate()).isCloseTo(0.9344484418, within(1e-10));
        assertThat(rate.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.quoted().symbol()).isEqualTo("CHFUSD=X");
            assertThat(leg.inverted()).isTrue();
        });
        assertThat(fx.asked).containsExactly("USDCHF=X", "CHFUSD=X");
    }

    @Test
    void withNeitherItCrossesThroughTheDollarEachLegDirectOrInverse() {
        FxFixture fx = new FxFixture().pair("CHFUSD=X", "2022-12-05", 1.07015).pair("JPYUSD=X", "2022-12-05", 0.00739987);

        FxRate rate = found(new FxRates(fx).rate("CHF", "JPY", day("2022-12-05")));

        // CHF->USD 1.07015 (CHFUSD=X) x USD->JPY 1 / 0.00739987 (JPYUSD=X) = 144.617405...
        assertThat(rate.rate()).isCloseTo(144.6174054409, within(1e-9));
        assertThat(rate.pairSymbols()).containsExactly("CHFUSD=X", "JPYUSD=X");
        assertThat(rate.toString()).isEqualTo("CHF->JPY 144.6174054409064 = CHFUSD=X 1.07015 (2022-12-05)"
                + " x 1/JPYUSD=X 0.00739987 (2022-12-05)");
        assertThat(fx.asked).containsExactly("CHFJPY=X", "JPYCHF=X", "CHFUSD=X", "USDJPY=X", "JPYUSD=X");
        assertThat(FxRates.pairSymbols("CHF", "JPY")).containsExactly("CHFJPY=X", "JPYCHF=X", "CHFUSD=X", "USDCHF=X",
                "USDJPY=X", "JPYUSD=X");
    }

    @Test
    void aCurrencyInItselfIsOneWithoutAnyLookup() {
        FxFixture fx = new FxFixture();

        FxRate rate = found(new FxRates(fx).rate("EUR", "EUR", day("2022-12-05")));

        assertThat(rate.rate()).isEqualTo(1.0);
        assertThat(rate.legs()).isEmpty();
        assertThat(fx.asked).isEmpty();
    }

    @Test
    void anOldRateIsUsedButFlaggedAndTheCrossTakesItsOldestLeg() {
        FxFixture fx = new FxFixture().pair("CHFUSD=X", "2024-03-08", 1.14018).pair("USDEUR=X", "2024-03-19", 0.92);

        FxRate rate = found(new FxRates(fx).rate("CHF", "EUR", day("2024-03-20")));

        assertThat(rate.rate()).isCloseTo(1.14018 * 0.92, within(1e-12));
        assertThat(rate.date()).isEqualTo(day("2024-03-08"));
        assertThat(rate.ageDays()).isEqualTo(12);
        assertThat(rate.isStale()).isTrue();
    }

    @Test
    void noRateIsATypedFailureNamingEachPairTried() {
        FxFixture fx = new FxFixture().pair("SEKUSD=X", "2022-12-05", 0.0957).pair("CHFEUR=X", "2023-01-02", 1.0);

        RateLookup lookup = new FxRates(fx).rate("SEK", "CHF", day("2022-12-05"));

        assertThat(lookup).isEqualTo(new RateLookup.Missing("SEK", "CHF", day("2022-12-05"),
                "no SEK->CHF rate on or before 2022-12-05; tried SEKCHF=X (no data), CHFSEK=X (no data),"
                        + " USDCHF=X (no data), CHFUSD=X (no data)"));
        RateLookup tooEarly = new FxRates(fx).rate("CHF", "EUR", day("2022-12-05"));
        assertThat(((RateLookup.Missing) tooEarly).reason()).contains(
                "CHFEUR=X (nothing on or before 2022-12-05, its first is 2023-01-02)");
    }

    @Test
    void aPairTheProviderCannotGiveNowIsTheNextWaysTurn() {
        FxFixture fx = new FxFixture().unavailable("CHFEUR=X").pair("EURCHF=X", "2022-12-05", 0.98929);

        FxRates rates = new FxRates(fx);
        FxRate rate = found(rates.rate("CHF", "EUR", day("2022-12-05")));

        assertThat(rate.pairSymbols()).containsExactly("EURCHF=X");
        assertThat(((RateLookup.Missing) rates.rate("CHF", "GBP", day("2022-12-05"))).reason())
                .contains("CHFGBP=X (no data)");
        assertThat(((RateLookup.Missing) new FxRates(new FxFixture().unavailable("CHFEUR=X"))
                .rate("CHF", "EUR", day("2022-12-05"))).reason()).contains("CHFEUR=X (unavailable: connect timed out)");
    }

    @Test
    void eachPairIsAskedForOnceHoweverManyLookups() {
        FxFixture fx = new FxFixture().pair("USDEUR=X", "2022-12-05", 0.944555);
        FxRates rates = new FxRates(fx);

        for (int i = 0; i < 10; i++) {
            rates.rate("USD", "EUR", day("2022-12-05"));
            rates.convert(history("AAPL", "2022-12-05", 146.63), "USD", "EUR");
        }

        assertThat(fx.asked).containsExactly("USDEUR=X");
    }

    @Test
    void aHistoryIsConvertedDayByDayAtTheLastRateOnOrBeforeEachBar() {
        FxFixture fx = new FxFixture().pair("USDEUR=X", "2022-12-01", 0.95, "2022-12-02", 0.94, "2022-12-06", 0.96);
        PriceHistory apple = new PriceHistory("AAPL", List.of(
                new DailyBar(day("2022-11-30"), 100, 99),     // before the first rate: dropped
                new DailyBar(day("2022-12-01"), 100, 99),
                new DailyBar(day("2022-12-02"), 110, Double.NaN),
                new DailyBar(day("2022-12-05"), 120, 119),     // no rate that day: the 2nd's
                new DailyBar(day("2022-12-06"), 130, 129)));

        HistoryConversion.Converted converted = (HistoryConversion.Converted) new FxRates(fx).convert(apple, "USD", "EUR");

        assertThat(converted.droppedBars()).isEqualTo(1);
        assertThat(converted.staleBars()).isZero();
        assertThat(converted.pairs()).containsExactly("USDEUR=X");
        List<DailyBar> bars = converted.history().bars();
        assertThat(bars).extracting(DailyBar::date).containsExactly(day("2022-12-01"), day("2022-12-02"),
                day("2022-12-05"), day("2022-12-06"));
        assertThat(bars.get(0).close()).isCloseTo(95.0, within(1e-9));          // 100 x 0.95
        assertThat(bars.get(0).adjustedClose()).isCloseTo(94.05, within(1e-9)); // 99 x 0.95
        assertThat(bars.get(1).close()).isCloseTo(103.4, within(1e-9));         // 110 x 0.94
        assertThat(bars.get(1).adjustedClose()).isNaN();                        // none stays none
        assertThat(bars.get(2).close()).isCloseTo(112.8, within(1e-9));         // 120 x 0.94
        assertThat(bars.get(3).close()).isCloseTo(124.8, within(1e-9));         // 130 x 0.96
        assertThat(converted.history().symbol()).isEqualTo("AAPL");
    }

    @Test
    void aHistoryThroughTheDollarMultipliesBothLegsOfEachDay() {
        FxFixture fx = new FxFixture().pair("CHFUSD=X", "2022-12-01", 1.06, "2022-12-02", 1.07)
                .pair("JPYUSD=X", "2022-12-01", 0.0073, "2022-12-05", 0.0074);

        HistoryConversion.Converted converted = (HistoryConversion.Converted) new FxRates(fx).convert(
                history("NESN.SW", "2022-12-01", 100, "2022-12-02", 100, "2022-12-05", 100), "CHF", "JPY");

        assertThat(converted.pairs()).containsExactly("CHFUSD=X", "JPYUSD=X");
        assertThat(converted.history().bars()).extracting(DailyBar::close).satisfiesExactly(
                first -> assertThat(first).isCloseTo(100 * 1.06 / 0.0073, within(1e-9)),
                second -> assertThat(second).isCloseTo(100 * 1.07 / 0.0073, within(1e-9)),
                third -> assertThat(third).isCloseTo(100 * 1.07 / 0.0074, within(1e-9)));
    }

    @Test
    void aHistoryInTheBaseIsItselfAndOneInItsMinorUnitIsAHundredthOfIt() {
        FxFixture fx = new FxFixture();
        FxRates rates = new FxRates(fx);
        PriceHistory vodafone = history("VOD.L", "2022-12-05", 95.5);

        HistoryConversion same = rates.convert(vodafone, "GBP", "GBP");
        HistoryConversion pence = rates.convert(vodafone, "GBp", "GBP");

        assertThat(((HistoryConversion.Converted) same).history()).isSameAs(vodafone);
        assertThat(((HistoryConversion.Converted) pence).history().bars().get(0).close()).isCloseTo(0.955, within(1e-12));
        assertThat(fx.asked).isEmpty();
    }

    @Test
    void aHistoryThatCannotBeConvertedSaysWhy() {
        FxRates rates = new FxRates(new FxFixture());
        PriceHistory history = history("XYZ", "2022-12-05", 1);

        assertThat(rates.convert(history, "XYZ", "EUR")).isEqualTo(
                new HistoryConversion.NotConverted("XYZ", "XYZ", "currency XYZ: not an ISO 4217 code"));
        assertThat(((HistoryConversion.NotConverted) rates.convert(history, "ZAc", "EUR")).reason())
                .isEqualTo("no ZAR->EUR rate on or before 2022-12-05; tried ZAREUR=X (no data), EURZAR=X (no data),"
                        + " ZARUSD=X (no data), USDZAR=X (no data)");
    }

    @Test
    void barsPastTheLastRateByMoreThanAWeekAreCounted() {
        FxFixture fx = new FxFixture().pair("USDEUR=X", "2024-03-08", 0.914746);

        HistoryConversion.Converted converted = (HistoryConversion.Converted) new FxRates(fx).convert(
                history("AAPL", "2024-03-08", 170, "2024-03-15", 172, "2024-03-18", 173), "USD", "EUR");

        assertThat(converted.staleBars()).isEqualTo(1);   // 2024-03-18 is 10 days past 2024-03-08
        assertThat(converted.history().bars()).hasSize(3);
    }

    @Test
    void fiftyHistoriesOfAYearConvertQuickly() {
        FxFixture fx = new FxFixture();
        LocalDate start = day("2023-01-02");
        for (int i = 0; i < 400; i++) {
            fx.pair("CHFUSD=X", start.plusDays(i).toString(), 1.05 + i * 1e-4)
                    .pair("JPYUSD=X", start.plusDays(i).toString(), 0.0074 - i * 1e-7);
        }
        PriceHistory.Builder builder = new PriceHistory.Builder("NESN.SW");
        for (int i = 0; i < 365; i++) {
            builder.add(start.plusDays(i), 100.0 + i, 100.0 + i);
        }
        PriceHistory year = builder.build();
        FxRates rates = new FxRates(fx);

        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(rates.convert(year, "CHF", "JPY")).isInstanceOf(HistoryConversion.Converted.class);
        }

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
        assertThat(fx.asked).hasSize(5);
    }

    static FxRate found(RateLookup lookup) {
        assertThat(lookup).isInstanceOf(RateLookup.Found.class);
        return ((RateLookup.Found) lookup).rate();
    }

    /** {@code history("AAPL", "2022-12-05", 146.63, ...)}: closes, adjusted the same. */
    static PriceHistory history(String symbol, Object... datesAndCloses) {
        PriceHistory.Builder builder = new PriceHistory.Builder(symbol);
        for (int i = 0; i < datesAndCloses.length; i += 2) {
            double close = ((Number) datesAndCloses[i + 1]).doubleValue();
            builder.add(LocalDate.parse((String) datesAndCloses[i]), close, close);
        }
        return builder.build();
    }
}
