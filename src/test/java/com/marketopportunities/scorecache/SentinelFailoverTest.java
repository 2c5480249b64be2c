package com.marketopportunities.scorecache;

import static com.marketopportunities.scan.ExampleMarket.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.scan.ExampleMarket;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.testredis.RealRedisSentinel;
import com.marketopportunities.testredis.RedisNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis Sentinel failing over under load (issue 14): a master, a replica and three Sentinels; eight
 * clients scan without pause while the master is killed (SIGKILL). No scan fails, and the instance
 * writes to the promoted replica within ten seconds, with no restart.
 */
class SentinelFailoverTest {

    static final int CLIENTS = 8;

    @TempDir
    Path folder;

    @Test
    void aMasterKilledUnderLoadIsFollowedWithNoFailedScan() throws Exception {
        Path data = ExampleMarket.write(folder);
        try (RealRedisSentinel group = RealRedisSentinel.start();
             ScanInstance instance = ScanInstance.open(group.url(), data, CLOCK)) {
            ScanReport cold = instance.scan(Horizon.MEDIUM);
            assertThat(cold.stats().cacheMisses()).isPositive();
            try (ScanLoad load = ScanLoad.start(instance, cold, CLIENTS)) {
                Thread.sleep(500);
                group.master().stop();
                long killed = System.nanoTime();
                SharedStore store = instance.shared();
                long followedMillis = -1;
                for (int probe = 0; followedMillis < 0 && System.nanoTime() - killed < Duration.ofSeconds(20).toNanos();
                     probe++) {
                    String key = "stock_score:FAILOVER-PROBE-" + probe;
                    store.putAll(Map.of(key, new SharedStore.TimedValue("written after the kill", Duration.ofMinutes(5))));
                    Thread.sleep(200);
                    if (RedisNodes.isMaster(group.replica()) && "written after the kill".equals(
                            RedisNodes.valueOn(group.replica(), key))) {
                        followedMillis = (System.nanoTime() - killed) / 1_000_000;
                    }
                }
                load.close();

                System.out.printf("Sentinel failover under %d clients: %d scans, %d failed; writing to the promoted replica"
                        + " %d ms after the kill%n", CLIENTS, load.scans(), load.failed(), followedMillis);
                assertThat(load.failed()).as("failed or different scans of " + load.scans()).isZero();
                assertThat(load.scans()).isGreaterThan(CLIENTS);
                assertThat(followedMillis).as("writing to the promoted replica after the kill (ms)")
                        .isBetween(0L, 10_000L);
            }
        }
    }
}
