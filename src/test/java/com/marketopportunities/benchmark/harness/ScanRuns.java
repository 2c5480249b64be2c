package com.marketopportunities.benchmark.harness;

import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import com.marketopportunities.testredis.RealRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The cold and warm scans, repeated {@code runs} times from a fresh state. One run:
 * <ol>
 *   <li>instance A starts (new process state: empty in-process level, new Yahoo session); it clears
 *       {@code stock_score:*} and {@code market_data:*} through the management API, so Redis holds nothing
 *       of the portfolio either; then the cold scan;</li>
 *   <li>warm scans in A (the first of them is the "second scan" of the replaced system's figures);</li>
 *   <li>instance B starts beside A on the same Redis and scans once: warm from a fresh instance, Redis only;</li>
 *   <li>Redis is killed: A scans again (its in-process level answers), and a fresh instance C, started with
 *       Redis down, scans cold;</li>
 *   <li>Redis restarts empty on its port; A, B and C close.</li>
 * </ol>
 * A fresh instance for each cold run is needed: A's in-process level would answer otherwise. Redis is
 * empty at each cold scan because it was restarted empty at the end of the previous run (the first run
 * has a new one); the clear through the management API is a second guard, and the report checks the
 * cold scan saw zero hits, of scores and of market data alike.
 */
final class ScanRuns {

    /** What one run measured. */
    record Run(ScanOutcome cold, UpstreamTraffic coldTraffic, List<ScanOutcome> warm, UpstreamTraffic warmTraffic,
               InstanceCounts afterWarm, ScanOutcome fresh, UpstreamTraffic freshTraffic, ScanOutcome redisDownWarm,
               UpstreamTraffic redisDownWarmTraffic, ScanOutcome redisDownFresh, UpstreamTraffic redisDownFreshTraffic,
               double instanceStartMs, double redisDownStartMs, RedisCommands redisCommands) {
    }

    /** Instance A's {@code /cache/stats} counters after its cold and warm scans. */
    record InstanceCounts(long hits, long misses, double hitRate) {
    }

    /**
     * Redis commands (round trips) sent by the cold scan, by each warm scan of the same instance on
     * average, and by the fresh instance's first scan; -1 where they could not be counted.
     */
    record RedisCommands(long cold, double warmSameInstance, long freshInstance) {
    }

    private final HarnessOptions options;
    private final YahooStandIn yahoo;
    private final RealRedis redis;
    private final String portfolioCsv;
    private final String adminToken;

    private final RedisCommandCounter commands;

    ScanRuns(HarnessOptions options, YahooStandIn yahoo, RealRedis redis, RedisCommandCounter commands,
             String portfolioCsv, String adminToken) {
        this.commands = commands;
        this.options = options;
        this.yahoo = yahoo;
        this.redis = redis;
        this.portfolioCsv = portfolioCsv;
        this.adminToken = adminToken;
    }

    List<Run> measure() {
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= options.runs(); i++) {
            Run run = once(i);
            runs.add(run);
            System.err.printf(Locale.ROOT, "run %d/%d: cold %.0f ms (%d upstream calls), second %.1f ms, "
                            + "fresh instance %.1f ms, Redis down: warm %.1f ms, fresh instance %.0f ms%n",
                    i, options.runs(), run.cold().millis(), run.cold().stats().upstreamCalls(),
                    run.warm().get(0).millis(), run.fresh().millis(), run.redisDownWarm().millis(),
                    run.redisDownFresh().millis());
        }
        return runs;
    }

    private Run once(int number) {
        if (!redis.isRunning()) {
            redis.restart();
        }
        ServiceInstance a = start("A" + number);
        ServiceInstance b = null;
        ServiceInstance c = null;
        try {
            a.clear("stock_score:*");
            a.clear("market_data:*");

            UpstreamTraffic.Mark mark = UpstreamTraffic.mark(yahoo);
            long before = commands.processed();
            ScanOutcome cold = scan(a);
            long coldCommands = RedisCommandCounter.between(before, commands.processed());
            UpstreamTraffic coldTraffic = mark.since();

            mark = UpstreamTraffic.mark(yahoo);
            before = commands.processed();
            List<ScanOutcome> warm = new ArrayList<>();
            for (int i = 0; i < options.warmScansPerRun(); i++) {
                warm.add(scan(a));
            }
            long warmCommands = RedisCommandCounter.between(before, commands.processed());
            UpstreamTraffic warmTraffic = mark.since();
            JsonNode stats = a.cacheStats();
            InstanceCounts counts = new InstanceCounts(stats.path("hits").asLong(), stats.path("misses").asLong(),
                    stats.path("hit_rate").asDouble());

            b = start("B" + number);
            mark = UpstreamTraffic.mark(yahoo);
            before = commands.processed();
            ScanOutcome fresh = scan(b);
            long freshCommands = RedisCommandCounter.between(before, commands.processed());
            UpstreamTraffic freshTraffic = mark.since();

            redis.stop();
            mark = UpstreamTraffic.mark(yahoo);
            ScanOutcome downWarm = scan(a);
            UpstreamTraffic downWarmTraffic = mark.since();
            c = start("C" + number);
            mark = UpstreamTraffic.mark(yahoo);
            ScanOutcome downFresh = scan(c);
            UpstreamTraffic downFreshTraffic = mark.since();

            return new Run(cold, coldTraffic, warm, warmTraffic, counts, fresh, freshTraffic, downWarm,
                    downWarmTraffic, downFresh, downFreshTraffic, b.startTime.toNanos() / 1e6,
                    c.startTime.toNanos() / 1e6, new RedisCommands(coldCommands,
                    warmCommands < 0 ? -1 : (double) warmCommands / warm.size(), freshCommands));
        } finally {
            closeQuietly(c);
            closeQuietly(b);
            closeQuietly(a);
            if (!redis.isRunning()) {
                redis.restart();
            }
        }
    }

    private ServiceInstance start(String name) {
        return ServiceInstance.start(name, yahoo.baseUrl(), redis.url(), adminToken, false, null);
    }

    private ScanOutcome scan(ServiceInstance instance) {
        return instance.scan(portfolioCsv, "medium", options.asOf());
    }

    static void closeQuietly(ServiceInstance instance) {
        if (instance != null) {
            try {
                instance.close();
            } catch (RuntimeException e) {
                System.err.println("closing " + instance.name + ": " + e);
            }
        }
    }
}
