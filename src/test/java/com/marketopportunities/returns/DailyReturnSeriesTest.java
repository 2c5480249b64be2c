package com.marketopportunities.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portfolio's value-weighted daily returns: what its fit and its risk are measured on. */
class DailyReturnSeriesTest {

    /** Monday to Wednesday: the window. The Friday before has a bar that must not count. */
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);

    @Test
    void eachDayIsTheValueWeightedMeanOfThePositionsThatTradedThatDay() {
        // A 100 -> 110 -> 99: +10 %, -10 %; B 50 -> 51 -> 52.02: +2 %, +2 %; C traded Monday and Wednesday only
        PriceHistory a = history("A", MONDAY, 100, TUESDAY, 110, WEDNESDAY, 99);
        PriceHistory b = history("B", MONDAY, 50, TUESDAY, 51, WEDNESDAY, 52.02);
        PriceHistory c = history("C", MONDAY, 20, WEDNESDAY, 22);

        DailyReturnSeries returns = DailyReturnSeries.valueWeighted(List.of(new ValuedHistory(a, 100),
                new ValuedHistory(b, 300), new ValuedHistory(c, 100)), MONDAY, WEDNESDAY);

        assertThat(returns.dates()).containsExactly(TUESDAY, WEDNESDAY);
        // Tuesday: A and B only, (100 * 0.10 + 300 * 0.02) / 400 = 0.04
        assertThat(returns.returns()[0]).isCloseTo(0.04, within(1e-12));
        // Wednesday: C's +10 % since Monday too, (100 * -0.10 + 300 * 0.02 + 100 * 0.10) / 500 = 0.012
        assertThat(returns.returns()[1]).isCloseTo(0.012, within(1e-12));
    }

    @Test
    void positionsWithoutBarsOrWithoutPositiveValueAreLeftOut() {
        PriceHistory a = history("A", MONDAY, 100, TUESDAY, 110, WEDNESDAY, 99);
        PriceHistory b = history("B", MONDAY, 50, TUESDAY, 51, WEDNESDAY, 52.02);

        List<ValuedHistory> positions = List.of(new ValuedHistory(a, 100), new ValuedHistory(null, 5_000),
                new ValuedHistory(b, 0), new ValuedHistory(b, -300));

        DailyReturnSeries returns = DailyReturnSeries.valueWeighted(positions, MONDAY, WEDNESDAY);

        // A alone: +10 %, -10 %
        assertThat(returns.returns()).containsExactly(new double[] {0.10, -0.10}, within(1e-12));
    }

    private static PriceHistory history(String symbol, Object... dateAndClose) {
        PriceHistory.Builder builder = new PriceHistory.Builder(symbol).add(MONDAY.minusDays(3), 1000.0, null);
        for (int i = 0; i < dateAndClose.length; i += 2) {
            builder.add((LocalDate) dateAndClose[i], ((Number) dateAndClose[i + 1]).doubleValue(), null);
        }
        return builder.build();
    }
}
