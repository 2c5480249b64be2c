package com.marketopportunities.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A symbol whose fundamentals could not be fetched is scored on the pillars it has: no value
 * pillar, momentum and diversification under their horizon weights scaled to add up to 1, and
 * marked partial. A symbol that has no fundamentals at all is a full score with a neutral value.
 */
class PartialScoreTest {

    static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);
    /**
     * 21 daily closes, 2024-02-10 to 2024-03-01, swinging 100, 100.5, 100, ..., 100. Worked by hand
     * for the medium horizon (window 180 days: all 21 bars), against a benchmark rising from 100 to 110:
     * <ul>
     * <li>price momentum: p = min(60, 21) = 21, ret = 100/100 - 1 = 0 -> 50;
     * <li>RSI-14: 7 gains and 7 losses of 0.5, avgGain = avgLoss = 0.25, rsi = 50 -> 50;
     * <li>relative strength: n = 21, rs = 0 - 10 = -10 % -> 50 - 10 x 50/15 = 16.667;
     * <li>momentum = (50 + 50 + 16.667) / 3 = 38.889 (38.9);
     * <li>daily returns: ten of +0.5 % and ten of -0.4975 % (100.5 -> 100); sample stdev
     *     = (0.005 + 0.0049751) / 2 x sqrt(20/19) = 0.0051171, vol = x sqrt(252) = 0.081232;
     *     diversification = 50 + (0.15 - 0.081232) x 600 = 91.261 (91.3);
     * <li>partial composite = (0.4 x 38.889 + 0.3 x 91.261) / (0.4 + 0.3) = 42.934 / 0.7 = 61.334 (61.3).
     * </ul>
     */
    static final PriceHistory SWINGING = history("SWING", i -> i % 2 == 0 ? 100.0 : 100.5);
    static final PriceHistory BENCHMARK = history("SPY", i -> 100 + i * 0.5);

    private final FormulaScorer scorer = new FormulaScorer(ScoringSettings.defaults());

    @Test
    void withoutFundamentalsTheCompositeWeighsMomentumAndDiversificationAloneAndTheScoreIsPartial() {
        SymbolScore partial = scored(scorer.scoreWithoutFundamentals("SWING", Horizon.MEDIUM, AS_OF, SWINGING,
                BENCHMARK));

        assertThat(partial.momentumScore()).isEqualTo(38.9);
        assertThat(partial.diversificationScore()).isEqualTo(91.3);
        assertThat(partial.valueScore()).as("no value pillar, not a stand-in 50").isNull();
        assertThat(partial.compositeScore()).isEqualTo(61.3);
        assertThat(partial.partial()).isTrue();
        assertThat(partial.reading()).isEqualTo(Reading.BUY);
        assertThat(partial.confidence()).as("21 of round(180 x 252 / 365) = 124 bars").isEqualTo(0.17);
        assertThat(partial.dataPoints()).isEqualTo(21);
        assertThat(partial.modelVersion()).as("the model of every score").isEqualTo(scorer.modelVersion())
                .isEqualTo(ScoringSettings.defaults().modelVersion());
    }

    @Test
    void withFundamentalsTheSameHistoryIsAFullScoreWithItsValuePillar() {
        // P/E 10: 50 + (20 - 10) x 5 = 100; composite 0.4 x 38.889 + 0.3 x 100 + 0.3 x 91.261 = 72.934
        Fundamentals cheap = new Fundamentals("SWING", "Swing Inc", "EQUITY", "Industrials", "USD", 10.0, null, null,
                null);

        SymbolScore full = scored(scorer.score("SWING", Horizon.MEDIUM, AS_OF, SWINGING, BENCHMARK, cheap));

        assertThat(full.valueScore()).isEqualTo(100.0);
        assertThat(full.compositeScore()).isEqualTo(72.9);
        assertThat(full.partial()).isFalse();
        assertThat(full.modelVersion()).isEqualTo(scorer.modelVersion());
    }

    @Test
    void aSymbolWithNoFundamentalsAtAllIsAFullScoreWithTheNeutralValue() {
        // value 50: 0.4 x 38.889 + 0.3 x 50 + 0.3 x 91.261 = 57.934
        SymbolScore none = scored(scorer.score("SWING", Horizon.MEDIUM, AS_OF, SWINGING, BENCHMARK,
                Fundamentals.none("SWING")));

        assertThat(none.valueScore()).isEqualTo(50.0);
        assertThat(none.compositeScore()).isEqualTo(57.9);
        assertThat(none.partial()).isFalse();
    }

    @Test
    void aSymbolWithoutPricesStaysUnscoredEvenWithoutFundamentals() {
        ScoreOutcome outcome = scorer.scoreWithoutFundamentals("GONE", Horizon.MEDIUM, AS_OF,
                new PriceHistory("GONE", List.of()), BENCHMARK);

        assertThat(outcome).isInstanceOf(ScoreOutcome.Unscored.class);
        assertThat(((ScoreOutcome.Unscored) outcome).reason()).isEqualTo("no price data in the 180 days up to 2024-03-01");
    }

    @Test
    void aHorizonThatWeighsValueAloneHasNoCompositeWithoutItAndSaysTheUpstreamFailed() {
        ScoringSettings defaults = ScoringSettings.defaults();
        Map<Horizon, ScoringSettings.HorizonSettings> horizons = new EnumMap<>(defaults.horizons());
        horizons.put(Horizon.LONG, new ScoringSettings.HorizonSettings(365, 90, 0, 1, 0));
        FormulaScorer valueOnly = new FormulaScorer(new ScoringSettings(horizons, "SPY", 20, 14, 10, 252,
                defaults.momentum(), defaults.value(), defaults.diversification()));

        ScoreOutcome outcome = valueOnly.scoreWithoutFundamentals("SWING", Horizon.LONG, AS_OF, SWINGING, BENCHMARK);

        assertThat(outcome).isEqualTo(new ScoreOutcome.Unscored("SWING",
                "fundamentals could not be fetched, and the long horizon weighs the value pillar alone", true));
    }

    @Test
    void scoringWithNullFundamentalsIsRefusedNamingTheWayToScoreWithoutThem() {
        assertThatThrownBy(() -> scorer.score("SWING", Horizon.MEDIUM, AS_OF, SWINGING, BENCHMARK, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("scoreWithoutFundamentals");
    }

    private static SymbolScore scored(ScoreOutcome outcome) {
        assertThat(outcome).isInstanceOf(ScoreOutcome.Scored.class);
        return ((ScoreOutcome.Scored) outcome).score();
    }

    /** 21 consecutive daily closes ending on {@link #AS_OF}. */
    private static PriceHistory history(String symbol, IntToDoubleFunction close) {
        List<DailyBar> bars = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            double price = close.applyAsDouble(i);
            bars.add(new DailyBar(AS_OF.minusDays(20 - i), price, price));
        }
        return new PriceHistory(symbol, bars);
    }
}
