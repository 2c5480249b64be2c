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

    /** Sectors as given; regions all in North America, so that only the sectors' gaps show unless a test says otherwise. */
    private static Map<Dimension, Allocation> sectors(Object... bucketsAndValues) {
        Allocation sectors = allocation(bucketsAndValues);
        return Map.of(Dimension.SECTOR, sectors, Dimension.REGION,
                new Allocation(Map.of("North America", sectors.total())));
    }

    private static Allocation allocation(Object... bucketsAndValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < bucketsAndValues.length; i += 2) {
            values.put((String) bucketsAndValues[i], ((Number) bucketsAndValues[i + 1]).doubleValue());
        }
        return new Allocation(values);
    }

    private static Optional<BucketGap> gapOf(List<BucketGap> gaps, String bucket) {
        return gaps.stream().filter(gap -> gap.bucket().name().equals(bucket)).findFirst();
    }

    @Test
    void aGapOfExactlyTheMinimumIsReported() {
        // Technology: 175 of 1000 = 17.5 %, target (15 + 30) / 2 = 22.5, gap 22.5 - 17.5 = 5.0
        List<BucketGap> gaps = finder.gaps(sectors("Technology", 175, "Healthcare", 825), 5.0);

        BucketGap technology = gapOf(gaps, "Technology").orElseThrow();
        assertThat(technology.currentPct()).isCloseTo(17.5, within(1e-9));
        assertThat(technology.targetPct()).isEqualTo(22.5);
        assertThat(technology.gapPct()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void aGapJustUnderTheMinimumIsNot() {
        // Technology: 175.1 of 1000 = 17.51 %, gap 22.5 - 17.51 = 4.99 < 5
        List<BucketGap> gaps = finder.gaps(sectors("Technology", 175.1, "Healthcare", 824.9), 5.0);

        assertThat(gapOf(gaps, "Technology")).isEmpty();
    }

    @Test
    void unclassifiedCountsInTheTotal() {
        // 1000 in all: Technology 100 = 10 %, gap 22.5 - 10 = 12.5. Were Unclassified left out,
        // Technology would be 100 % and have no gap at all.
        Map<Dimension, Allocation> allocations = sectors("Technology", 100, Taxonomy.UNCLASSIFIED, 900);

        assertThat(allocations.get(Dimension.SECTOR).total()).isEqualTo(1000.0);
        assertThat(gapOf(finder.gaps(allocations, 5.0), "Technology").orElseThrow().gapPct())
                .isCloseTo(12.5, within(1e-9));
    }

    @Test
    void onlyBucketsBelowTargetByTheMinimumAreReportedInTaxonomyOrder() {
        // of 1000: Technology 40 % (above 22.5), Healthcare 10 % (gap 4), Financials 5 % (gap 9),
        // Energy 0 % (gap 6.5), Unclassified 45 %; every other sector is at 0 %, so its gap is its whole
        // target: 11.5, 11.5, 11.5, 8.5, 5, 5, 5. Regions of the same 1000: North America 50 % (at its
        // minimum, gap 58.5 - 50 = 8.5), Europe 20 % (above 15), the other three at 0: gaps 10, 10, 6.5
        Map<Dimension, Allocation> allocations = Map.of(
                Dimension.SECTOR, allocation("Technology", 400, "Healthcare", 100, "Financials", 50,
                        Taxonomy.UNCLASSIFIED, 450),
                Dimension.REGION, allocation("North America", 500, "Europe", 200, Taxonomy.UNCLASSIFIED, 300));

        List<BucketGap> gaps = finder.gaps(allocations, 5.0);

        assertThat(gaps).extracting(gap -> gap.bucket().name()).containsExactly(
                "Financials", "Consumer Discretionary", "Communication Services", "Industrials", "Consumer Staples",
                "Energy", "Utilities", "Real Estate", "Materials", "North America", "Asia Pacific",
                "Emerging Markets", "Japan");
        assertThat(gapOf(gaps, "North America").orElseThrow().gapPct()).isCloseTo(8.5, within(1e-9));
        assertThat(gapOf(gaps, "Financials").orElseThrow().gapPct()).isCloseTo(9.0, within(1e-9));
        assertThat(gapOf(gaps, "Energy").orElseThrow().gapPct()).isCloseTo(6.5, within(1e-9));
    }

    @Test
    void aMinimumOfZeroReportsEveryBucketAtOrBelowTarget() {
        // Healthcare exactly at its 14 % target: gap 0 >= 0
        List<BucketGap> gaps = finder.gaps(sectors("Healthcare", 140, "Technology", 860), 0);

        assertThat(gapOf(gaps, "Healthcare").orElseThrow().gapPct()).isCloseTo(0.0, within(1e-9));
        assertThat(gapOf(gaps, "Technology")).isEmpty();
        // 10 sectors (all but Technology) and the 4 regions outside North America (100 %, above 58.5)
        assertThat(gaps).hasSize(14);
    }

    @Test
    void aDimensionWithoutEquityHasNoGapsNotEveryBucket() {
        // an all-bond portfolio: nothing to measure, rather than every bucket to fill
        Map<Dimension, Allocation> none = Map.of(Dimension.SECTOR, new Allocation(Map.of()),
                Dimension.REGION, new Allocation(Map.of()));

        assertThat(finder.gaps(none, 5.0)).isEmpty();
    }

    @Test
    void anEquityPortfolioWithNothingClassifiedHasEveryTargetAsItsGap() {
        Map<Dimension, Allocation> unclassified = Map.of(
                Dimension.SECTOR, new Allocation(Map.of(Taxonomy.UNCLASSIFIED, 100.0)),
                Dimension.REGION, new Allocation(Map.of(Taxonomy.UNCLASSIFIED, 100.0)));

        List<BucketGap> gaps = finder.gaps(unclassified, 5.0);

        assertThat(gaps).hasSize(16);
        assertThat(gaps).allSatisfy(gap -> assertThat(gap.gapPct()).isEqualTo(gap.bucket().targetPct()));
    }

    @Test
    void aMinimumOfFiftyIsAcceptedAndOnlyNorthAmericasTargetIsThatHigh() {
        Map<Dimension, Allocation> unclassified = Map.of(
                Dimension.SECTOR, new Allocation(Map.of(Taxonomy.UNCLASSIFIED, 100.0)),
                Dimension.REGION, new Allocation(Map.of(Taxonomy.UNCLASSIFIED, 100.0)));

        // North America's target (50 + 67) / 2 = 58.5 is the only one of 50 or more
        assertThat(finder.gaps(unclassified, 50)).extracting(gap -> gap.bucket().name())
                .containsExactly("North America");
    }

    @Test
    void acceptsTheBoundsOfTheMinimumGap() {
        Map<Dimension, Allocation> allocation = sectors("Technology", 100);

        assertThatCode(() -> finder.gaps(allocation, 0)).doesNotThrowAnyException();
        assertThatCode(() -> finder.gaps(allocation, 50)).doesNotThrowAnyException();
    }
}
