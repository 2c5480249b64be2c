package com.marketopportunities.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.config.SectorFiles;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EXPOSURE.md 1: two dimensions, one denominator, the equity value. */
class PortfolioExposureTest {

    private static final Taxonomy TAXONOMY = SectorFiles.builtInTaxonomy();

    @Test
    void sectorsAndRegionsArePercentOfTheEquityValueUnclassifiedIncluded() {
        // a 60/40 fund of 1000 (equity all Technology, North America), a European health-care stock of
        // 300, an unclassified stock of 100, cash of 200: equity 600 + 300 + 100 = 1000 of a 1600 portfolio
        HoldingExposure balanced = new HoldingExposure(Map.of(AssetClass.EQUITY, 0.6, AssetClass.FIXED_INCOME, 0.4),
                Weights.all("Technology"), Weights.all("North America"), ExposureSource.PROVIDER_FUND,
                ExposureSource.PROVIDER_FUND, List.of());
        HoldingExposure roche = new HoldingExposure(Map.of(AssetClass.EQUITY, 1.0), Weights.all("Healthcare"),
                Weights.all("Europe"), ExposureSource.PROFILE, ExposureSource.PROFILE, List.of());
        HoldingExposure cash = new HoldingExposure(Map.of(AssetClass.CASH, 1.0), Weights.none(), Weights.none(), null,
                null, List.of());

        PortfolioExposure exposure = PortfolioExposure.of(List.of(new PortfolioExposure.Valued(1000, balanced),
                new PortfolioExposure.Valued(300, roche),
                new PortfolioExposure.Valued(100, HoldingExposure.unclassifiedEquity(List.of())),
                new PortfolioExposure.Valued(200, cash)), TAXONOMY);

        assertThat(exposure.totalValue()).isCloseTo(1600.0, within(1e-9));
        assertThat(exposure.equityValue()).isCloseTo(1000.0, within(1e-9));
        assertThat(exposure.assetClasses()).containsOnly(entry(AssetClass.EQUITY, 1000.0),
                entry(AssetClass.FIXED_INCOME, 400.0), entry(AssetClass.CASH, 200.0));
        // Technology 600 / 1000, Healthcare 300 / 1000, Unclassified 100 / 1000
        assertThat(exposure.allocation(Dimension.SECTOR).pct("Technology")).isCloseTo(60.0, within(1e-9));
        assertThat(exposure.allocation(Dimension.SECTOR).pct("Healthcare")).isCloseTo(30.0, within(1e-9));
        assertThat(exposure.unclassifiedPct(Dimension.SECTOR)).isCloseTo(10.0, within(1e-9));
        assertThat(exposure.allocation(Dimension.REGION).pct("North America")).isCloseTo(60.0, within(1e-9));
        assertThat(exposure.allocation(Dimension.REGION).pct("Europe")).isCloseTo(30.0, within(1e-9));
        // every target bucket is listed, held or not, then Unclassified
        assertThat(exposure.allocation(Dimension.REGION).valueByBucket().keySet()).containsExactly("North America",
                "Europe", "Asia Pacific", "Emerging Markets", "Japan", Taxonomy.UNCLASSIFIED);
    }

    @Test
    void aPortfolioWithoutUnclassifiedEquityListsOnlyTheTargetBuckets() {
        HoldingExposure apple = new HoldingExposure(Map.of(AssetClass.EQUITY, 1.0), Weights.all("Technology"),
                Weights.all("North America"), ExposureSource.PROFILE, ExposureSource.PROFILE, List.of());

        PortfolioExposure exposure = PortfolioExposure.of(List.of(new PortfolioExposure.Valued(500, apple)), TAXONOMY);

        assertThat(exposure.allocation(Dimension.SECTOR).valueByBucket()).hasSize(11)
                .doesNotContainKey(Taxonomy.UNCLASSIFIED);
        assertThat(exposure.unclassifiedPct(Dimension.REGION)).isZero();
    }
}
