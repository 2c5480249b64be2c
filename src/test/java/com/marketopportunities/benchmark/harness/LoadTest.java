package com.marketopportunities.benchmark.harness;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients, each on its own connection, scanning the same portfolio one request after another for a
 * fixed time against one instance or several (client i sends to instance i mod n), on loopback only. Bounded twice: it stops at its deadline and after
 * {@link #MAX_REQUESTS_PER_CLIENT_SECOND} requests per client and second, whichever comes first, and each
 * request has its own timeout. Actions (kill Redis, restart it) may be scheduled at offsets into the run.
 */
final class LoadTest {

    /** The request cap: far above what 2 cores serve, so that only a runaway loop meets it. */
    static final long MAX_REQUESTS_PER_CLIENT_SECOND = 2_000;

    /** Something done to the system under load at {@code at} into the run. */
    record Disruption(String name, Duration at, Runnable action) {
    }

    /**
     * What the clients saw.
     *
     * @param requests   answered or failed requests
     * @param errors     requests without a 200 answer
     * @param lostScores 200 answers whose scores differ from the baseline answer
     * @param throughput requests per second of wall time
     * @param events     what the disruptions did and when, for the report
     * @param problems   the first few errors and score differences
     */
    record Result(int clients, double seconds, long requests, long errors, long lostScores, double throughput,
                  double p50Ms, double p99Ms, double maxMs, long upstreamCalls, List<String> events,
                  List<String> problems) {

        String summary() {
            return String.format(Locale.ROOT, "%d clients x %.1f s: %d scans, %.1f scans/s, p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms, %d errors, %d lost scores", clients, seconds, requests, throughput, p50Ms, p99Ms,
                    maxMs, errors, lostScores);
        }
    }

    private final List<ServiceInstance> targets;
    private final String portfolioCsv;
    private final String horizon;
    private final LocalDate asOf;
    private final ScoreFingerprint baseline;

    /** @param targets the instances the clients share out, client i to instance i mod n */
    LoadTest(List<ServiceInstance> targets, String portfolioCsv, String horizon, LocalDate asOf,
             ScoreFingerprint baseline) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a load test needs an instance");
        }
        this.targets = List.copyOf(targets);
        this.portfolioCsv = portfolioCsv;
        this.horizon = horizon;
        this.asOf = asOf;
        this.baseline = baseline;
    }

    Result run(int clients, Duration duration, List<Disruption> disruptions) throws InterruptedException {
        long maxRequests = MAX_REQUESTS_PER_CLIENT_SECOND * clients * Math.max(1, duration.toSeconds());
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLong upstream = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "load-client");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-disruption");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (Disruption disruption : disruptions) {
            scheduler.schedule(() -> {
                long began = System.nanoTime();
                try {
                    disruption.action().run();
                    events.add(String.format(Locale.ROOT, "%s at %.1f s (took %.0f ms)", disruption.name(),
                            (began - start) / 1e9, (System.nanoTime() - began) / 1e6));
                } catch (RuntimeException e) {
                    events.add(disruption.name() + " failed: " + e);
                }
            }, disruption.at().toNanos(), TimeUnit.NANOSECONDS);
        }
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            ServiceInstance target = targets.get(c % targets.size());
            running.add(pool.submit(() -> {
                HttpClient client = ServiceInstance.newClient();
                while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
                    ScanOutcome outcome = target.scan(client, portfolioCsv, horizon, asOf);
                    latencies.add(outcome.millis());
                    upstream.addAndGet(outcome.stats().upstreamCalls());
                    if (!outcome.ok()) {
                        errors.incrementAndGet();
                        note(problems, "error: " + outcome.failure());
                    } else if (!outcome.scores().equals(baseline)) {
                        lost.incrementAndGet();
                        note(problems, "scores differ: " + outcome.scores().firstDifference(baseline));
                    }
                }
            }));
        }
        for (Future<?> client : running) {
            try {
                client.get(duration.plus(ServiceInstance.REQUEST_TIMEOUT).toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                note(problems, "client failed: " + e);
                errors.incrementAndGet();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        scheduler.shutdown();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            scheduler.shutdownNow();
        }
        Samples times = Samples.of(latencies);
        return new Result(clients, seconds, times.count(), errors.get(), lost.get(), times.count() / seconds,
                times.median(), times.percentile(99), times.max(), upstream.get(), List.copyOf(events),
                List.copyOf(problems));
    }

    private static void note(List<String> problems, String problem) {
        synchronized (problems) {
            if (problems.size() < 5) {
                problems.add(problem);
            }
        }
    }
}
