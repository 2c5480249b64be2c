package com.marketopportunities.benchmark.harness;

import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import com.marketopportunities.testredis.RealRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The load tests against one warm instance: N clients for T seconds, then the same while Redis is
 * killed at 30 % of the run and restarted empty at 60 %; then a fresh instance's first scan, to show
 * what the restart left in Redis. Adds its figures and gates to the report.
 */
final class LoadPhase {

    /** Load before the measured load tests, not measured: the JIT and the pools settle. */
    static final Duration RAMP = Duration.ofSeconds(2);

    private final HarnessOptions options;
    private final YahooStandIn yahoo;
    private final RealRedis redis;
    private final RedisCommandCounter commands;
    private final String portfolioCsv;
    private final ScoreFingerprint baseline;
    private final String adminToken;

    LoadPhase(HarnessOptions options, YahooStandIn yahoo, RealRedis redis, RedisCommandCounter commands,
              String portfolioCsv, ScoreFingerprint baseline, String adminToken) {
        this.options = options;
        this.yahoo = yahoo;
        this.redis = redis;
        this.commands = commands;
        this.portfolioCsv = portfolioCsv;
        this.baseline = baseline;
        this.adminToken = adminToken;
    }

    /** @param crossedClose whether the run has gone past a US market close (then upstream calls are excused) */
    void runAndReport(HarnessReport report, BooleanSupplier crossedClose) throws InterruptedException {
        if (!redis.isRunning()) {
            redis.restart();
        }
        ServiceInstance target = ServiceInstance.start("L", yahoo.baseUrl(), redis.url(), adminToken, false, null);
        try {
            for (int i = 0; i < 50; i++) { // the first fills the caches, the rest let the JIT see the warm path
                ScanOutcome scan = target.scan(portfolioCsv, "medium", options.asOf());
                if (!scan.ok()) {
                    throw new IllegalStateException("the load test's instance does not scan: " + scan.failure());
                }
            }
            LoadTest load = new LoadTest(List.of(target), portfolioCsv, "medium", options.asOf(), baseline);
            Duration duration = options.loadDuration();
            System.err.printf(Locale.ROOT, "harness: load test, %d clients x %d s%n", options.clients(),
                    duration.toSeconds());
            load.run(options.clients(), RAMP, List.of());
            long before = commands.processed();
            LoadTest.Result steady = load.run(options.clients(), duration, List.of());
            long steadyCommands = RedisCommandCounter.between(before, commands.processed());
            System.err.println("harness: " + steady.summary());

            Duration killAt = Duration.ofMillis(duration.toMillis() * 3 / 10);
            Duration restartAt = Duration.ofMillis(duration.toMillis() * 6 / 10);
            System.err.printf(Locale.ROOT, "harness: load test with Redis killed at %.1f s and restarted at %.1f s%n",
                    killAt.toMillis() / 1e3, restartAt.toMillis() / 1e3);
            LoadTest.Result killed = load.run(options.clients(), duration, List.of(
                    new LoadTest.Disruption("Redis killed (SIGKILL)", killAt, redis::stop),
                    new LoadTest.Disruption("Redis restarted empty", restartAt, redis::restart)));
            System.err.println("harness: " + killed.summary());
            double redisBack = awaitRedisInUse(target);

            ScanOutcome afterRestart;
            UpstreamTraffic afterRestartTraffic;
            try (ServiceInstance fresh = ServiceInstance.start("F", yahoo.baseUrl(), redis.url(), adminToken, false,
                    null)) {
                UpstreamTraffic.Mark mark = UpstreamTraffic.mark(yahoo);
                afterRestart = fresh.scan(portfolioCsv, "medium", options.asOf());
                afterRestartTraffic = mark.since();
            }
            steadyFigures(report, steady, steadyCommands);
            killFigures(report, killed, redisBack, afterRestart, afterRestartTraffic);
            gates(report, steady, killed, crossedClose.getAsBoolean());
        } finally {
            ScanRuns.closeQuietly(target);
            if (!redis.isRunning()) {
                redis.restart();
            }
        }
    }

