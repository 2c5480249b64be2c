package com.marketopportunities.scorecache;

import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scoring.Horizon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Clients scanning one instance in a loop until closed, as the failover tests load it; a scan that throws
 * or answers other opportunities than {@code expected} is a failed one. Each client pauses 2 ms between
 * scans, so that the Redis processes on the same cores still run.
 */
final class ScanLoad implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger scans = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final ExecutorService clients;
    private final List<Future<?>> loops = new ArrayList<>();

    private ScanLoad(int clients) {
        this.clients = Executors.newFixedThreadPool(clients);
    }

    static ScanLoad start(ScanInstance instance, ScanReport expected, int clients) {
        ScanLoad load = new ScanLoad(clients);
        for (int i = 0; i < clients; i++) {
            load.loops.add(load.clients.submit(() -> load.scanUntilClosed(instance, expected)));
        }
        return load;
    }

    private void scanUntilClosed(ScanInstance instance, ScanReport expected) {
        while (running.get()) {
            try {
                if (!instance.scan(Horizon.MEDIUM).opportunities().equals(expected.opportunities())) {
                    failed.incrementAndGet();
                }
                scans.incrementAndGet();
                Thread.sleep(2);
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int scans() {
        return scans.get();
    }

    int failed() {
        return failed.get();
    }

    /** Waits until {@code count} scans are done in all. */
    void awaitScans(int count) {
        Awaitility.await("waiting 30 s for " + count + " scans").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(scans::get, done -> done >= count);
    }

    /** Whether {@code condition} holds within {@code timeout}, checked every 100 ms. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Stops the clients after their current scan. Idempotent. */
    @Override
    public void close() throws Exception {
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get();
        }
        clients.shutdown();
    }
}
