package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void sharesAreOfTheWholeTotalUnclassifiedIncluded() {
        Allocation allocation = new Allocation(Map.of("Energy", 300.0, "Technology", 100.0,
                Taxonomy.UNCLASSIFIED, 100.0));

        // 300 / (300 + 100 + 100) = 60 %
        assertThat(allocation.pct("Energy")).isCloseTo(60.0, within(1e-9));
        assertThat(allocation.pct(Taxonomy.UNCLASSIFIED)).isCloseTo(20.0, within(1e-9));
        assertThat(allocation.pct("Japan")).isZero();
        assertThat(allocation.total()).isEqualTo(500.0);
    }

    @Test
    void anEmptyPortfolioHasNoShares() {
        assertThat(new Allocation(Map.of()).pct("Technology")).isZero();
    }
}
