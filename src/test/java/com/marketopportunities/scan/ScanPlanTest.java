package com.marketopportunities.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.scoring.Horizon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buy plan through the scan (PLAN.md), on the example market. */
class ScanPlanTest {

    @TempDir
    static Path folder;
    static Path data;

    @BeforeAll
    static void writeMarketData() throws Exception {
        data = ExampleMarket.write(folder);
    }

    static ScanReport scan(Portfolio portfolio, PlanChoice plan) {
        return ScanServiceTest.service(new CsvFolderMarketData(data)).scan(new ScanRequest(portfolio, Horizon.MEDIUM,
                5.0, ScanServiceTest.AS_OF, 6, List.of(), null, plan), ScanListener.SILENT);
    }

    @Test
    void withoutAnAmountThereIsNoPlan() {
        assertThat(scan(ScanServiceTest.techHeavy(), null).plan()).isNull();
    }

    @Test
    void thePlanSpendsTheAmountToTheCentWithinItsLimitsAndDriftsLess() {
        ScanReport report = scan(ScanServiceTest.techHeavy(), new PlanChoice(10_000, false, 3, 500.0, 50));
        ScanReport.PlanView plan = report.plan();

        assertThat(plan.method()).isIn("optimized", "greedy");
        assertThat(plan.purchases()).isNotEmpty().hasSizeLessThanOrEqualTo(3).allSatisfy(purchase -> {
            assertThat(purchase.amount()).isGreaterThanOrEqualTo(500);
            assertThat(purchase.score()).isGreaterThanOrEqualTo(50);
            assertThat(purchase.why()).startsWith("moves ");
            assertThat(purchase.fills()).isNotEmpty();
        });
        assertThat(plan.purchases().stream().mapToLong(purchase -> Math.round(purchase.amount() * 100)).sum())
                .isEqualTo(1_000_000);
        assertThat(plan.driftAfter()).isLessThan(plan.driftBefore()).isLessThanOrEqualTo(plan.greedyDriftAfter());
        assertThat(plan.before()).containsKeys("Healthcare", "North America");
        assertThat(plan.ranges().get("Healthcare")).containsExactly(10.0, 18.0);
        assertThat(plan.dimensionOf()).containsEntry("Europe", "region").containsEntry("Energy", "sector");
        assertThat(plan.minTicket()).isEqualTo(500);
    }

    @Test
    void theDefaultTicketIsTwoPercentOfTheAmountAndAtLeastAHundred() {
        assertThat(scan(ScanServiceTest.techHeavy(), PlanChoice.of(20_000)).plan().minTicket()).isEqualTo(400);
        assertThat(scan(ScanServiceTest.techHeavy(), PlanChoice.of(2_000)).plan().minTicket()).isEqualTo(100);
    }

    @Test
    void aMinimumScoreAboveEveryCandidateBuysNothingAndSaysSo() {
        ScanReport.PlanView plan = scan(ScanServiceTest.techHeavy(), new PlanChoice(10_000, false, 5, null, 99)).plan();

        assertThat(plan.method()).isEqualTo("none");
        assertThat(plan.purchases()).isEmpty();
        assertThat(plan.notes()).anyMatch(note -> note.contains("minimum score"));
        assertThat(plan.after()).isEqualTo(plan.before());
    }

    @Test
    void withNoTrimToSuggestUsingTheTrimsAddsNothing() {
        // AAPL and MSFT are protected, JPM keeps Financials at its minimum: nothing is sold (ScanServiceTest)
        ScanReport with = scan(ScanServiceTest.techHeavy(), new PlanChoice(10_000, true, 5, null, 50));

        assertThat(with.suggestedSales()).isEmpty();
        assertThat(with.plan().fromTrims()).isZero();
        assertThat(with.plan().cash()).isEqualTo(10_000);
        assertThat(with.warnings()).noneMatch(warning -> warning.startsWith("The buy plan spends"));
    }

    @Test
    void badChoicesNameTheirParameter() {
        assertThatThrownBy(() -> PlanChoice.of(-5.0, null, null, null, null))
                .isInstanceOf(InvalidScanParameterException.class)
                .satisfies(e -> assertThat(((InvalidScanParameterException) e).parameter()).isEqualTo(ScanParameter.CASH));
        assertThatThrownBy(() -> PlanChoice.of(1_000.0, null, 0, null, null))
                .satisfies(e -> assertThat(((InvalidScanParameterException) e).parameter())
                        .isEqualTo(ScanParameter.MAX_POSITIONS));
        assertThatThrownBy(() -> PlanChoice.of(1_000.0, null, null, 2_000.0, null))
                .hasMessageContaining("must not be more than the amount to invest (1000)")
                .satisfies(e -> assertThat(((InvalidScanParameterException) e).parameter())
                        .isEqualTo(ScanParameter.MIN_TICKET));
        assertThatThrownBy(() -> PlanChoice.of(null, true, null, null, null))
                .hasMessageContaining("is needed for the buy plan's other options");
        assertThat(PlanChoice.of(null, null, null, null, null)).isNull();
    }
}
