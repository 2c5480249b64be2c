package com.marketopportunities.testredis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What the test topologies ({@link RealRedisCluster}, {@link RealRedisSentinel}) and their users ask the
 * servers, one by one.
 */
public final class RedisNodes {

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

    /** Whether {@code node} now says it is a master; false while it cannot be asked (killed, or resetting connections while it is promoted). */
    public static boolean isMaster(RealRedis node) {
        try {
            return on(node, commands -> commands.info("replication")).contains("role:master");
        } catch (RuntimeException notNow) {
            return false;
        }
    }

    /** The value of {@code key} on {@code node} alone, or {@code null} (also while it cannot be asked). */
    public static String valueOn(RealRedis node, String key) {
        try {
            return on(node, commands -> commands.get(key));
        } catch (RuntimeException notNow) {
            return null;
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
