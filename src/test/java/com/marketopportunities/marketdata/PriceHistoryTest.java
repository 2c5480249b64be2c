package com.marketopportunities.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    private static final LocalDate MONDAY = LocalDate.of(2022, 12, 5);

    /** Closes 10, 11, 12, 13 on Monday to Thursday; Wednesday's adjusted close is 11.5. */
    private final PriceHistory history = new PriceHistory("X", List.of(
            new DailyBar(MONDAY, 10, Double.NaN),
            new DailyBar(MONDAY.plusDays(1), 11, Double.NaN),
            new DailyBar(MONDAY.plusDays(2), 12, 11.5),
            new DailyBar(MONDAY.plusDays(3), 13, Double.NaN)));

    @Test
    void theLastClosesEndOnTheLastBarOnOrBeforeTheDateAndUseAdjustedCloses() {
        assertThat(history.lastCloses(MONDAY.plusDays(2), 2)).containsExactly(11, 11.5);
        assertThat(history.lastCloses(MONDAY.plusDays(30), 2)).containsExactly(11.5, 13);
    }

    @Test
    void fewerBarsThanAskedGiveWhatThereIs() {
        assertThat(history.lastCloses(MONDAY.plusDays(1), 60)).containsExactly(10, 11);
        assertThat(history.lastCloses(MONDAY.minusDays(1), 60)).isEmpty();
    }

    @Test
    void theLastClosesAreTheTailOfTheClosesBetween() {
        assertThat(history.lastCloses(MONDAY.plusDays(3), 3))
                .containsExactly(history.closesBetween(MONDAY.plusDays(1), MONDAY.plusDays(3)));
    }
}
