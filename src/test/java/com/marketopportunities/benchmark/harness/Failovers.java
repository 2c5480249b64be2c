package com.marketopportunities.benchmark.harness;

import com.marketopportunities.store.SharedStore;
import com.marketopportunities.testredis.RealRedis;
import com.marketopportunities.testredis.RealRedisCluster;
import com.marketopportunities.testredis.RedisNodes;
import com.marketopportunities.testredis.RealRedisSentinel;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * A master killed (SIGKILL) under the load of the scale-out phase: a warm instance, N clients for T
 * seconds, the kill at 30 % of the run. From the kill on, a probe times how long the instance takes to
 * follow: for Sentinel, until a write through the instance's own shared level lands on the promoted
 * replica; for a Cluster, until the instance reads every score key of the killed master again (from its
 * replica). The probe goes on after the load if it must, up to {@link #PATIENCE}.
 */
final class Failovers {

    /** Longest a probe waits for the topology to follow; -1 in the figures when it did not. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration PROBE_EVERY = Duration.ofMillis(100);

    /**
     * A Sentinel master killed under load.
     *
     * @param promotedSeconds from the kill until the replica said it is master; -1: not within the patience
     * @param writingSeconds  from the kill until a write through the instance was read on the promoted replica
     */
    record SentinelFailover(LoadTest.Result load, double promotedSeconds, double writingSeconds) {
    }

    /**
     * A Cluster master killed under load.
     *
     * @param killedKeys      score keys the killed master held
     * @param takeoverSeconds from the kill until its replica said it is master; -1: not within the patience
     * @param resumedSeconds  from the kill until the instance read every one of those keys again
     * @param after           a new instance's first scan once the probe ended
     * @param afterTraffic    what the Yahoo stand-in answered during that scan
     */
    record ClusterFailover(LoadTest.Result load, int killedKeys, double takeoverSeconds, double resumedSeconds,
                           ScanOutcome after, UpstreamTraffic afterTraffic) {
    }

    /** What a probe saw, in seconds from the kill; -1 for what did not happen within the patience. */
    private record Followed(double roleSeconds, double servedSeconds) {
        static final Followed NEVER = new Followed(-1, -1);
    }

    private final ScaleOutSetup setup;
    private final HarnessOptions options;
    private final ScoreFingerprint baseline;

    Failovers(ScaleOutSetup setup, ScoreFingerprint baseline) {
        this.setup = setup;
        this.options = setup.options();
        this.baseline = baseline;
    }

    SentinelFailover sentinel(RealRedisSentinel group) throws InterruptedException {
        RealRedis master = group.master();
        RealRedis replica = group.replica();
        try (ServiceInstance instance = setup.warmInstance("failover-sentinel", group.url())) {
            SharedStore store = instance.sharedStore();
            Killed run = underLoad(instance, "Sentinel master killed (SIGKILL)", master::stop,
                    killedAt -> writesReachTheReplica(store, replica, killedAt));
            return new SentinelFailover(run.load(), run.followed().roleSeconds(), run.followed().servedSeconds());
        }
    }

    ClusterFailover cluster(RealRedisCluster cluster) throws InterruptedException {
        try (ServiceInstance instance = setup.warmInstance("failover-cluster", cluster.url())) {
            cluster.awaitOk();
            RealRedis victim = cluster.currentMasters().stream()
                    .max(Comparator.comparingInt(master -> RealRedisCluster.keysOn(master, "stock_score:*").size()))
                    .orElseThrow();
            List<String> keys = RealRedisCluster.keysOn(victim, "stock_score:*");
            RealRedis replica = cluster.replicaOf(victim);
            System.err.printf(Locale.ROOT, "harness: killing the Cluster master on port %d (%d score keys), its replica"
                    + " on port %d%n", victim.port(), keys.size(), replica.port());
            SharedStore store = instance.sharedStore();
            Killed run = underLoad(instance, "Cluster master on port " + victim.port() + " killed (SIGKILL)",
                    victim::stop, killedAt -> keysServedAgain(store, replica, keys, killedAt));
            ScanOutcome after;
            UpstreamTraffic afterTraffic;
            try (ServiceInstance fresh = setup.start("after-failover", cluster.url())) {
                UpstreamTraffic.Mark mark = UpstreamTraffic.mark(setup.yahoo());
                after = setup.scan(fresh);
                afterTraffic = mark.since();
            }
            return new ClusterFailover(run.load(), keys.size(), run.followed().roleSeconds(),
                    run.followed().servedSeconds(), after, afterTraffic);
        }
    }

    private record Killed(LoadTest.Result load, Followed followed) {
    }

    /**
     * The load on {@code instance} with {@code kill} at 30 % of the run; {@code probe} starts as soon as the kill
     * returned, on a thread of its own, given the kill's {@link System#nanoTime()}.
     */
    private Killed underLoad(ServiceInstance instance, String killName, Runnable kill, LongFunction<Followed> probe)
            throws InterruptedException {
        LoadTest load = setup.load(List.of(instance), baseline);
        load.run(options.clients(), LoadPhase.RAMP, List.of());
        ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "failover-probe");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<Followed> followed = new CompletableFuture<>();
        Duration killAt = Duration.ofMillis(options.loadDuration().toMillis() * 3 / 10);
        System.err.printf(Locale.ROOT, "harness: %d clients x %d s, %s at %.1f s%n", options.clients(),
                options.loadDuration().toSeconds(), killName, killAt.toMillis() / 1e3);
        LoadTest.Result result = load.run(options.clients(), options.loadDuration(), List.of(
                new LoadTest.Disruption(killName, killAt, () -> {
                    kill.run();
                    long killedAt = System.nanoTime();
                    CompletableFuture.supplyAsync(() -> probe.apply(killedAt), prober).whenComplete((seen, error) -> {
                        if (error != null) {
                            followed.completeExceptionally(error);
                        } else {
                            followed.complete(seen);
                        }
                    });
                })));
        System.err.println("harness: " + result.summary() + "; " + String.join(", ", result.events()));
        try {
            return new Killed(result, followed.get(PATIENCE.toSeconds() + 10, TimeUnit.SECONDS));
        } catch (Exception e) {
            System.err.println("harness: the failover probe did not finish: " + e);
            return new Killed(result, Followed.NEVER);
        } finally {
            prober.shutdownNow();
        }
    }

    /** Writes probe keys through the instance's shared level until one is read on {@code replica}, promoted. */
    private static Followed writesReachTheReplica(SharedStore store, RealRedis replica, long killedAt) {
        double promoted = -1;
        for (int probe = 0; since(killedAt) < PATIENCE.toSeconds(); probe++) {
            String key = "stock_score:HARNESS-FAILOVER-PROBE-" + probe;
            store.putAll(Map.of(key, new SharedStore.TimedValue("written after the kill", Duration.ofMinutes(5))));
            pause();
            if (RedisNodes.isMaster(replica)) {
                promoted = promoted < 0 ? since(killedAt) : promoted;
                if ("written after the kill".equals(RedisNodes.valueOn(replica, key))) {
                    return new Followed(promoted, since(killedAt));
                }
            }
        }
        return new Followed(promoted, -1);
    }

    /** Reads {@code keys} through the instance's shared level until every one of them comes back. */
    private static Followed keysServedAgain(SharedStore store, RealRedis replica, List<String> keys, long killedAt) {
        double takeover = -1;
        while (since(killedAt) < PATIENCE.toSeconds()) {
            if (takeover < 0 && RedisNodes.isMaster(replica)) {
                takeover = since(killedAt);
            }
            if (store.getAll(keys).size() == keys.size()) {
                return new Followed(takeover < 0 && RedisNodes.isMaster(replica) ? since(killedAt) : takeover,
                        since(killedAt));
            }
            pause();
        }
        return new Followed(takeover, -1);
    }

    private static double since(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    private static void pause() {
        try {
            Thread.sleep(PROBE_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the failover probe was interrupted", e);
        }
    }
}
