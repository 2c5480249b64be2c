package com.marketopportunities.benchmark.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the scale-out phase's measurements into the report: a section of figures per backend, the
 * comparison with one Redis (the Cluster's warm scan within 10 %), the failovers, the tables that
 * BENCHMARKS.md takes, and the gates.
 */
final class ScaleOutFigures {

    /** Issue 14: a scan on Cluster at most 10 % slower than on one Redis. */
    static final double CLUSTER_RATIO_TARGET = 1.10;
    /** SentinelFailoverTest's bound: the instance writes to the promoted replica within 10 s of the kill. */
    static final double SENTINEL_FOLLOW_TARGET_S = 10;

    private final HarnessOptions options;
    private final HarnessReport report;
    /** The first cold scan's scores (on memory): every answer of every backend must carry them. */
    private final ScoreFingerprint baseline;
    private final boolean crossedClose;

    ScaleOutFigures(HarnessOptions options, HarnessReport report, ScoreFingerprint baseline, boolean crossedClose) {
        this.options = options;
        this.report = report;
        this.baseline = baseline;
        this.crossedClose = crossedClose;
    }

    void addTo(List<BackendFigures> backends, Failovers.SentinelFailover sentinel, Failovers.ClusterFailover cluster,
               long scoreLookups) {
        backends.forEach(this::backendSection);
        BackendFigures redis = find(backends, "redis");
        BackendFigures onCluster = find(backends, "cluster");
        double ratio = onCluster.warmRatioTo(redis);
        comparison(backends, redis, ratio);
        failovers(sentinel, cluster, scoreLookups);
        tables(backends, redis, ratio, sentinel, cluster, scoreLookups);
        gates(backends, sentinel, cluster, scoreLookups);
    }

    private void backendSection(BackendFigures figures) {
        CacheBackend backend = figures.backend();
        String key = backend.key();
        int runs = figures.runs();
        LoadTest.Result load = figures.load();
        String freshNote = backend.shared() ? "" : "memory shares nothing between instances: the new instance's first"
                + " scan is cold, as the first one was";
        List<Figure> redisCommands = backend.shared() ? List.of(figure(key + "_redis_commands_per_warm_scan",
                "Redis commands per warm scan (all masters)", figures.redisCommands(), "commands").withNote(
                "INFO total_commands_processed of each master around each warm scan (the Sentinels' and replicas' own"
                        + " commands included)")) : List.of();
        List<Figure> all = new ArrayList<>(List.of(
                figure(key + "_cold_scan_ms", "cold scan (caches emptied)", figures.cold(), "ms"),
                figure(key + "_fresh_scan_ms", "a new instance's first scan", figures.fresh(), "ms").withNote(freshNote),
                figure(key + "_fresh_hit_rate", "its score hit rate", figures.freshHitRate(), "%")
                        .withTarget(backend.shared() ? "100 %" : "", backend.shared() ? figures.freshAlwaysWarm() : null),
                figure(key + "_fresh_upstream_calls", "its upstream calls", figures.freshUpstream(), "calls"),
                Figure.info(key + "_fresh_fully_warm", "runs whose new instance was fully warm", figures.freshWarm(),
                        "count", "0 upstream calls (answer and stand-in log), every score a hit, the same scores")
                        .withTarget(backend.shared() ? "all " + runs : "",
                                backend.shared() ? figures.freshAlwaysWarm() : null),
                figure(key + "_warm_scan_ms", "warm scan (" + (backend.instances() > 1 ? "alternately in both instances"
                        : "one instance") + ", in turns with the other backends)", figures.warm(), "ms")
                        .withNote("in instances warmed by " + ScaleOutSetup.WARM_UP_SCANS + " scans"),
                Figure.info(key + "_warm_upstream_calls", "upstream calls of a warm scan (max)", figures.warmUpstream(),
                        "calls", Harness.closeNote(crossedClose).replaceFirst("^; ", ""))
                        .withTarget("0", figures.warmUpstream() == 0 || crossedClose ? Boolean.TRUE : Boolean.FALSE),
                Figure.info(key + "_scans_failed", "scans of the runs and warm scans without a 200",
                        figures.failedScans(), "count", "").withTarget("0", figures.failedScans() == 0),
                Figure.info(key + "_scans_other_scores", "answers of the runs and warm scans with other scores",
                        figures.otherScores(), "count", "than the first cold scan, on memory")
                        .withTarget("0", figures.otherScores() == 0),
                Figure.info(key + "_load_throughput", "load: throughput", load.throughput(), "scans/s", load.requests()
                        + " scans in " + fmt1(load.seconds()) + " s" + (backend.instances() > 1 ? ", clients split"
                        + " evenly across the two instances" : "")),
                Figure.info(key + "_load_p50_ms", "load: p50 latency", load.p50Ms(), "ms", ""),
                Figure.info(key + "_load_p99_ms", "load: p99 latency", load.p99Ms(), "ms", "max " + fmt1(load.maxMs())
                        + " ms"),
                Figure.info(key + "_load_errors", "load: failed requests", load.errors(), "count",
                        String.join("; ", load.problems())).withTarget("0", load.errors() == 0),
                Figure.info(key + "_load_lost_scores", "load: lost scores (answers with other scores)", load.lostScores(),
                        "count", "").withTarget("0", load.lostScores() == 0),
                Figure.info(key + "_load_upstream_calls", "load: upstream calls", load.upstreamCalls(), "calls", "")));
        all.addAll(6, redisCommands);
        report.section(String.format(Locale.ROOT, "Scale-out, %s (%s): %d runs, load %d clients x %d s", backend.name(),
                backend.shared() ? backend.redisUrl() : "no Redis", runs, options.clients(),
                options.loadDuration().toSeconds()), all);
    }

    private void comparison(List<BackendFigures> backends, BackendFigures redis, double clusterRatio) {
        List<Figure> figures = new ArrayList<>();
        for (BackendFigures other : backends) {
            String key = other.backend().key();
            if (key.equals("redis") || !other.backend().shared()) {
                continue;
            }
            Figure warm = Figure.info("ratio_" + key + "_warm", other.backend().name() + ": warm scan / one Redis's",
                    other.warmRatioTo(redis), "ratio", HarnessReport.RATIO_NOTE);
            if (key.equals("cluster")) {
                warm = warm.withTarget("<= " + CLUSTER_RATIO_TARGET, clusterRatio <= CLUSTER_RATIO_TARGET);
            }
            figures.add(warm);
            figures.add(Figure.info("ratio_" + key + "_fresh", other.backend().name() + ": new instance's first scan /"
                    + " one Redis's", other.fresh().median() / redis.fresh().median(), "ratio", HarnessReport.RATIO_NOTE));
            figures.add(Figure.info("ratio_" + key + "_load_p50", other.backend().name() + ": load p50 / one Redis's",
                    other.load().p50Ms() / redis.load().p50Ms(), "ratio", HarnessReport.RATIO_NOTE));
            figures.add(Figure.info("ratio_" + key + "_throughput", other.backend().name() + ": throughput / one Redis's",
                    other.load().throughput() / redis.load().throughput(), "ratio", HarnessReport.RATIO_NOTE));
        }
        report.section("Scale-out against one Redis (the same scans, in turns within each round)", figures);
    }

    private void failovers(Failovers.SentinelFailover sentinel, Failovers.ClusterFailover cluster, long lookups) {
        LoadTest.Result s = sentinel.load();
        List<Figure> sentinelFigures = new ArrayList<>(throughKill("sentinel_kill", s));
        sentinelFigures.add(promoted("sentinel_kill_promoted_s", "replica promoted after", sentinel.promotedSeconds()));
        sentinelFigures.add(
                Figure.info("sentinel_kill_writing_s", "the instance writes to the promoted replica after",
                        sentinel.writingSeconds(), "s", "from the kill until a key written through the instance's own"
                                + " shared level was read on the promoted replica (probe every 100 ms)")
                        .withTarget("<= " + (int) SENTINEL_FOLLOW_TARGET_S + " s", sentinel.writingSeconds() >= 0
                                && sentinel.writingSeconds() <= SENTINEL_FOLLOW_TARGET_S));
        report.section("Sentinel master killed (SIGKILL) under load: " + String.join(", ", s.events()), sentinelFigures);

        LoadTest.Result c = cluster.load();
        ScanOutcome after = cluster.after();
        boolean afterWarm = afterWarm(cluster, lookups);
        List<Figure> clusterFigures = new ArrayList<>(throughKill("cluster_kill", c));
        clusterFigures.add(promoted("cluster_kill_takeover_s", "its replica master after", cluster.takeoverSeconds()));
        clusterFigures.addAll(List.of(
                Figure.info("cluster_kill_hits_resume_s", "the instance reads the killed master's " + cluster.killedKeys()
                        + " score keys again after", cluster.resumedSeconds(), "s", "from the kill, through the loaded"
                        + " instance's own shared level (probe every 100 ms); -1: not within "
                        + Failovers.PATIENCE.toSeconds() + " s"),
                Figure.info("cluster_kill_after_hit_rate", "then a new instance's first scan: score hit rate",
                        after.stats().scoreHitRatePct(), "%", String.format(Locale.ROOT, "%.0f ms, %d upstream calls"
                                        + " (stand-in log %d), %s", after.millis(), after.stats().upstreamCalls(),
                                cluster.afterTraffic().total(), !after.ok() ? "failed: " + after.failure()
                                        : baseline.equals(after.scores()) ? "the same scores"
                                        : "other scores: " + after.scores().firstDifference(baseline)))
                        .withTarget("100 %, fully warm", afterWarm)));
        report.section("Cluster master killed (SIGKILL) under load: " + String.join(", ", c.events()), clusterFigures);
    }

    /** The scans, failed requests and lost scores of a load through a kill, named {@code prefix_...}. */
    private static List<Figure> throughKill(String prefix, LoadTest.Result load) {
        return List.of(
                Figure.info(prefix + "_scans", "scans", load.requests(), "count", fmt1(load.throughput())
                        + " scans/s, p99 " + fmt1(load.p99Ms()) + " ms, max " + fmt1(load.maxMs()) + " ms"),
                Figure.info(prefix + "_errors", "failed requests", load.errors(), "count",
                        String.join("; ", load.problems())).withTarget("0", load.errors() == 0),
                Figure.info(prefix + "_lost_scores", "lost scores", load.lostScores(), "count", "")
                        .withTarget("0", load.lostScores() == 0));
    }

    /** Seconds from a kill until the replica said role:master. */
    private static Figure promoted(String name, String label, double seconds) {
        return Figure.info(name, label, seconds, "s", "from the kill until the replica said role:master; -1: not within "
                + Failovers.PATIENCE.toSeconds() + " s");
    }

    private void tables(List<BackendFigures> backends, BackendFigures redis, double clusterRatio,
                        Failovers.SentinelFailover sentinel, Failovers.ClusterFailover cluster, long lookups) {
        BackendFigures first = backends.get(0);
        report.table(new FigureTable(String.format(Locale.ROOT, "Scale-out: %s, medium, as of %s; Yahoo stand-in %d ms,"
                        + " %.0f %% 429; cold and new instance: medians of %d runs per backend; warm: median of %d scans in turns;"
                        + " load %d clients x %d s", options.portfolio(), options.asOf(), options.latency().toMillis(),
                options.tooManyRequests() * 100, first.runs(), ScaleOutPhase.WARM_SCANS, options.clients(),
                options.loadDuration().toSeconds()),
                BackendFigures.COLUMNS, backends.stream().map(BackendFigures::row).toList(), List.of(
                String.format(Locale.ROOT, "Cluster warm scan / one Redis's: %.2f (target <= %.2f: %s)", clusterRatio,
                        CLUSTER_RATIO_TARGET, clusterRatio <= CLUSTER_RATIO_TARGET ? "met" : "NOT MET"))));

        List<List<String>> rows = new ArrayList<>();
        for (BackendFigures other : backends) {
            if (other.backend().shared()) {
                rows.add(List.of(other.backend().name(), ratio(other.warmRatioTo(redis)),
                        String.format(Locale.ROOT, "%.0f", other.redisCommands().median()),
                        ratio(other.fresh().median() / redis.fresh().median()),
                        ratio(other.load().p50Ms() / redis.load().p50Ms()),
                        ratio(other.load().throughput() / redis.load().throughput())));
            }
        }
        report.table(new FigureTable("Scale-out against one Redis (ratios of medians; target for the Cluster's warm scan"
                + " <= " + CLUSTER_RATIO_TARGET + ")", List.of("backend", "warm scan", "Redis commands per warm scan",
                "new instance's first scan", "load p50", "throughput"), rows, List.of()));

        LoadTest.Result s = sentinel.load();
        LoadTest.Result c = cluster.load();
        report.table(new FigureTable(String.format(Locale.ROOT, "Failovers: a master killed (SIGKILL) at %.0f s of %d"
                        + " clients x %d s on one warm instance", options.loadDuration().toMillis() * 0.3 / 1000,
                options.clients(), options.loadDuration().toSeconds()), List.of("failover", "scans", "failed requests",
                "lost scores", "replica promoted", "the instance follows", "a new instance's first scan after"), List.of(
                List.of("Sentinel master", Long.toString(s.requests()), Long.toString(s.errors()),
                        Long.toString(s.lostScores()), seconds(sentinel.promotedSeconds()),
                        "writes to the promoted replica after " + seconds(sentinel.writingSeconds()), "-"),
                List.of("Cluster master (" + cluster.killedKeys() + " score keys)", Long.toString(c.requests()),
                        Long.toString(c.errors()), Long.toString(c.lostScores()), seconds(cluster.takeoverSeconds()),
                        "reads every key of the killed master again after " + seconds(cluster.resumedSeconds()),
                        String.format(Locale.ROOT, "%.0f %% score hits, %d upstream calls%s",
                                cluster.after().stats().scoreHitRatePct(), cluster.after().stats().upstreamCalls(),
                                afterWarm(cluster, lookups) ? ", fully warm" : ""))), List.of(
                "-1 s: not within " + Failovers.PATIENCE.toSeconds() + " s")));
    }

    private void gates(List<BackendFigures> backends, Failovers.SentinelFailover sentinel,
                       Failovers.ClusterFailover cluster, long lookups) {
        for (BackendFigures figures : backends) {
            if (figures.backend().key().startsWith("cluster")) {
                report.gate("a new instance's first scan is fully warm, " + figures.backend().name(),
                        figures.freshAlwaysWarm(), figures.freshWarm() + " of " + figures.runs() + " runs");
            }
        }
        long failed = backends.stream().mapToLong(f -> f.failedScans() + f.load().errors()).sum();
        long other = backends.stream().mapToLong(f -> f.otherScores() + f.load().lostScores()).sum();
        long notCold = backends.stream().mapToLong(BackendFigures::coldNotCold).sum();
        report.gate("no failed request in the runs and loads of every backend", failed == 0, failed + " failed");
        report.gate("no lost score in the runs and loads of every backend", other == 0, other + " answers differ");
        report.gate("cold scans were cold (no hits after the clear)", notCold == 0, notCold + " runs had hits");
        LoadTest.Result s = sentinel.load();
        report.gate("through the Sentinel master kill: 0 failed requests, 0 lost scores",
                s.errors() + s.lostScores() == 0, s.errors() + " failed, " + s.lostScores() + " lost");
        report.gate("the instance follows the Sentinel failover", sentinel.writingSeconds() >= 0,
                "writes to the promoted replica after " + seconds(sentinel.writingSeconds()));
        LoadTest.Result c = cluster.load();
        report.gate("through the Cluster master kill: 0 failed requests, 0 lost scores",
                c.errors() + c.lostScores() == 0, c.errors() + " failed, " + c.lostScores() + " lost");
        report.gate("after the Cluster master kill, a new instance is fully warm", afterWarm(cluster, lookups),
                String.format(Locale.ROOT, "%d of %d score hits, %d upstream calls", cluster.after().stats().cacheHits(),
                        lookups, cluster.after().stats().upstreamCalls()));
    }

    /** Whether the new instance after the Cluster failover was fully warm, with the baseline's scores. */
    private boolean afterWarm(Failovers.ClusterFailover cluster, long lookups) {
        ScanOutcome after = cluster.after();
        return after.ok() && baseline.equals(after.scores()) && after.stats().cacheMisses() == 0 && after.stats().cacheHits() == lookups
                && after.stats().upstreamCalls() == 0 && cluster.afterTraffic().total() == 0;
    }

    private static BackendFigures find(List<BackendFigures> backends, String key) {
        return backends.stream().filter(f -> f.backend().key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no backend " + key));
    }

    private static Figure figure(String id, String name, Samples samples, String unit) {
        return Figure.info(id, name, samples.median(), unit, "").withSamples(samples.values());
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String seconds(double value) {
        return value < 0 ? "-1 s" : String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String fmt1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
