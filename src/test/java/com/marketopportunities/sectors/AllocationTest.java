package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.portfolio.Position;
import java.util.List;
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
    void positionsAddUpPerBucketEveryTargetBucketListedInTheTaxonomysOrder() {
        Taxonomy taxonomy = new Taxonomy(List.of(new Bucket("Technology", Bucket.Kind.SECTOR, 15, 30, "XLK"),
                new Bucket("Energy", Bucket.Kind.SECTOR, 3, 10, "XLE"),
                new Bucket("Europe", Bucket.Kind.REGION, 10, 20, "VGK")), Map.of(), Map.of());
        List<Position> positions = List.of(Position.of("AAPL", 600), Position.of("XOM", 150),
                Position.of("MSFT", 250), Position.of("GLD", 100), Position.of("NOPE", 50), Position.of("GLDM", 40));

        List<String> buckets = List.of("Technology", "Energy", "Technology", Taxonomy.OTHER, Taxonomy.UNKNOWN,
                Taxonomy.OTHER);

        Allocation allocation = Allocation.of(positions, buckets, taxonomy);

        // Technology 600 + 250; Europe holds nothing but is listed; Other 100 + 40, after the target buckets
        assertThat(allocation.valueByBucket()).containsExactly(entry("Technology", 850.0), entry("Energy", 150.0),
                entry("Europe", 0.0), entry(Taxonomy.OTHER, 140.0), entry(Taxonomy.UNKNOWN, 50.0));
        assertThat(allocation.total()).isEqualTo(1190.0);
        // 850 / 1190 = 71.43 %
        assertThat(allocation.pct("Technology")).isCloseTo(71.428_571, within(1e-6));
    }

    @Test
    void eachPositionNeedsItsBucket() {
        Taxonomy taxonomy = new Taxonomy(List.of(), Map.of(), Map.of());

        assertThatThrownBy(() -> Allocation.of(List.of(Position.of("AAPL", 600)), List.of(), taxonomy))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 positions, 0 buckets");
    }

    @Test
    void anEmptyPortfolioHasNoShares() {
        assertThat(new Allocation(Map.of()).pct("Technology")).isZero();
    }
}
