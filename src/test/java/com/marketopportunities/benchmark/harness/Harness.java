package com.marketopportunities.benchmark.harness;

import com.marketopportunities.marketdata.MarketHours;
import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import com.marketopportunities.testredis.RealRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The product's promises as figures anyone can reproduce (BENCHMARKS.md): cold and warm scans of a
 * 29-position portfolio with 5 sector gaps against a Yahoo stand-in with latency and 429s, with Redis
 * and without, in one instance and across instances ({@link ScanRuns}); a load test, also through a
 * Redis kill and restart ({@link LoadPhase}); the warm-up on one of two instances ({@link WarmUpCheck}).
 * Everything runs on 127.0.0.1 and stops by itself. Prints a table, writes JSON, and exits 1 when a
 * regression gate fails (2 on bad arguments). With {@code --scale-out}, the scale-out phase instead
 * ({@link ScaleOutPhase}): the same scans and loads on memory, one Redis, Sentinel and Cluster, and failovers.
 * Not a test: run it with {@code bench/harness.sh [--short | --scale-out]}.
 */
public final class Harness {

    private final HarnessOptions options;
    private final HarnessReport report;
    private final String adminToken = "harness-" + UUID.randomUUID();
    private final Instant startedAt = Instant.now();

    private Harness(HarnessOptions options) {
        this.options = options;
        this.report = new HarnessReport(options);
    }

    public static void main(String[] args) {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isDirectory(options.dataDir()) || !Files.isRegularFile(options.portfolio())) {
            System.err.println("need the market data folder " + options.dataDir() + " and the portfolio "
                    + options.portfolio() + " (run from the project folder, or pass --data / --portfolio)");
            System.exit(2);
        }
        int exit;
        try {
            exit = new Harness(options).run();
        } catch (Exception e) {
            System.err.println("the harness failed: " + e);
            e.printStackTrace();
            exit = 1;
        }
        // Spring contexts and client pools keep threads; RealRedis's shutdown hook kills any server left.
        System.exit(exit);
    }

    /** The note of a gate that a market close excused. */
    static String closeNote(boolean crossedClose) {
        return crossedClose ? "; not judged: the run crossed the US market close, when cached histories expire" : "";
    }

    private int run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        String portfolioCsv = Files.readString(options.portfolio());
        System.err.println("harness: " + options.command());
        if (options.scaleOut()) {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(options.dataDir()).latency(options.latency())
                    .tooManyRequestsRate(options.tooManyRequests()).start()) {
                new ScaleOutPhase(new ScaleOutSetup(options, yahoo, portfolioCsv, adminToken)).runAndReport(report, this::crossedClose);
            }
            return finish(started);
        }
        try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(options.dataDir()).latency(options.latency())
                .tooManyRequestsRate(options.tooManyRequests()).start();
             RealRedis redis = RealRedis.start();
             RedisCommandCounter commands = new RedisCommandCounter(redis.url())) {
            System.err.println("harness: Yahoo stand-in at " + yahoo.baseUrl() + ", Redis at " + redis.url());
            List<ScanRuns.Run> runs = new ScanRuns(options, yahoo, redis, commands, portfolioCsv, adminToken).measure();
            new ScanFigures(options, runs, report, crossedClose()).addTo();
            new LoadPhase(options, yahoo, redis, commands, portfolioCsv, runs.get(0).cold().scores(), adminToken)
                    .runAndReport(report, this::crossedClose);
        }
        System.err.println("harness: warm-up on two instances sharing one Redis");
        reportWarmUp(new WarmUpCheck(options, adminToken).run());
        return finish(started);
    }

    /** Prints the table and writes the JSON; the exit code: 0 when every gate passed, else 1. */
    private int finish(long started) throws IOException {
        double seconds = (System.nanoTime() - started) / 1e9;
        report.print(System.out, seconds);
        report.writeJson(seconds);
        return report.gatesPassed() ? 0 : 1;
    }

    private void reportWarmUp(WarmUpCheck.Result warmUp) {
        boolean one = warmUp.oneInstanceOnly();
        String states = String.format(Locale.ROOT, "A: '%s', %d scores, its stand-in %d data requests; "
                        + "B: '%s', %d scores, its stand-in %d data requests", warmUp.stateA(), warmUp.warmedA(),
                warmUp.requestsA(), warmUp.stateB(), warmUp.warmedB(), warmUp.requestsB());
        report.section("Warm-up with two instances on one Redis (both with warm-up on, each on its own stand-in)",
                List.of(Figure.info("warm_up_one_instance", "warm-up ran on one instance only", one ? 1 : 0, "yes/no",
                        states).withTarget("yes", one)));
        report.gate("warm-up runs on one instance only", one, states);
    }

    /**
     * Whether the run went past a US market close: cached histories expire then by design (DATA.md), so a
     * warm scan may fetch again and its upstream calls are no regression.
     */
    private boolean crossedClose() {
        return Instant.now().isAfter(MarketHours.nextClose(startedAt));
    }
}
