package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void sharesAreOfTheWholeTotalOtherAndUnknownIncluded() {
        Allocation allocation = new Allocation(Map.of("Energy", 300.0, Taxonomy.OTHER, 100.0, Taxonomy.UNKNOWN, 100.0));

        // 300 / (300 + 100 + 100) = 60 %
        assertThat(allocation.pct("Energy")).isCloseTo(60.0, within(1e-9));
        assertThat(allocation.pct(Taxonomy.UNKNOWN)).isCloseTo(20.0, within(1e-9));
        assertThat(allocation.pct("Japan")).isZero();
    }

    @Test
    void plusReturnsACopyWithTheMoneyAdded() {
        Allocation before = new Allocation(Map.of("Energy", 300.0, "Utilities", 100.0));

        Allocation after = before.plus("Energy", -100.0).plus("Japan", 200.0);

        // Energy 200, Utilities 100, Japan 200 of 500
        assertThat(after.value("Energy")).isEqualTo(200.0);
        assertThat(after.pct("Japan")).isCloseTo(40.0, within(1e-9));
        assertThat(before.value("Energy")).isEqualTo(300.0);
        assertThat(before.value("Japan")).isZero();
    }

    @Test
    void anEmptyPortfolioHasNoShares() {
        assertThat(new Allocation(Map.of()).pct("Technology")).isZero();
    }
}
