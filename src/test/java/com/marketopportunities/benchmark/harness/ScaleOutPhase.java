package com.marketopportunities.benchmark.harness;

import com.marketopportunities.testredis.RealRedis;
import com.marketopportunities.testredis.RealRedisCluster;
import com.marketopportunities.testredis.RealRedisSentinel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The scale-out phase (issue 14, {@code bench/harness.sh --scale-out}): the same scans and loads for one
 * instance on memory, on one Redis, on Sentinel, on Cluster, and two instances on Cluster; then a Sentinel
 * master and a Cluster master killed under load ({@link Failovers}). One Redis, a Sentinel group (master,
 * replica, three Sentinels) and a Cluster (three masters, three replicas) run side by side for the whole
 * phase, so that the cold runs ({@link ScaleOutRuns}) and the warm scans can take turns; then each backend's
 * load on its warm instances, one backend at a time; the failovers come last, as they change the roles.
 * Everything stops at the end.
 */
final class ScaleOutPhase {

    /** Warm scans measured per backend, in turns with the other backends. */
    static final int WARM_SCANS = 100;

    private final ScaleOutSetup setup;
    private final HarnessOptions options;

    ScaleOutPhase(ScaleOutSetup setup) {
        this.setup = setup;
        this.options = setup.options();
    }

    /** The backends of issue 14's table, in its order. */
    static List<CacheBackend> backends(String redisUrl, String sentinelUrl, String clusterUrl) {
        return List.of(new CacheBackend("memory", "one instance on memory", "", 1),
                new CacheBackend("redis", "one instance on one Redis", redisUrl, 1),
                new CacheBackend("sentinel", "one instance on Sentinel", sentinelUrl, 1),
                new CacheBackend("cluster", "one instance on Cluster", clusterUrl, 1),
                new CacheBackend("cluster_two", "two instances on Cluster", clusterUrl, 2));
    }

    /** @param crossedClose whether the run has gone past a US market close (then warm upstream calls are excused) */
    void runAndReport(HarnessReport report, BooleanSupplier crossedClose) throws InterruptedException {
        try (RealRedis redis = RealRedis.start();
             RealRedisSentinel sentinel = RealRedisSentinel.start();
             RealRedisCluster cluster = RealRedisCluster.start()) {
            System.err.println("harness: scale-out on " + redis.url() + ", " + sentinel.url() + ", " + cluster.url());
            List<CacheBackend> backends = backends(redis.url(), sentinel.url(), cluster.url());
            ScoreFingerprint baseline = firstColdScan();
            Map<CacheBackend, List<ScaleOutRun>> runs = new ScaleOutRuns(setup).measure(backends);

            Map<CacheBackend, List<ServiceInstance>> warmInstances = new LinkedHashMap<>();
            List<BackendFigures> figures = new ArrayList<>();
            try {
                for (CacheBackend backend : backends) {
                    List<ServiceInstance> instances = new ArrayList<>();
                    warmInstances.put(backend, instances);
                    for (int i = 1; i <= backend.instances(); i++) {
                        instances.add(setup.warmInstance(backend.key() + "-L" + i, backend.redisUrl()));
                    }
                }
                WarmScans warm;
                Map<CacheBackend, List<RedisCommandCounter>> masters = new LinkedHashMap<>();
                try {
                    masters.put(backends.get(1), List.of(new RedisCommandCounter(redis.url())));
                    masters.put(backends.get(2), List.of(new RedisCommandCounter(sentinel.master().url())));
                    List<RedisCommandCounter> clusterMasters = cluster.masters().stream()
                            .map(master -> new RedisCommandCounter(master.url())).toList();
                    masters.put(backends.get(3), clusterMasters);
                    masters.put(backends.get(4), clusterMasters);
                    warm = warmScansInTurns(warmInstances, masters);
                } finally {
                    masters.values().stream().flatMap(List::stream).distinct().forEach(RedisCommandCounter::close);
                }
                // one ramp on every backend first: the first load measured would otherwise pay for the JIT's
                // compiling the paths of concurrent requests
                for (CacheBackend backend : backends) {
                    setup.load(warmInstances.get(backend), baseline).run(options.clients(), LoadPhase.RAMP, List.of());
                }
                for (CacheBackend backend : backends) {
                    figures.add(BackendFigures.of(backend, runs.get(backend), warm.scans().get(backend),
                            Samples.of(warm.redisCommands().get(backend)), load(backend, warmInstances.get(backend),
                                    baseline), baseline));
                }
            } finally {
                warmInstances.values().forEach(instances -> instances.forEach(ScanRuns::closeQuietly));
            }
            Failovers failovers = new Failovers(setup, baseline);
            Failovers.SentinelFailover sentinelKill = failovers.sentinel(sentinel);
            Failovers.ClusterFailover clusterKill = failovers.cluster(cluster);
            long lookups = runs.get(backends.get(0)).get(0).scoreLookups();
            new ScaleOutFigures(options, report, baseline, crossedClose.getAsBoolean())
                    .addTo(figures, sentinelKill, clusterKill, lookups);
        }
    }

