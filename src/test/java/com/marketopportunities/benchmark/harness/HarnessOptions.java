package com.marketopportunities.benchmark.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What one harness run does: the upstream it simulates, how many runs each median takes, the load it
 * sends. {@code --short} (CI) lowers every default; {@code --scale-out} runs the scale-out phase instead
 * of the main one (3 runs per backend unless {@code --runs} says otherwise); an explicit flag still wins.
 *
 * @param dataDir          the market-data folder the Yahoo stand-in serves
 * @param portfolio        the portfolio file every scan sends
 * @param asOf             the scans' as-of date (the shared data ends in 2022-2025)
 * @param latency          time the stand-in adds to every answer
 * @param tooManyRequests  share (0..1) of data requests the stand-in answers 429
 * @param runs             cold runs; each cold, warm and fresh-instance figure is a median over them
 * @param warmScansPerRun  warm scans in the same instance after each cold scan
 * @param clients          concurrent clients of the load test
 * @param loadDuration     how long each load test sends
 * @param ciShort          the short form for CI
 * @param scaleOut         the scale-out phase (memory, one Redis, Sentinel, Cluster, two instances on Cluster,
 *                         and the failovers) instead of the main one
 * @param jsonReport       where the JSON report goes
 */
record HarnessOptions(Path dataDir, Path portfolio, LocalDate asOf, Duration latency, double tooManyRequests,
                      int runs, int warmScansPerRun, int clients, Duration loadDuration, boolean ciShort,
                      boolean scaleOut, Path jsonReport) {

    static final String USAGE = """
            usage: bench/harness.sh [--short] [--scale-out] [--latency-ms N] [--rate-429 R] [--runs N] [--clients N]
                                    [--seconds T] [--data DIR] [--portfolio FILE] [--json FILE]
              full defaults:   --latency-ms 300 --rate-429 0.05 --runs 5 --clients 8 --seconds 20
              --short (CI):    --latency-ms 100 --rate-429 0.05 --runs 3 --clients 4 --seconds 5;
                               exits 1 when a regression gate fails
              --scale-out:     memory, one Redis, Sentinel, Cluster and two instances on Cluster, then a Sentinel
                               and a Cluster master killed under load; --runs 3 per backend, JSON in
                               target/benchmarks/harness-scale-out.json""";

    HarnessOptions {
        if (runs < 1 || warmScansPerRun < 1 || clients < 1 || loadDuration.isNegative() || loadDuration.isZero()) {
            throw new IllegalArgumentException("runs, clients and seconds must be at least 1");
        }
        if (!(tooManyRequests >= 0 && tooManyRequests <= 1)) {
            throw new IllegalArgumentException("--rate-429 must be within 0..1: " + tooManyRequests);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("--latency-ms must not be negative");
        }
    }

    /** Parses the command line; throws {@link IllegalArgumentException} with a message a person can act on. */
    static HarnessOptions parse(String... args) {
        boolean ciShort = false;
        boolean scaleOut = false;
        for (String arg : args) {
            ciShort |= arg.equals("--short");
            scaleOut |= arg.equals("--scale-out");
        }
        String envData = System.getenv("MARKET_DATA_DIR");
        Path dataDir = Path.of(envData == null || envData.isBlank() ? "../shared/market-data" : envData);
        Path portfolio = Path.of("bench/portfolio-29.csv");
        Path json = Path.of(scaleOut ? "target/benchmarks/harness-scale-out.json" : "target/benchmarks/harness.json");
        long latencyMs = ciShort ? 100 : 300;
        double rate = 0.05;
        int runs = ciShort || scaleOut ? 3 : 5;
        int clients = ciShort ? 4 : 8;
        long seconds = ciShort ? 5 : 20;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--short") || arg.equals("--scale-out")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + arg + "\n" + USAGE);
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--latency-ms" -> latencyMs = Long.parseLong(value);
                    case "--rate-429" -> rate = Double.parseDouble(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--seconds" -> seconds = Long.parseLong(value);
                    case "--data" -> dataDir = Path.of(value);
                    case "--portfolio" -> portfolio = Path.of(value);
                    case "--json" -> json = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " wants a number, got '" + value + "'\n" + USAGE);
            }
        }
        return new HarnessOptions(dataDir, portfolio, LocalDate.of(2022, 12, 5), Duration.ofMillis(latencyMs), rate,
                runs, ciShort ? 5 : 10, clients, Duration.ofSeconds(seconds), ciShort, scaleOut, json);
    }

    /** The flags that reproduce this run, for the report. */
    String command() {
        return String.format(Locale.ROOT, "bash bench/harness.sh%s%s --latency-ms %d --rate-429 %s --runs %d --clients %d"
                        + " --seconds %d", ciShort ? " --short" : "", scaleOut ? " --scale-out" : "", latency.toMillis(),
                rate(), runs, clients, loadDuration.toSeconds());
    }

    private String rate() {
        return tooManyRequests == Math.rint(tooManyRequests) ? Long.toString((long) tooManyRequests)
                : Double.toString(tooManyRequests);
    }
}
