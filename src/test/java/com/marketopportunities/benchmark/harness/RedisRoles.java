package com.marketopportunities.benchmark.harness;

import com.marketopportunities.testredis.RealRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is master now in a test topology (a Sentinel group's pair, a Cluster), and which replica follows
 * which master, as the nodes themselves say ({@code INFO replication}, {@code CLUSTER NODES}): a failover
 * moves the roles, so the harness asks instead of assuming the roles a topology was started with. Each
 * question goes to one node over a connection of its own, bounded by {@link #TIMEOUT}; the connections
 * share one set of client threads, so that probing every 100 ms under load costs little.
 */
final class RedisRoles {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Client threads for every question, made once and kept until the harness's JVM exits. */
    private static final class Shared {
        static final ClientResources RESOURCES = DefaultClientResources.builder().ioThreadPoolSize(2)
                .computationThreadPoolSize(2).build();
    }

    /**
     * One line of {@code CLUSTER NODES}.
     *
     * @param masterId the id of the master this node replicates, or "" for a master
     * @param failing  whether the node is flagged {@code fail} or {@code fail?}
     */
    record Node(String id, int port, boolean master, String masterId, boolean failing) {
    }

    private RedisRoles() {
    }

    /** The nodes of a {@code CLUSTER NODES} answer, in its order. */
    static List<Node> parse(String clusterNodes) {
        List<Node> nodes = new ArrayList<>();
        for (String line : clusterNodes.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 4) {
                continue;
            }
            String address = fields[1].split("[@,]")[0];
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            List<String> flags = List.of(fields[2].split(","));
            nodes.add(new Node(fields[0], port, flags.contains("master"), fields[3].equals("-") ? "" : fields[3],
                    flags.contains("fail") || flags.contains("fail?")));
        }
        return nodes;
    }

    /** Whether {@code node} now says it is a master; false while it cannot be asked (killed, or being promoted). */
    static boolean isMaster(RealRedis node) {
        try {
            return on(node, commands -> commands.info("replication")).contains("role:master");
        } catch (RuntimeException notNow) {
            return false;
        }
    }

    /** The value of {@code key} on {@code node} alone, or {@code null} (also while it cannot be asked). */
    static String get(RealRedis node, String key) {
        try {
            return on(node, commands -> commands.get(key));
        } catch (RuntimeException notNow) {
            return null;
        }
    }

    /** Keys matching {@code pattern} on {@code node} alone (SCAN). */
    static List<String> keysOn(RealRedis node, String pattern) {
        return on(node, commands -> {
            List<String> keys = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
                keys.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
            return keys;
        });
    }

    /** Of the running Cluster {@code nodes} that are masters now, the one holding the most keys matching {@code pattern}. */
    static RealRedis busiestMaster(List<RealRedis> nodes, String pattern) {
        return nodes.stream().filter(RealRedis::isRunning).filter(RedisRoles::isMaster)
                .max(Comparator.comparingInt(node -> keysOn(node, pattern).size()))
                .orElseThrow(() -> new IllegalStateException("no master answers in the Cluster"));
    }

    /** The Cluster node of {@code nodes} that replicates {@code master} now, as {@code master} itself sees it. */
    static Optional<RealRedis> replicaOf(RealRedis master, List<RealRedis> nodes) {
        String masterId = on(master, RedisCommands::clusterMyId);
        return parse(on(master, RedisCommands::clusterNodes)).stream()
                .filter(node -> node.masterId().equals(masterId)).findFirst()
                .flatMap(replica -> nodes.stream().filter(node -> node.port() == replica.port()).findFirst());
    }

    private static <T> T on(RealRedis node, Function<RedisCommands<String, String>, T> command) {
        RedisURI uri = RedisURI.create(node.url());
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(Shared.RESOURCES, uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