    /**
     * A cold scan on memory, not measured: the JVM's first scan pays for class loading and the JIT, which
     * would fall on the first backend measured. Its scores are the baseline every answer is compared with.
     */
    private ScoreFingerprint firstColdScan() {
        try (ServiceInstance instance = setup.start("jvm-warm-up", "")) {
            ScanOutcome cold = setup.scan(instance);
            if (!cold.ok()) {
                throw new IllegalStateException("the first cold scan failed: " + cold.failure());
            }
            System.err.printf(Locale.ROOT, "harness: first cold scan (JVM warm-up, not measured) %.0f ms%n", cold.millis());
            return cold.scores();
        }
    }

    /** The warm scans of every backend and the Redis commands each sent (where they could be counted). */
    record WarmScans(Map<CacheBackend, List<ScanOutcome>> scans, Map<CacheBackend, List<Double>> redisCommands) {
    }

    /**
     * {@link #WARM_SCANS} warm scans per backend, one backend after the other in each round and the first of a
     * round moving on each time, so that a busy moment of the machine and the order fall on every backend alike:
     * the ratios between backends are then those of the backends, not of the moments. A two-instance backend
     * alternates its instances. Around each scan, the commands its Redis masters processed are read
     * ({@code INFO stats} on each master, {@link RedisCommandCounter}).
     *
     * @param masters each backend's Redis masters, none for memory
     */
    private WarmScans warmScansInTurns(Map<CacheBackend, List<ServiceInstance>> instances,
                                       Map<CacheBackend, List<RedisCommandCounter>> masters) {
        List<CacheBackend> backends = List.copyOf(instances.keySet());
        Map<CacheBackend, List<ScanOutcome>> scans = new LinkedHashMap<>();
        Map<CacheBackend, List<Double>> commands = new LinkedHashMap<>();
        backends.forEach(backend -> {
            scans.put(backend, new ArrayList<>());
            commands.put(backend, new ArrayList<>());
        });
        System.err.printf(Locale.ROOT, "harness: %d warm scans per backend, in turns%n", WARM_SCANS);
        for (int round = 0; round < WARM_SCANS; round++) {
            for (int i = 0; i < backends.size(); i++) {
                CacheBackend backend = backends.get((round + i) % backends.size());
                List<ServiceInstance> own = instances.get(backend);
                List<RedisCommandCounter> counters = masters.getOrDefault(backend, List.of());
                long[] before = counters.stream().mapToLong(RedisCommandCounter::processed).toArray();
                scans.get(backend).add(setup.scan(own.get(round % own.size())));
                long sent = counters.isEmpty() ? -1 : RedisCommandCounter.between(before, counters);
                if (sent >= 0) {
                    commands.get(backend).add((double) sent);
                }
            }
        }
        return new WarmScans(scans, commands);
    }

    /** The load test of one backend on its warm instances: a ramp not measured, then the measured load. */
    private LoadTest.Result load(CacheBackend backend, List<ServiceInstance> instances, ScoreFingerprint baseline)
            throws InterruptedException {
        LoadTest load = setup.load(instances, baseline);
        load.run(options.clients(), LoadPhase.RAMP, List.of());
        LoadTest.Result result = load.run(options.clients(), options.loadDuration(), List.of());
        System.err.printf(Locale.ROOT, "harness: load on %s: %s%n", backend.name(), result.summary());
        return result;
    }
}
