package com.marketopportunities.scorecache;

import static com.marketopportunities.scan.ExampleMarket.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.scan.ExampleMarket;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.testredis.RealRedis;
import com.marketopportunities.testredis.RealRedisCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score cache on a real Redis Cluster of three masters and three replicas (issue 14): filled by a
 * cold scan, read whole by a new instance, listed and cleared on every master, and degrading per node
 * when one master hangs (SIGSTOP).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterTest {

    @TempDir
    static Path folder;
    static Path data;
    static RealRedisCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        data = ExampleMarket.write(folder);
        cluster = RealRedisCluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aColdScanFillsTheClusterAndANewInstanceGetsEveryScoreFromIt() {
        ScanReport cold;
        try (ScanInstance first = ScanInstance.open(cluster.url(), data, CLOCK)) {
            cold = first.scan(Horizon.MEDIUM);
        }
        assertThat(cold.stats().cacheMisses()).isPositive();
        try (ScanInstance second = ScanInstance.open(cluster.url(), data, CLOCK)) {
            ScanReport warm = second.scan(Horizon.MEDIUM);

            assertThat(warm.stats().cacheMisses()).isZero();
            assertThat(warm.stats().cacheHits()).isEqualTo(cold.stats().cacheMisses());
            assertThat(warm.stats().upstreamCalls()).isZero();
            assertThat(second.upstream.total()).isZero();
            assertThat(warm.opportunities()).isEqualTo(cold.opportunities());
        }
        // the scan's keys (scores and market data) are spread over the three masters
        assertThat(cluster.masters()).allSatisfy(master ->
                assertThat(RealRedisCluster.keysOn(master, "*")).isNotEmpty());
    }

    @Test
    @Order(2)
    void cacheKeysAndClearSeeEveryMaster() {
        int onMasters = cluster.masters().stream().mapToInt(master ->
                RealRedisCluster.keysOn(master, "stock_score:*").size()).sum();
        try (ScanInstance instance = ScanInstance.open(cluster.url(), data, CLOCK)) {
            SharedStore store = instance.shared();

            assertThat(store.keys("stock_score:*", 10_000)).hasSize(onMasters);
            assertThat(store.count("stock_score:*")).hasValue(onMasters);
            assertThat(store.delete("stock_score:*")).isEqualTo(onMasters);
        }
        assertThat(cluster.masters()).allSatisfy(master ->
                assertThat(RealRedisCluster.keysOn(master, "stock_score:*")).isEmpty());
    }

    @Test
    @Order(3)
    void aFrozenMasterLosesOnlyItsOwnKeysAndNoMoreThanItsTimeout() {
        try (ScanInstance filler = ScanInstance.open(cluster.url(), data, CLOCK)) {
            filler.scan(Horizon.MEDIUM);
        }
        List<String> everyKey = new ArrayList<>();
        cluster.masters().forEach(master -> everyKey.addAll(RealRedisCluster.keysOn(master, "*")));
        RealRedis frozen = cluster.masters().get(1);
        List<String> onFrozen = RealRedisCluster.keysOn(frozen, "*");
        long withoutRedis;
        try (ScanInstance alone = ScanInstance.open(null, data, CLOCK)) {
            withoutRedis = alone.timedScan(Horizon.MEDIUM).millis();
        }
        frozen.freeze();
        try {
            try (ScanInstance instance = ScanInstance.open(cluster.url(), data, CLOCK)) {
                long started = System.nanoTime();
                Map<String, String> read = instance.shared().getAll(everyKey);
                long readMillis = (System.nanoTime() - started) / 1_000_000;

                assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(everyKey.stream()
                        .filter(key -> !onFrozen.contains(key)).toList());
                assertThat(readMillis).as("one read, the frozen master's part timing out").isLessThan(1_000);
            }
            try (ScanInstance instance = ScanInstance.open(cluster.url(), data, CLOCK)) {
                ScanInstance.TimedScan scan = instance.timedScan(Horizon.MEDIUM);

                assertThat(scan.report().stats().cacheHits()).as("the live masters' scores").isPositive();
                assertThat(scan.millis()).as("no slower than without Redis plus a second")
                        .isLessThan(withoutRedis + 1_000);
            }
        } finally {
            frozen.resume();
            // while it was frozen, its replica may have been promoted: let the roles settle before the next test
            cluster.awaitOk();
        }
    }
}
