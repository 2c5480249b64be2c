package com.marketopportunities.benchmark.harness;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What the scale-out phase measured on one {@link CacheBackend}: its runs ({@link ScaleOutRun}) as medians
 * and counts, its warm scans and its load test.
 *
 * @param cold          cold scan times, one per run
 * @param fresh         a new instance's first scan times, one per run
 * @param freshHitRate  the score hit rate of those scans, in percent
 * @param freshUpstream the upstream calls of those scans, by their own count
 * @param freshWarm     runs whose new instance's first scan was fully warm ({@link ScaleOutRun#freshFullyWarm})
 * @param warm          every warm scan's time
 * @param warmUpstream  the most upstream calls of a warm scan, by its answer (0 expected)
 * @param redisCommands commands the backend's Redis masters processed during each warm scan (none on memory)
 * @param failedScans   answers of the runs and warm scans without a 200
 * @param otherScores   200 answers of the runs and warm scans whose scores differ from the baseline
 * @param coldNotCold   runs whose cold scan found a score or market data in a cache
 */
record BackendFigures(CacheBackend backend, int runs, Samples cold, Samples fresh, Samples freshHitRate,
                      Samples freshUpstream, long freshWarm, Samples warm, long warmUpstream, Samples redisCommands,
                      long failedScans,
                      long otherScores, long coldNotCold, LoadTest.Result load) {

    static BackendFigures of(CacheBackend backend, List<ScaleOutRun> runs, List<ScanOutcome> warmScans,
                             Samples redisCommands, LoadTest.Result load, ScoreFingerprint baseline) {
        Samples warm = Samples.of(warmScans.stream().map(ScanOutcome::millis).toList());
        List<ScanOutcome> answers = new java.util.ArrayList<>(warmScans);
        runs.forEach(run -> answers.addAll(run.answers()));
        return new BackendFigures(backend, runs.size(), samples(runs, run -> run.cold().millis()),
                samples(runs, run -> run.fresh().millis()),
                samples(runs, run -> run.fresh().stats().scoreHitRatePct()),
                samples(runs, run -> run.fresh().stats().upstreamCalls()),
                runs.stream().filter(run -> run.freshFullyWarm(baseline)).count(), warm,
                warmScans.stream().mapToLong(scan -> scan.stats().upstreamCalls()).max().orElse(0), redisCommands,
                answers.stream().filter(scan -> !scan.ok()).count(),
                answers.stream().filter(scan -> scan.ok() && !baseline.equals(scan.scores())).count(),
                runs.stream().filter(run -> run.cold().stats().cacheHits() > 0 || run.cold().stats().marketDataHits() > 0)
                        .count(), load);
    }

    /** Whether a new instance's first scan was fully warm in every run. */
    boolean freshAlwaysWarm() {
        return runs > 0 && freshWarm == runs;
    }

    /** This backend's warm scan median over {@code reference}'s: 1.10 is 10 % slower. */
    double warmRatioTo(BackendFigures reference) {
        return warm.median() / reference.warm.median();
    }

    /** The row of the scale-out table: backend, cold, new instance (time, hits, calls), warm, load figures. */
    List<String> row() {
        return List.of(backend.name(), ms(cold.median()), ms(fresh.median()),
                String.format(Locale.ROOT, "%.0f %%%s", freshHitRate.median(),
                        freshAlwaysWarm() ? ", fully warm in " + runs + "/" + runs : backend.shared()
                                ? ", fully warm in " + freshWarm + "/" + runs : " (no shared cache: cold)"),
                String.format(Locale.ROOT, "%.0f", freshUpstream.median()), ms(warm.median()),
                String.format(Locale.ROOT, "%.0f", load.throughput()), ms(load.p50Ms()), ms(load.p99Ms()),
                Long.toString(load.errors()), Long.toString(load.lostScores()));
    }

    static final List<String> COLUMNS = List.of("backend", "cold scan", "new instance's first scan", "its score hits",
            "its upstream calls", "warm scan", "scans/s", "p50", "p99", "failed requests", "lost scores");

    /** Milliseconds as the tables show them: whole above 100, one decimal below. */
    static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static Samples samples(List<ScaleOutRun> runs, ToDoubleFunction<ScaleOutRun> figure) {
        Samples samples = new Samples();
        runs.forEach(run -> samples.add(figure.applyAsDouble(run)));
        return samples;
    }
}
