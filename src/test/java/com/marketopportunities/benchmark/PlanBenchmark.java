package com.marketopportunities.benchmark;

import com.marketopportunities.config.Application;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CachingMarketData;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.scan.PlanChoice;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the buy plan costs in process (issue 13: under 50 ms for the 29-position benchmark portfolio
 * with every gap's candidates): warm scans of bench/portfolio-29.csv on the CSV folder, alternately
 * with and without {@code cash}, the difference of their medians being the plan (every gap's
 * candidates classified, the program solved twice, rounded and explained). The first planned scan
 * of the JVM is reported apart: it loads the solver's classes. Not a test: run it with
 * bench/plan-benchmark.sh.
 */
public final class PlanBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/market-data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Clock clock = Clock.fixed(Instant.parse("2022-12-06T12:00:00Z"), ZoneOffset.UTC);
        Portfolio portfolio = new PortfolioReader().read(Path.of("bench/portfolio-29.csv"), null).portfolio();
        ScanService scans = Application.over(new CachingMarketData(new CsvFolderMarketData(data), 10_000, clock),
                Settings.defaults(), clock, new SimpleMeterRegistry()).scans();
        ScanRequest plain = new ScanRequest(portfolio, Horizon.MEDIUM, 5.0, LocalDate.of(2022, 12, 5), 6, List.of());
        ScanRequest planned = new ScanRequest(portfolio, Horizon.MEDIUM, 5.0, LocalDate.of(2022, 12, 5), 6, List.of(),
                null, new PlanChoice(10_000, false, 5, null, 0));
        scans.scan(plain, ScanListener.SILENT);
        long firstStart = System.nanoTime();
        ScanReport first = scans.scan(planned, ScanListener.SILENT);
        double firstMs = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < 50; i++) {
            scans.scan(plain, ScanListener.SILENT);
            scans.scan(planned, ScanListener.SILENT);
        }
        double[] without = new double[rounds];
        double[] with = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            scans.scan(plain, ScanListener.SILENT);
            without[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            scans.scan(planned, ScanListener.SILENT);
            with[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(without);
        Arrays.sort(with);
        ScanReport.PlanView plan = first.plan();
        System.out.printf(Locale.ROOT, "bench/portfolio-29.csv, medium, 2022-12-05, 10,000 to invest, min score 0 (every"
                        + " candidate with a score may be bought): %d gaps, %d purchases, drift %.2f -> %.2f (greedy"
                        + " %.2f)%n", first.gaps().size(), plan.purchases().size(), plan.driftBefore(),
                plan.driftAfter(), plan.greedyDriftAfter());
        System.out.printf(Locale.ROOT, "warm scan without a plan: median %.2f ms, p90 %.2f ms (%d scans)%n",
                without[rounds / 2], without[rounds * 9 / 10], rounds);
        System.out.printf(Locale.ROOT, "warm scan with the plan:   median %.2f ms, p90 %.2f ms (%d scans)%n",
                with[rounds / 2], with[rounds * 9 / 10], rounds);
        System.out.printf(Locale.ROOT, "the plan: %.2f ms (difference of the medians; target < 50 ms)%n",
                with[rounds / 2] - without[rounds / 2]);
        System.out.printf(Locale.ROOT, "first planned scan of this JVM (loads the solver): %.0f ms%n", firstMs);
        System.exit(0);
    }
}