    private void steadyFigures(HarnessReport report, LoadTest.Result steady, long redisCommands) {
        boolean eight = options.clients() == 8;
        String notJudged = eight ? "" : " with 8 clients (not judged here)";
        report.section(String.format(Locale.ROOT, "Load test: %d concurrent clients x %d s, warm cache, one instance",
                options.clients(), options.loadDuration().toSeconds()), List.of(
                Figure.info("load_throughput", "throughput, " + options.clients() + " clients", steady.throughput(),
                        "scans/s", steady.requests() + " scans in " + fmt1(steady.seconds()) + " s")
                        .withTarget(">= 100 scans/s" + notJudged, eight ? steady.throughput() >= 100 : null),
                Figure.info("load_p50_ms", "p50 latency", steady.p50Ms(), "ms", ""),
                Figure.info("load_p99_ms", "p99 latency", steady.p99Ms(), "ms", "max " + fmt1(steady.maxMs()) + " ms")
                        .withTarget("< 250 ms" + notJudged, eight ? steady.p99Ms() < 250 : null),
                Figure.info("load_errors", "failed requests", steady.errors(), "count",
                        String.join("; ", steady.problems())).withTarget("0", steady.errors() == 0),
                Figure.info("load_lost_scores", "answers with other scores", steady.lostScores(), "count", "")
                        .withTarget("0", steady.lostScores() == 0),
                Figure.info("load_upstream_calls", "upstream calls during the load", steady.upstreamCalls(), "calls", "")
                        .withTarget("0", steady.upstreamCalls() == 0),
                Figure.info("load_redis_commands_per_scan", "Redis commands per warm scan under load",
                        redisCommands < 0 ? -1 : (double) redisCommands / steady.requests(), "commands",
                        redisCommands + " commands for " + steady.requests() + " scans")));
    }

    private void killFigures(HarnessReport report, LoadTest.Result killed, double redisBack, ScanOutcome afterRestart,
                             UpstreamTraffic afterRestartTraffic) {
        ScanOutcome.ScanStats fresh = afterRestart.stats();
        report.section("Load test through a Redis kill and restart: " + String.join(", ", killed.events()), List.of(
                Figure.info("kill_throughput", "throughput, " + options.clients() + " clients", killed.throughput(),
                        "scans/s", killed.requests() + " scans in " + fmt1(killed.seconds()) + " s"),
                Figure.info("kill_p50_ms", "p50 latency", killed.p50Ms(), "ms", ""),
                Figure.info("kill_p99_ms", "p99 latency", killed.p99Ms(), "ms", "max " + fmt1(killed.maxMs()) + " ms"),
                Figure.info("kill_errors", "failed requests", killed.errors(), "count",
                        String.join("; ", killed.problems())).withTarget("0", killed.errors() == 0),
                Figure.info("kill_lost_scores", "answers with other scores (lost scores)", killed.lostScores(), "count",
                        "").withTarget("0", killed.lostScores() == 0),
                Figure.info("kill_redis_back_s", "wait after the load for Redis in use again", redisBack, "s",
                        "from the end of the load until /cache/stats shows redis connected and its breaker CLOSED"
                                + " (0: already); -1: not within 15 s"),
                Figure.info("kill_fresh_after_restart_calls", "upstream calls of a fresh instance's first scan after"
                        + " the restart", fresh.upstreamCalls(), "calls", String.format(Locale.ROOT, "%.0f ms, %d score"
                                + " hits of %d, stand-in log %d data requests: Redis came back empty and the loaded"
                                + " instance served from its own level without writing back", afterRestart.millis(),
                        fresh.cacheHits(), fresh.cacheHits() + fresh.cacheMisses(), afterRestartTraffic.dataRequests()))));
    }

    private static void gates(HarnessReport report, LoadTest.Result steady, LoadTest.Result killed,
                              boolean crossedClose) {
        List<String> problems = new ArrayList<>(steady.problems());
        problems.addAll(killed.problems());
        String examples = problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")";
        report.gate("no failed request in the load tests", steady.errors() + killed.errors() == 0,
                steady.errors() + " steady, " + killed.errors() + " through the Redis kill" + examples);
        report.gate("no lost score in the load tests", steady.lostScores() + killed.lostScores() == 0,
                steady.lostScores() + " steady, " + killed.lostScores() + " through the Redis kill" + examples);
        report.gate("throughput through the Redis kill >= 0.5 x steady throughput",
                killed.throughput() >= 0.5 * steady.throughput(),
                fmt1(killed.throughput()) + " vs " + fmt1(steady.throughput()) + " scans/s");
        report.gate("no upstream call under warm load", steady.upstreamCalls() + killed.upstreamCalls() == 0
                        || crossedClose, steady.upstreamCalls() + " steady, " + killed.upstreamCalls()
                        + " through the Redis kill" + Harness.closeNote(crossedClose));
        boolean disrupted = killed.events().size() == 2 && killed.events().stream().noneMatch(e -> e.contains("failed"));
        report.gate("Redis was killed and restarted under load", disrupted, String.join("; ", killed.events()));
    }

    /** Seconds until the instance reports Redis connected with a closed breaker, or -1 after 15 s. */
    private static double awaitRedisInUse(ServiceInstance instance) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
            JsonNode redis = instance.cacheStats().path("redis");
            if (redis.path("connected").asBoolean() && redis.path("breaker_state").asString().equals("CLOSED")) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static String fmt1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
