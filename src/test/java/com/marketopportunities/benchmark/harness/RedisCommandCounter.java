package com.marketopportunities.benchmark.harness;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a Redis server has processed ({@code INFO stats total_commands_processed}), read over a
 * connection of its own, so that the round trips of a scan can be counted: the difference of two reads,
 * less the first read's own INFO. Connects again after the server was killed or restarted.
 */
final class RedisCommandCounter implements AutoCloseable {

    private static final Pattern PROCESSED = Pattern.compile("total_commands_processed:(\\d+)");

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    RedisCommandCounter(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        client = RedisClient.create(uri);
    }

    /** Commands processed so far, or -1 when the server does not answer. */
    long processed() {
        try {
            if (connection == null || !connection.isOpen()) {
                connection = client.connect();
            }
            Matcher matcher = PROCESSED.matcher(connection.sync().info("stats"));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        } catch (RuntimeException e) {
            closeConnection();
            return -1;
        }
    }

    /** The commands others sent between two reads {@code before} and {@code after}; -1 if either failed. */
    static long between(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before - 1;
    }

    /**
     * The commands others sent to several servers (a Cluster's masters) between {@code before}, read from
     * {@code counters} in order, and now; -1 if any read failed.
     */
    static long between(long[] before, java.util.List<RedisCommandCounter> counters) {
        long sum = 0;
        for (int i = 0; i < counters.size(); i++) {
            long one = between(before[i], counters.get(i).processed());
            if (one < 0) {
                return -1;
            }
            sum += one;
        }
        return sum;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                // Already gone with the server.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
