package com.marketopportunities.scorecache;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What an operator sees with {@code redis-cli}: a fresh Lettuce connection per question (so that it
 * works across restarts of the server), apart from the cache under test.
 */
final class RedisCli implements AutoCloseable {

    private final RedisClient client;
    private final RedisURI uri;

    RedisCli(String url) {
        this.uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        this.client = RedisClient.create();
    }

    String get(String key) {
        return run(commands -> commands.get(key));
    }

    /** Seconds left, -1 without expiry, -2 when the key does not exist. */
    long ttl(String key) {
        return run(commands -> commands.ttl(key));
    }

    boolean exists(String key) {
        return run(commands -> commands.exists(key)) == 1;
    }

    void set(String key, String value, Duration ttl) {
        run(commands -> commands.set(key, value, SetArgs.Builder.px(ttl.toMillis())));
    }

    /** Every key matching the glob, by SCAN. */
    List<String> keys(String pattern) {
        return run(commands -> {
            List<String> keys = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
                keys.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
            return keys.stream().sorted().toList();
        });
    }

    /** How many commands of this name the server has run ({@code INFO commandstats}). */
    long calls(String command) {
        String stats = run(commands -> commands.info("commandstats"));
        return stats.lines().filter(line -> line.startsWith("cmdstat_" + command.toLowerCase() + ":"))
                .map(line -> line.replaceAll("^[^:]*:calls=(\\d+),.*", "$1")).mapToLong(Long::parseLong).findFirst()
                .orElse(0);
    }

    /** Deletes every key matching the glob; returns how many. */
    long delete(String pattern) {
        List<String> keys = keys(pattern);
        return keys.isEmpty() ? 0 : run(commands -> commands.del(keys.toArray(String[]::new)));
    }

    void flushAll() {
        run(RedisCommands::flushall);
    }

    /** Waits up to {@code within} for the key to exist (writes are not waited for by the cache). */
    boolean awaitExists(String key, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (exists(key)) {
                    return true;
                }
            } catch (RuntimeException unreachable) {
                // the server is not back yet
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
    }

    private <T> T run(Function<RedisCommands<String, String>, T> command) {
        try (StatefulRedisConnection<String, String> connection = client.connect(uri)) {
            return command.apply(connection.sync());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
