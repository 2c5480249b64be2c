package com.marketopportunities.benchmark.harness;

import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import com.marketopportunities.testredis.RealRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Two instances sharing one Redis, both with the scheduled warm-up on: only one of them may warm.
 * Each instance talks to its own Yahoo stand-in (same data, same latency), so each stand-in's log shows
 * exactly what its instance fetched; the instances' {@code warm_up} state (cache stats) says which ran
 * and which skipped. The warm-up starts 5 s after an instance starts; the check watches until both
 * have tried (at most {@link #PATIENCE}), then stops both, the running warm-up with them.
 */
final class WarmUpCheck {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * @param stateA         A's warm-up state once both had tried ("running", "done", "skipped: ...")
     * @param stateB         B's
     * @param requestsA      data requests A's stand-in answered meanwhile
     * @param requestsB      data requests B's stand-in answered meanwhile
     * @param warmedA        scores A had warmed
     * @param warmedB        scores B had warmed
     * @param waitedSeconds  from B's start to both states known
     */
    record Result(String stateA, String stateB, long requestsA, long requestsB, int warmedA, int warmedB,
                  double waitedSeconds) {

        /** Exactly one instance warmed, and the other said it skipped because another instance was warming. */
        boolean oneInstanceOnly() {
            return (warmed(stateA, requestsA) && skipped(stateB, requestsB))
                    || (warmed(stateB, requestsB) && skipped(stateA, requestsA));
        }

        private static boolean warmed(String state, long requests) {
            return (state.equals("running") || state.startsWith("done")) && requests > 0;
        }

        private static boolean skipped(String state, long requests) {
            return state.startsWith("skipped") && requests == 0;
        }
    }

    private final HarnessOptions options;
    private final String adminToken;

    WarmUpCheck(HarnessOptions options, String adminToken) {
        this.options = options;
        this.adminToken = adminToken;
    }

    Result run() throws IOException, InterruptedException {
        Path config = Files.createDirectories(Path.of("target/benchmarks")).resolve("harness-warm-up.properties");
        Files.writeString(config, "# written by the benchmark harness: a quick warm-up for the one-instance check\n"
                + "cache.warm-scores-per-second=50\n");
        try (YahooStandIn yahooA = standIn(); YahooStandIn yahooB = standIn(); RealRedis redis = RealRedis.start()) {
            ServiceInstance a = ServiceInstance.start("warm-A", yahooA.baseUrl(), redis.url(), adminToken, true, config);
            ServiceInstance b = null;
            try {
                b = ServiceInstance.start("warm-B", yahooB.baseUrl(), redis.url(), adminToken, true, config);
                long started = System.nanoTime();
                long giveUp = started + PATIENCE.toNanos();
                String stateA = state(a);
                String stateB = state(b);
                while ((stateA.equals("idle") || stateB.equals("idle")) && System.nanoTime() < giveUp) {
                    Thread.sleep(200);
                    stateA = state(a);
                    stateB = state(b);
                }
                double waited = (System.nanoTime() - started) / 1e9;
                Thread.sleep(1_000); // let the warming one show its traffic
                var warmA = a.cacheStats().path("warm_up");
                var warmB = b.cacheStats().path("warm_up");
                return new Result(stateA, stateB, dataRequests(yahooA), dataRequests(yahooB),
                        warmA.path("done").asInt(), warmB.path("done").asInt(), waited);
            } finally {
                ScanRuns.closeQuietly(b);
                ScanRuns.closeQuietly(a);
            }
        }
    }

    private YahooStandIn standIn() {
        return YahooStandIn.builder().dataDir(options.dataDir()).latency(options.latency())
                .tooManyRequestsRate(options.tooManyRequests()).start();
    }

    private static String state(ServiceInstance instance) {
        return instance.cacheStats().path("warm_up").path("state").asString();
    }

    private static long dataRequests(YahooStandIn standIn) {
        return standIn.requests().stream().filter(request -> request.endpoint().carriesData()).count();
    }
}
