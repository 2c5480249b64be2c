package com.marketopportunities.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.testredis.RealRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The Redis store against a real server that misbehaves in one precise way at a time. */
class RedisSharedStoreTest {

    /** Opens after 3 failures of the last 6 commands, probes again after 300 ms. */
    static RedisSettings settings(String url) {
        return new RedisSettings(url, Duration.ofMillis(250), Duration.ofMillis(250), 3, Duration.ofMillis(300));
    }

    static final SharedStore.TimedValue VALUE = new SharedStore.TimedValue("{}", Duration.ofMinutes(1));

    @Test
    void failedWritesOpenTheBreakerAndASuccessfulWriteClosesItAgain() {
        try (RealRedis redis = RealRedis.start(); RedisSharedStore store = new RedisSharedStore(settings(redis.url()))) {
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> admin = client.connect()) {
                // the server refuses every write (out of memory) and still answers reads
                admin.sync().configSet("maxmemory", "1");
                for (int i = 0; i < 6 && store.status().breakerState() == SharedStoreStatus.BreakerState.CLOSED; i++) {
                    store.putAll(Map.of("stock_score:W" + i + ":medium", VALUE));
                    int failedSoFar = i + 1;
                    await(() -> store.status().errors() >= failedSoFar);
                }
                assertThat(store.status().errors()).isGreaterThanOrEqualTo(3);
                assertThat(store.status().lastError()).contains("OOM");
                assertThat(store.status().breakerState()).as("after failed writes").isEqualTo(SharedStoreStatus.BreakerState.OPEN);

                admin.sync().configSet("maxmemory", "0");
                await(() -> store.status().breakerState() == SharedStoreStatus.BreakerState.HALF_OPEN);
                store.putAll(Map.of("stock_score:OK:medium", VALUE));

                await(() -> store.status().breakerState() == SharedStoreStatus.BreakerState.CLOSED);
                assertThat(admin.sync().get("stock_score:OK:medium")).isEqualTo("{}");
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        }
    }

    /** Waits up to 3 s for the condition, then checks it once more (the failure names the condition). */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
