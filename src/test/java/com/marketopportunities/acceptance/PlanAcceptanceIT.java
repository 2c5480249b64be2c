package com.marketopportunities.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.SharedMarketData;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.scan.PlanChoice;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scoring.Horizon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's figures on the real data at 2022-12-05, medium horizon, 10,000 to invest: the purchases
 * add up to the amount to the cent, none under the ticket or below the minimum score, at most 5, and
 * the drift goes down, never above the greedy split's.
 */
class PlanAcceptanceIT {

    static Path data;

    @BeforeAll
    static void data() {
        data = SharedMarketData.folder();
        boolean present = Files.isDirectory(data);
        if (!present && Boolean.getBoolean("market.data.required")) {
            throw new IllegalStateException("market data folder " + data + " not found, and market.data.required is set");
        }
        assumeTrue(present, "market data folder " + data + " not found: plan acceptance skipped");
    }

    static ScanReport.PlanView plan(String example, PlanChoice choice) throws Exception {
        return scan(example, choice).plan();
    }

    static ScanReport scan(String example, PlanChoice choice) throws Exception {
        var portfolio = new PortfolioReader().read(Path.of("examples", example), null).portfolio();
        try (MarketData csv = new CsvFolderMarketData(data)) {
            return YahooScanAcceptanceIT.scan(Settings.defaults(), csv, new ScanRequest(portfolio, Horizon.MEDIUM, 5.0,
                    YahooScanAcceptanceIT.AS_OF, 6, List.of(), null, choice));
        }
    }

    static void meetsTheLimits(ScanReport.PlanView plan, double amount) {
        assertThat(plan.purchases()).isNotEmpty().hasSizeLessThanOrEqualTo(plan.maxPositions())
                .allSatisfy(purchase -> {
                    assertThat(purchase.amount()).isGreaterThanOrEqualTo(plan.minTicket());
                    assertThat(purchase.score()).isGreaterThanOrEqualTo(plan.minScore());
                });
        assertThat(plan.purchases().stream().mapToLong(purchase -> Math.round(purchase.amount() * 100)).sum())
                .isEqualTo(Math.round(amount * 100));
        assertThat(plan.driftAfter()).isLessThan(plan.driftBefore()).isLessThanOrEqualTo(plan.greedyDriftAfter());
    }

    @Test
    void theSaxoStyleExampleBuysWithinTheLimitsAndDriftsLess() throws Exception {
        ScanReport.PlanView plan = plan("saxo-europe.csv", PlanChoice.of(10_000));

        meetsTheLimits(plan, 10_000);
        assertThat(plan.maxPositions()).isEqualTo(5);
        assertThat(plan.minTicket()).isEqualTo(200);
        assertThat(plan.minScore()).isEqualTo(50);
    }

    @Test
    void theEtfInvestorsGapsHaveNoCandidateScoredFiftyAtThatDateWhichThePlanSaysPlainly() throws Exception {
        ScanReport.PlanView strict = plan("etf-investor.csv", PlanChoice.of(10_000));
        ScanReport.PlanView lower = plan("etf-investor.csv", new PlanChoice(10_000, false, 5, null, 40));

        assertThat(strict.method()).isEqualTo("none");
        assertThat(strict.purchases()).isEmpty();
        assertThat(strict.notes()).anyMatch(note -> note.contains("minimum score"));
        meetsTheLimits(lower, 10_000);
    }

    @Test
    void theTrimsProceedsAreSpentTooWhenAsked() throws Exception {
        ScanReport report = scan("tech-heavy.csv", new PlanChoice(10_000, true, 5, null, 50));
        double freed = report.summary().capitalFreed();

        assertThat(freed).isPositive();
        assertThat(report.plan().fromTrims()).isEqualTo(freed);
        assertThat(report.plan().cash()).isEqualTo(Math.round((10_000 + freed) * 100) / 100.0);
        assertThat(report.plan().purchases().stream().mapToLong(purchase -> Math.round(purchase.amount() * 100)).sum())
                .isEqualTo(Math.round(report.plan().cash() * 100));
        assertThat(report.warnings()).anyMatch(warning -> warning.startsWith("The buy plan spends"));
    }
}
