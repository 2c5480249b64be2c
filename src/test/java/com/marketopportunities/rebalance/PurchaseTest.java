package com.marketopportunities.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.marketdata.PriceHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SCANNER.md 6: a gap's money goes into its top-scored candidate; an unscored one is never bought. */
class PurchaseTest {

    private static final PriceHistory NVDA_BARS = new PriceHistory("NVDA", List.of());

    @Test
    void theBestOptionIsTheTopScoredTheFirstOfEqualScores() {
        List<PurchaseOption> options = List.of(new PurchaseOption("XLK", 55.0, null),
                new PurchaseOption("AAPL", null, null), new PurchaseOption("MSFT", 48.2, null),
                new PurchaseOption("NVDA", 71.3, NVDA_BARS), new PurchaseOption("AVGO", 71.3, null));

        PurchaseOption best = PurchaseOption.best(options).orElseThrow();

        assertThat(best.symbol()).isEqualTo("NVDA");
        HoldingExposure technology = HoldingExposure.unclassifiedEquity(List.of());
        assertThat(Purchase.into("Technology", 4_200, best, technology)).isEqualTo(new Purchase("NVDA", "Technology",
                4_200, NVDA_BARS, technology));
    }

    @Test
    void aScoredCandidateBeatsTheUnscoredEtfEvenWithALowScore() {
        List<PurchaseOption> options = List.of(new PurchaseOption("XLV", null, null),
                new PurchaseOption("UNH", 12.0, null));

        assertThat(PurchaseOption.best(options)).map(PurchaseOption::symbol).contains("UNH");
    }

    @Test
    void withNothingScoredThereIsNoBestOptionNotEvenTheEtf() {
        List<PurchaseOption> options = List.of(new PurchaseOption("VGK", null, null),
                new PurchaseOption("SAP", null, null));

        assertThat(PurchaseOption.best(options)).isEmpty();
    }
}
