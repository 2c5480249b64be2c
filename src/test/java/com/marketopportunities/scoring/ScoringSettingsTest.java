package com.marketopportunities.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The horizon windows that scores, risk and fit share: one rule, counted in calendar days. */
class ScoringSettingsTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);

    @Test
    void aWindowStartsItsCalendarDaysBeforeTheAsOfDate() {
        ScoringSettings settings = ScoringSettings.defaults();

        // calendar days, not bars; the leap day puts 365 days before 1 March 2024 on 2 March 2023
        assertThat(settings.windowStart(Horizon.SHORT, AS_OF)).isEqualTo(LocalDate.of(2023, 12, 2));
        assertThat(settings.windowStart(Horizon.MEDIUM, AS_OF)).isEqualTo(LocalDate.of(2023, 9, 3));
        assertThat(settings.windowStart(Horizon.LONG, AS_OF)).isEqualTo(LocalDate.of(2023, 3, 2));
    }

    @Test
    void theFetchesStartWithTheLongestWindowWhicheverHorizonItBelongsTo() {
        // the short horizon configured with the longest window: 400 days
        Map<Horizon, ScoringSettings.HorizonSettings> horizons = new EnumMap<>(ScoringSettings.defaults().horizons());
        horizons.put(Horizon.SHORT, new ScoringSettings.HorizonSettings(400, 20, 0.50, 0.20, 0.30));
        ScoringSettings defaults = ScoringSettings.defaults();
        ScoringSettings settings = new ScoringSettings(horizons, "SPY", 20, 14, 10, 252, defaults.momentum(),
                defaults.value(), defaults.diversification());

        assertThat(settings.earliestWindowStart(AS_OF)).isEqualTo(LocalDate.of(2023, 1, 26));
        assertThat(defaults.earliestWindowStart(AS_OF)).isEqualTo(defaults.windowStart(Horizon.LONG, AS_OF));
    }
}
