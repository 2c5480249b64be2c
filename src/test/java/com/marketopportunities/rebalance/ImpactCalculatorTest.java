package com.marketopportunities.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.exposure.AssetClass;
import com.marketopportunities.exposure.ExposureSource;
import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.exposure.Weights;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SCANNER.md 6, EXPOSURE.md 4: allocation in both dimensions and risk, before and after the trims and purchases. */
class ImpactCalculatorTest {

    private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
            new Bucket("Technology", Dimension.SECTOR, 15, 30, "XLK"),
            new Bucket("Healthcare", Dimension.SECTOR, 10, 18, "XLV"),
            new Bucket("Energy", Dimension.SECTOR, 3, 10, "XLE"),
            new Bucket("North America", Dimension.REGION, 50, 67, "SPY"),
            new Bucket("Europe", Dimension.REGION, 10, 20, "VGK")), Map.of());

    /** Monday to Friday: the risk window. Friday before it has a bar that must not count. */
    private static final LocalDate FROM = LocalDate.of(2024, 3, 4);
    private static final LocalDate TO = LocalDate.of(2024, 3, 8);

    private final ImpactCalculator calculator = new ImpactCalculator(TAXONOMY, 252);

    @Test
    void bothDimensionsBeforeAndAfterWithEachPurchasesOwnExposureAndTheDriftLeft() {
        // before, of 1100 of equity, all North American: Technology 400, Healthcare 260, Unclassified 440
        // trims free 120 + 60 = 180; 80 go into a European fund half technology, half health care
        // after, of 1100 - 180 + 80 = 1000: Technology 280 + 40, Healthcare 200 + 40, Unclassified 440;
        // North America 920, Europe 80
        List<Holding> holdings = List.of(holding("AAA", "Technology", 400, null), holding("BBB", "Healthcare", 260, null),
                holding("CCC", Taxonomy.UNCLASSIFIED, 440, null));
        TrimPlan trims = trims(180, sale("AAA", "Technology", 400, 120), sale("BBB", "Healthcare", 260, 60));
        HoldingExposure europeanFund = new HoldingExposure(Map.of(AssetClass.EQUITY, 1.0),
                new Weights(Map.of("Technology", 0.5, "Healthcare", 0.5)), Weights.all("Europe"),
                ExposureSource.KNOWN_FUND, ExposureSource.KNOWN_FUND, List.of());

        Impact impact = calculator.impact(holdings, trims, List.of(new Purchase("VGK", "Europe", 80, null,
                europeanFund)), FROM, TO);

        assertThat(impact.before().get("Technology")).isCloseTo(400.0 / 1100 * 100, within(1e-9)); // 36.36 %
        assertThat(impact.before().get("Healthcare")).isCloseTo(260.0 / 1100 * 100, within(1e-9)); // 23.64 %
        assertThat(impact.before().get("North America")).isCloseTo(100.0, within(1e-9));
        assertThat(impact.before().get("Europe")).isZero();
        assertThat(impact.before()).as("one map, bucket names unique across dimensions")
                .containsOnlyKeys("Technology", "Healthcare", "Energy", "North America", "Europe");
        assertThat(impact.dimensionOf()).containsEntry("Healthcare", Dimension.SECTOR)
                .containsEntry("Europe", Dimension.REGION);

        assertThat(impact.after().get("Technology")).isCloseTo(32.0, within(1e-9));
        assertThat(impact.after().get("Healthcare")).isCloseTo(24.0, within(1e-9));
        assertThat(impact.after().get("Europe")).isCloseTo(8.0, within(1e-9));
        assertThat(impact.after().get("North America")).isCloseTo(92.0, within(1e-9));
        assertThat(impact.after().get("Energy")).isZero();

        // Technology 32 over 30: +2; Healthcare 24 over 18: +6; Europe 8 under 10: -2; Energy 0 under 3: -3;
        // North America 92 over 67: +25
        assertThat(impact.remainingDrift()).containsOnlyKeys("Technology", "Healthcare", "Energy", "North America",
                "Europe");
        assertThat(impact.remainingDrift().get("Technology")).isCloseTo(2.0, within(1e-9));
        assertThat(impact.remainingDrift().get("Healthcare")).isCloseTo(6.0, within(1e-9));
        assertThat(impact.remainingDrift().get("Europe")).isCloseTo(-2.0, within(1e-9));
        assertThat(impact.remainingDrift().get("Energy")).isCloseTo(-3.0, within(1e-9));
        assertThat(impact.remainingDrift().get("North America")).isCloseTo(25.0, within(1e-9));

        // 80 invested - 180 freed: 100 of cash left
        assertThat(impact.totalFreed()).isEqualTo(180.0);
        assertThat(impact.totalInvested()).isEqualTo(80.0);
        assertThat(impact.netChange()).isEqualTo(-100.0);
        // no history at all: no risk, rather than a made-up number
        assertThat(impact.riskBefore()).isNull();
        assertThat(impact.riskAfter()).isNull();
    }

    @Test
    void sharesAreOfTheEquityValueSoABalancedFundsBondsCountInNoBucket() {
        // a 60/40 fund of 1000 (all its equity technology) and 600 of a health-care stock:
        // equity 600 + 600 = 1200, Technology 50 %, Healthcare 50 %, whatever the 400 of bonds
        HoldingExposure balanced = new HoldingExposure(Map.of(AssetClass.EQUITY, 0.6, AssetClass.FIXED_INCOME, 0.4),
                Weights.all("Technology"), Weights.all("North America"), ExposureSource.PROVIDER_FUND,
                ExposureSource.PROVIDER_FUND, List.of());
        List<Holding> holdings = List.of(new Holding(Position.of("BAL", 1000), balanced, null),
                holding("BBB", "Healthcare", 600, null));

        Impact impact = calculator.impact(holdings, trims(0), List.of(), FROM, TO);

        assertThat(impact.before().get("Technology")).isCloseTo(50.0, within(1e-9));
        assertThat(impact.before().get("Healthcare")).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void newMoneyBeyondWhatTrimsFreeIsAPositiveNetChange() {
        Impact impact = calculator.impact(List.of(holding("AAA", "Technology", 1000, null)), trims(50,
                sale("AAA", "Technology", 1000, 50)), List.of(new Purchase("XLE", "Energy", 120, null, exposure("Energy")),
                new Purchase("VGK", "Europe", 30, null, europe())), FROM, TO);

        // invested 120 + 30 = 150, freed 50
        assertThat(impact.totalInvested()).isEqualTo(150.0);
        assertThat(impact.netChange()).isEqualTo(100.0);
        // after, of 1000 - 50 + 150 = 1100: Energy 120 = 10.91 % is above 3-10
        assertThat(impact.remainingDrift().get("Energy")).isCloseTo(120.0 / 1100 * 100 - 10, within(1e-9));
    }

    /*
     * Returns on Tue..Fri (Monday's bar has none; the bar of the Friday before is outside the window):
     *   A  100, 110, 99, 108.9, 98.01           -> +10 %, -10 %, +10 %, -10 %
     *   B  50, 51, 52.02, 50.9796, 51.999192    -> +2 %, +2 %, -2 %, +2 %
     *   C  flat at 20                           -> 0, 0, 0, 0
     */

    @Test
    void riskIsTheAnnualizedVolatilityOfTheValueWeightedDailyReturns() {
        // before: A 100, B 300 -> weights 1/4, 3/4
        //   returns 0.04, -0.01, 0.01, -0.01; mean 0.0075
        //   squared deviations 0.0325², 0.0175², 0.0025², 0.0175² = 0.001675
        //   sample variance 0.001675 / 3; annualized: sqrt(0.001675 / 3 * 252) = 37.51 %
        // after: A 100 - 50 = 50, B 300, C bought for 150 -> weights 0.1, 0.6, 0.3
        //   returns 0.022, 0.002, -0.002, 0.002; mean 0.006
        //   squared deviations 0.016², 0.004², 0.008², 0.004² = 0.000352
        //   sqrt(0.000352 / 3 * 252) = 17.20 %
        List<Holding> holdings = List.of(holding("A", "Technology", 100, historyA()),
                holding("B", "Healthcare", 300, historyB()));

        Impact impact = calculator.impact(holdings, trims(50, sale("A", "Technology", 100, 50)),
                List.of(new Purchase("C", "Europe", 150, flat("C"), europe())), FROM, TO);

        assertThat(impact.riskBefore()).isCloseTo(Math.sqrt(0.001675 / 3 * 252) * 100, within(1e-9));
        assertThat(impact.riskAfter()).isCloseTo(Math.sqrt(0.000352 / 3 * 252) * 100, within(1e-9));
    }

    @Test
    void aHoldingSoldInFullNoLongerCountsInTheRiskAfter() {
        // after: B alone, returns 0.02, 0.02, -0.02, 0.02; mean 0.01
        //   squared deviations 0.01², 0.01², 0.03², 0.01² = 0.0012; sqrt(0.0012 / 3 * 252) = 31.75 %
        List<Holding> holdings = List.of(holding("A", "Technology", 100, historyA()),
                holding("B", "Healthcare", 300, historyB()));

        Impact impact = calculator.impact(holdings, trims(100, sale("A", "Technology", 100, 100)), List.of(), FROM, TO);

        assertThat(impact.riskAfter()).isCloseTo(Math.sqrt(0.0012 / 3 * 252) * 100, within(1e-9));
    }

    @Test
    void aPurchaseWithoutHistoryCountsInTheAllocationButNotInTheRisk() {
        List<Holding> holdings = List.of(holding("A", "Technology", 100, historyA()),
                holding("B", "Healthcare", 300, historyB()));

        Impact impact = calculator.impact(holdings, trims(0), List.of(new Purchase("D", "Europe", 400, null, europe())), FROM, TO);

        // weights of A and B among what has a history are unchanged: the risk too
        assertThat(impact.riskAfter()).isCloseTo(impact.riskBefore(), within(1e-12));
        assertThat(impact.riskBefore()).isCloseTo(Math.sqrt(0.001675 / 3 * 252) * 100, within(1e-9));
        // Europe: 400 of 800
        assertThat(impact.after()).contains(entry("Europe", 50.0));
    }

    @Test
    void fewerThanTwoReturnsInTheWindowGiveNoRisk() {
        PriceHistory twoBars = new PriceHistory.Builder("A").add(TO.minusDays(1), 100.0, null).add(TO, 101.0, null)
                .build();

        Impact impact = calculator.impact(List.of(holding("A", "Technology", 100, twoBars)), trims(0), List.of(),
                FROM, TO);

        assertThat(impact.riskBefore()).isNull();
        assertThat(impact.riskAfter()).isNull();
    }

    private static Holding holding(String symbol, String sector, double value, PriceHistory history) {
        return new Holding(Position.of(symbol, value), exposure(sector), history);
    }

    /** A North American stock of one sector. */
    private static HoldingExposure exposure(String sector) {
        return new HoldingExposure(Map.of(AssetClass.EQUITY, 1.0), Weights.all(sector), Weights.all("North America"),
                ExposureSource.PROFILE, ExposureSource.PROFILE, List.of());
    }

    /** A European holding whose sector nobody knows. */
    private static HoldingExposure europe() {
        return new HoldingExposure(Map.of(AssetClass.EQUITY, 1.0), Weights.unclassified(), Weights.all("Europe"),
                ExposureSource.UNCLASSIFIED, ExposureSource.LISTING, List.of());
    }

    private static TrimSuggestion sale(String symbol, String bucket, double value, double saleValue) {
        return new TrimSuggestion(symbol, null, bucket, value, saleValue / value * 100, saleValue, 20, "test", true);
    }

    private static TrimPlan trims(double freed, TrimSuggestion... sales) {
        return new TrimPlan(List.of(sales), List.of(), freed, freed, true);
    }

    private static PriceHistory history(String symbol, double... closes) {
        PriceHistory.Builder builder = new PriceHistory.Builder(symbol).add(FROM.minusDays(3), 1000.0, null);
        for (int day = 0; day < closes.length; day++) {
            builder.add(FROM.plusDays(day), closes[day], null);
        }
        return builder.build();
    }

    private static PriceHistory historyA() {
        return history("A", 100, 110, 99, 108.9, 98.01);
    }

    private static PriceHistory historyB() {
        return history("B", 50, 51, 52.02, 50.9796, 51.999192);
    }

    private static PriceHistory flat(String symbol) {
        return history(symbol, 20, 20, 20, 20, 20);
    }
}
