package com.marketopportunities.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.BucketGap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SCANNER.md 4, EXPOSURE.md 4: each top gap's money is gap% x equity value, capped by the bucket cap. */
class CapitalPlanTest {

    private static final Bucket ENERGY = new Bucket("Energy", Dimension.SECTOR, 3, 10, "XLE");
    private static final Bucket TECHNOLOGY = new Bucket("Technology", Dimension.SECTOR, 15, 25, "XLK");
    private static final Bucket EUROPE = new Bucket("Europe", Dimension.REGION, 10, 25, "VGK");

    /** 10,000 of equity: Energy 0 %, Technology 20 %, Europe 30 %, the rest elsewhere. */
    private static final Map<Dimension, Allocation> ALLOCATION = Map.of(
            Dimension.SECTOR, new Allocation(Map.of("Energy", 0.0, "Technology", 2_000.0, "Unclassified", 8_000.0)),
            Dimension.REGION, new Allocation(Map.of("Europe", 3_000.0, "North America", 7_000.0)));

    @Test
    void aGapGetsItsShareOfTheEquityValue() {
        BucketGap energy = new BucketGap(ENERGY, 0, 6.5, 6.5);

        CapitalPlan plan = CapitalPlan.of(List.of(energy), ALLOCATION, 25);

        // 6.5 % of 10,000; Energy ends at 650, within the cap of 2,500
        assertThat(plan.amount(energy)).isCloseTo(650.0, within(1e-9));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aBuyThatWouldLiftItsBucketAboveTheCapIsCappedWithAWarning() {
        // Technology: target 40 %, holds 20 %: 2,000 wanted, but 25 % of 10,000 leaves room for 500 only
        BucketGap technology = new BucketGap(TECHNOLOGY, 20, 40, 20);
        // Europe: target 45 %, holds 30 %, already above the cap: no room at all
        BucketGap europe = new BucketGap(EUROPE, 30, 45, 15);
        BucketGap energy = new BucketGap(ENERGY, 0, 6.5, 6.5);

        CapitalPlan plan = CapitalPlan.of(List.of(technology, europe, energy), ALLOCATION, 25);

        assertThat(plan.amount(technology)).isCloseTo(500.0, within(1e-9));
        assertThat(plan.amount(europe)).isZero();
        assertThat(plan.warnings()).containsExactly(
                "Technology: capital capped at 500.00 so the bucket stays within 25% of the equity value",
                "Europe: capital capped at 0.00 so the bucket stays within 25% of the equity value");
        // counted once per gap: 500 + 0 + 650
        assertThat(plan.total()).isCloseTo(1_150.0, within(1e-9));
        assertThat(plan.byGap().keySet()).containsExactly(technology, europe, energy);
    }

    @Test
    void aBucketWhoseRangeReachesAboveTheCapIsCappedAtItsRange() {
        // North America 50-67 %: holds 30 of 100 (30 %), target 58.5; the 25 % cap would leave no room,
        // its own maximum of 67 % leaves 67 - 30 = 37 for the 28.5 wanted
        Bucket northAmerica = new Bucket("North America", Dimension.REGION, 50, 67, "SPY");
        BucketGap gap = new BucketGap(northAmerica, 30, 58.5, 28.5);
        Map<Dimension, Allocation> allocations = Map.of(Dimension.SECTOR, new Allocation(Map.of("Technology", 100.0)),
                Dimension.REGION, new Allocation(Map.of("North America", 30.0, "Europe", 70.0)));

        CapitalPlan plan = CapitalPlan.of(List.of(gap), allocations, 25);

        assertThat(plan.amount(gap)).isCloseTo(28.5, within(1e-9));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void withoutAGapItsMoneyLeavesTheTotalAndTheWarningsStay() {
        BucketGap technology = new BucketGap(TECHNOLOGY, 20, 40, 20);
        BucketGap energy = new BucketGap(ENERGY, 0, 6.5, 6.5);
        CapitalPlan plan = CapitalPlan.of(List.of(technology, energy), ALLOCATION, 25);

        CapitalPlan withoutEnergy = plan.without(List.of(energy));

        assertThat(withoutEnergy.amount(energy)).isZero();
        assertThat(withoutEnergy.total()).isCloseTo(500.0, within(1e-9));
        assertThat(withoutEnergy.warnings()).isEqualTo(plan.warnings());
        assertThat(plan.total()).isCloseTo(1_150.0, within(1e-9));
    }

    @Test
    void aGapOutsideThePlanGetsNothing() {
        CapitalPlan plan = CapitalPlan.of(List.of(), ALLOCATION, 25);

        assertThat(plan.amount(new BucketGap(ENERGY, 0, 6.5, 6.5))).isZero();
        assertThat(plan.total()).isZero();
    }
}
