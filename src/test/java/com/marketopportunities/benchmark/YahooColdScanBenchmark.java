package com.marketopportunities.benchmark;

import com.marketopportunities.config.Application;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CachingMarketData;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.yahoo.YahooFinanceMarketData;
import com.marketopportunities.marketdata.yahoo.standin.LoggedRequest;
import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cold scans through the Yahoo client against the local stand-in (issue 12): each run a new
 * client (new session, empty caches, no Redis) in this JVM, timed from the scan's start to its
 * answer. Prints each run's time and the stand-in's requests by endpoint, and whether the scores
 * equal the offline scan's of the same data. Not a test: run it with bench/yahoo-benchmark.sh.
 *
 * <p>Arguments: {@code [--latency-ms 300] [--rate-429 0] [--crumb-429 0] [--runs 5]
 * [--portfolio examples/tech-heavy.csv] [--data ../shared/market-data] [--timeline no] [--config FILE]}; with
 * {@code --timeline yes} each request is listed with its arrival after the first; a config file
 * overrides settings as {@code --config} does for the command line.
 */
public final class YahooColdScanBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2022, 12, 5);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-12-06T12:00:00Z"), ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("--latency-ms", "300", "--rate-429", "0",
                "--crumb-429", "0", "--runs", "5", "--portfolio", "examples/tech-heavy.csv",
                "--data", "../shared/market-data", "--timeline", "no", "--config", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path data = Path.of(options.get("--data"));
        int runs = Integer.parseInt(options.get("--runs"));
        ScanRequest request = new ScanRequest(new PortfolioReader().read(Path.of(options.get("--portfolio")), null)
                .portfolio(), Horizon.MEDIUM, 5.0, AS_OF, 6, List.of());
        Settings defaults = options.get("--config").isEmpty() ? Settings.defaults()
                : Settings.load(Path.of(options.get("--config")));
        ScanReport offline;
        try (MarketData csv = new CsvFolderMarketData(data)) {
            offline = scan(defaults, csv, request);
        }
        YahooStandIn.Builder builder = YahooStandIn.builder().dataDir(data)
                .latency(Duration.ofMillis(Long.parseLong(options.get("--latency-ms"))))
                .tooManyRequestsRate(Double.parseDouble(options.get("--rate-429")));
        int crumbRefusals = Integer.parseInt(options.get("--crumb-429"));
        double[] millis = new double[runs];
        try (YahooStandIn standIn = builder.start()) {
            Settings settings = defaults.withYahooUrl(standIn.baseUrl());
            System.out.printf(Locale.ROOT, "cold scans of %s (medium, as of %s) through the Yahoo stand-in: %s ms"
                            + " latency, %s of data requests answered 429, first %s crumb requests answered 429%n",
                    options.get("--portfolio"), AS_OF, options.get("--latency-ms"), options.get("--rate-429"),
                    options.get("--crumb-429"));
            for (int run = 0; run < runs; run++) {
                standIn.resetLog();
                standIn.refuseNextCrumbs(crumbRefusals);
                ScanReport online;
                long start = System.nanoTime();
                try (MarketData yahoo = new CachingMarketData(new YahooFinanceMarketData(settings.yahoo()), 10_000,
                        CLOCK)) {
                    online = scan(settings, yahoo, request);
                }
                millis[run] = (System.nanoTime() - start) / 1e6;
                List<LoggedRequest> log = standIn.requests();
                Map<String, Long> byEndpoint = log.stream().collect(Collectors.groupingBy(
                        logged -> logged.endpoint().name().toLowerCase(Locale.ROOT), TreeMap::new,
                        Collectors.counting()));
                long charts = byEndpoint.getOrDefault("chart", 0L);
                long refused = log.stream().filter(logged -> logged.status() == 429).count();
                if (options.get("--timeline").equals("yes")) {
                    Instant first = log.isEmpty() ? Instant.now() : log.get(0).at();
                    log.forEach(logged -> System.out.printf(Locale.ROOT, "  +%5d ms %-13s %d %s%n",
                            Duration.between(first, logged.at()).toMillis(), logged.endpoint(), logged.status(),
                            logged.symbols()));
                }
                System.out.printf(Locale.ROOT, "run %d: %.0f ms; %d requests: %s (%d answered 429); other than"
                                + " chart: %d; scores equal the offline scan's: %s%n", run + 1, millis[run],
                        log.size(), byEndpoint, refused, log.size() - charts, sameScores(offline, online));
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "cold scan: median %.0f ms, min %.0f, max %.0f over %d runs%n",
                millis[runs / 2], millis[0], millis[runs - 1], runs);
        System.exit(0);
    }

    private static ScanReport scan(Settings settings, MarketData marketData, ScanRequest request) {
        return Application.over(marketData, settings, CLOCK, new SimpleMeterRegistry()).scans()
                .scan(request, ScanListener.SILENT);
    }

    /** Whether every score shown (gaps' ETFs, opportunities) and every unscored symbol is the offline scan's. */
    static boolean sameScores(ScanReport offline, ScanReport online) {
        return scores(offline).equals(scores(online));
    }

    private static String scores(ScanReport report) {
        return report.gaps().toString() + report.opportunities().stream()
                .map(row -> row.symbol() + "=" + row.shown()).toList()
                + report.unscored().stream().map(ScanReport.Unscored::symbol).sorted().toList();
    }
}
