package com.marketopportunities.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.exposure.AssetClass;
import com.marketopportunities.exposure.ExposureSource;
import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.exposure.Weights;
import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.BucketGap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** SCANNER.md 4: a top gap buys its best candidate scored at least the minimum to buy, or nothing at all. */
class BuyPlanTest {

    private static final BucketGap HEALTHCARE = new BucketGap(new Bucket("Healthcare", Dimension.SECTOR, 10, 18, "XLV"),
            0, 14, 14);
    private static final BucketGap ENERGY = new BucketGap(new Bucket("Energy", Dimension.SECTOR, 3, 10, "XLE"), 0, 6.5, 6.5);
    private static final BucketGap EUROPE = new BucketGap(new Bucket("Europe", Dimension.REGION, 10, 20, "VGK"), 0, 15, 15);

    /** 100,000 of equity, none of it in the three gaps: 14,000, 6,500 and 15,000 wanted. */
    private static final CapitalPlan CAPITAL = CapitalPlan.of(List.of(HEALTHCARE, ENERGY, EUROPE),
            Map.of(Dimension.SECTOR, new Allocation(Map.of("Technology", 100_000.0)),
                    Dimension.REGION, new Allocation(Map.of("North America", 100_000.0))), 25);

    /** What each bought symbol holds: its own sector, North America. */
    private static final Function<String, HoldingExposure> EXPOSURE = symbol -> new HoldingExposure(
            Map.of(AssetClass.EQUITY, 1.0), Weights.all(symbol.equals("JNJ") ? "Healthcare" : "Energy"),
            Weights.all("North America"), ExposureSource.PROFILE, ExposureSource.PROFILE, List.of());

    private static final PurchaseOption XLV = new PurchaseOption("XLV", 53.0, null);
    private static final PurchaseOption JNJ = new PurchaseOption("JNJ", 65.3, null);
    private static final PurchaseOption XLE = new PurchaseOption("XLE", 28.8, null);
    private static final PurchaseOption XOM = new PurchaseOption("XOM", 41.7, null);

    private static final Map<BucketGap, List<PurchaseOption>> OPTIONS = Map.of(
            HEALTHCARE, List.of(XLV, new PurchaseOption("UNH", null, null), JNJ),
            ENERGY, List.of(XLE, XOM, new PurchaseOption("CVX", null, null)),
            EUROPE, List.of(new PurchaseOption("VGK", null, null), new PurchaseOption("SAP", null, null)));

    @Test
    void aGapWhoseBestCandidateScoresBelowTheMinimumBuysNothingAndNeedsNoCapital() {
        BuyPlan plan = BuyPlan.of(CAPITAL, OPTIONS, 50, EXPOSURE);

        assertThat(plan.purchases()).extracting(Purchase::symbol, Purchase::bucket)
                .containsExactly(tuple("JNJ", "Healthcare"));
        assertThat(plan.purchases().get(0).amount()).isCloseTo(14_000.0, within(1e-6));
        assertThat(plan.purchases().get(0).exposure().sectors().of("Healthcare")).isEqualTo(1.0);
        // Energy's best, XOM at 41.7, is below 50; Europe has nothing scored: neither buys, and their money is gone
        assertThat(plan.nothingWorthBuying()).containsExactly(new BuyPlan.NothingWorthBuying(ENERGY, XOM),
                new BuyPlan.NothingWorthBuying(EUROPE, null));
        assertThat(plan.nothingWorthBuying(ENERGY)).map(BuyPlan.NothingWorthBuying::best).contains(XOM);
        assertThat(plan.nothingWorthBuying(HEALTHCARE)).isEmpty();
        assertThat(plan.capital().amount(HEALTHCARE)).isCloseTo(14_000.0, within(1e-6));
        assertThat(plan.capital().amount(ENERGY)).isZero();
        assertThat(plan.capital().amount(EUROPE)).isZero();
        assertThat(plan.capital().total()).isCloseTo(14_000.0, within(1e-6));
        assertThat(CAPITAL.total()).as("the plan it started from is unchanged").isCloseTo(35_500.0, within(1e-6));
    }

    @Test
    void aCandidateScoredExactlyTheMinimumIsBought() {
        BuyPlan plan = BuyPlan.of(CAPITAL, OPTIONS, 41.7, EXPOSURE);

        assertThat(plan.purchases()).extracting(Purchase::symbol).containsExactly("JNJ", "XOM");
        assertThat(plan.capital().total()).isCloseTo(20_500.0, within(1e-6));
    }

    @Test
    void aHigherMinimumLeavesEveryGapWithoutAPurchase() {
        BuyPlan plan = BuyPlan.of(CAPITAL, OPTIONS, 75, EXPOSURE);

        assertThat(plan.purchases()).isEmpty();
        assertThat(plan.nothingWorthBuying()).extracting(BuyPlan.NothingWorthBuying::best).containsExactly(JNJ, XOM,
                null);
        assertThat(plan.capital().total()).isZero();
    }
}
