package com.marketopportunities.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.config.SectorFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SCANNER.md 1: {@code gap_pct = target - current_pct}, reported when {@code gap_pct >= min_gap_pct}. */
class GapFinderTest {

    private final GapFinder finder = new GapFinder(SectorFiles.builtInTaxonomy());

    private static Allocation allocation(Object... bucketsAndValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < bucketsAndValues.length; i += 2) {
            values.put((String) bucketsAndValues[i], ((Number) bucketsAndValues[i + 1]).doubleValue());
        }
        return new Allocation(values);
    }

    private static Optional<SectorGap> gapOf(List<SectorGap> gaps, String bucket) {
        return gaps.stream().filter(gap -> gap.bucket().name().equals(bucket)).findFirst();
    }

    @Test
    void aGapOfExactlyTheMinimumIsReported() {
        // Technology: 175 of 1000 = 17.5 %, target (15 + 30) / 2 = 22.5, gap 22.5 - 17.5 = 5.0
        List<SectorGap> gaps = finder.gaps(allocation("Technology", 175, "Healthcare", 825), 5.0);

        SectorGap technology = gapOf(gaps, "Technology").orElseThrow();
        assertThat(technology.currentPct()).isCloseTo(17.5, within(1e-9));
        assertThat(technology.targetPct()).isEqualTo(22.5);
        assertThat(technology.gapPct()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void aGapJustUnderTheMinimumIsNot() {
        // Technology: 175.1 of 1000 = 17.51 %, gap 22.5 - 17.51 = 4.99 < 5
        List<SectorGap> gaps = finder.gaps(allocation("Technology", 175.1, "Healthcare", 824.9), 5.0);

        assertThat(gapOf(gaps, "Technology")).isEmpty();
    }

    @Test
    void otherAndUnknownCountInTheTotal() {
        // 1000 in all: Technology 100 = 10 %, gap 22.5 - 10 = 12.5. Were Other and Unknown left out,
        // Technology would be 100 % and have no gap at all.
        Allocation allocation = allocation("Technology", 100, Taxonomy.OTHER, 450, Taxonomy.UNKNOWN, 450);

        assertThat(allocation.total()).isEqualTo(1000.0);
        assertThat(allocation.pct(Taxonomy.OTHER)).isCloseTo(45.0, within(1e-9));
        assertThat(gapOf(finder.gaps(allocation, 5.0), "Technology").orElseThrow().gapPct())
                .isCloseTo(12.5, within(1e-9));
    }

    @Test
    void onlyBucketsBelowTargetByTheMinimumAreReportedInTaxonomyOrder() {
        // of 1000: Technology 40 % (above 22.5), Healthcare 10 % (gap 4), Financials 5 % (gap 9),
        // Europe 20 % (above 15), Energy 0 % (gap 6.5), Other 25 %; every other bucket is at 0 %,
        // so its gap is its whole target: the sectors 11.5, 11.5, 11.5, 8.5, 5, 5, 5 and the regions 10, 10, 6.5
        Allocation allocation = allocation("Technology", 400, "Healthcare", 100, "Financials", 50, "Europe", 200,
                Taxonomy.OTHER, 250);

        List<SectorGap> gaps = finder.gaps(allocation, 5.0);

        assertThat(gaps).extracting(gap -> gap.bucket().name()).containsExactly(
                "Financials", "Consumer Discretionary", "Communication Services", "Industrials", "Consumer Staples",
                "Energy", "Utilities", "Real Estate", "Materials", "Asia Pacific", "Emerging Markets", "Japan");
        assertThat(gapOf(gaps, "Financials").orElseThrow().gapPct()).isCloseTo(9.0, within(1e-9));
        assertThat(gapOf(gaps, "Energy").orElseThrow().gapPct()).isCloseTo(6.5, within(1e-9));
    }

    @Test
    void aMinimumOfZeroReportsEveryBucketAtOrBelowTarget() {
        // Healthcare exactly at its 14 % target: gap 0 >= 0
        List<SectorGap> gaps = finder.gaps(allocation("Healthcare", 140, "Technology", 860), 0);

        assertThat(gapOf(gaps, "Healthcare").orElseThrow().gapPct()).isCloseTo(0.0, within(1e-9));
        assertThat(gapOf(gaps, "Technology")).isEmpty();
        assertThat(gaps).hasSize(14);
    }

    @Test
    void anEmptyPortfolioHasEveryTargetAsItsGap() {
        List<SectorGap> gaps = finder.gaps(new Allocation(Map.of()), 5.0);

        assertThat(gaps).hasSize(15);
        assertThat(gaps).allSatisfy(gap -> assertThat(gap.gapPct()).isEqualTo(gap.bucket().targetPct()));
    }

    @Test
    void aMinimumOfFiftyIsAcceptedAndNoTargetIsThatHigh() {
        assertThat(finder.gaps(new Allocation(Map.of()), 50)).isEmpty();
    }

    @Test
    void acceptsTheBoundsOfTheMinimumGap() {
        Allocation allocation = allocation("Technology", 100);

        assertThatCode(() -> finder.gaps(allocation, 0)).doesNotThrowAnyException();
        assertThatCode(() -> finder.gaps(allocation, 50)).doesNotThrowAnyException();
    }
}
