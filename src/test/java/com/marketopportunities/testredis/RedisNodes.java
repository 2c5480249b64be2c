package com.marketopportunities.testredis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** What the test topologies ({@link RealRedisCluster}, {@link RealRedisSentinel}) ask their servers, one by one. */
final class RedisNodes {

    private RedisNodes() {
    }

    /** {@code command} on {@code node} alone, over a connection of its own. */
    static <T> T on(RealRedis node, Function<RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(node.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /**
     * Waits until {@code condition} holds, checking every 100 ms.
     *
     * @throws RealRedisException naming {@code topology} and {@code what} after {@code timeout}
     */
    static void await(String topology, Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new RealRedisException(topology + " did not come up: waited " + timeout.toSeconds() + " s for "
                        + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RealRedisException("interrupted waiting for " + what);
            }
        }
    }
}
