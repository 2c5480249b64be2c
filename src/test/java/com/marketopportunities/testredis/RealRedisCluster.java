package com.marketopportunities.testredis;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster of three masters and three replicas on loopback, made of {@link RealRedis}
 * servers started with {@code --cluster-enabled yes} and joined as {@code redis-cli --cluster create}
 * would: CLUSTER MEET, the 16,384 slots split in three, each replica REPLICATE its master. Returns once
 * every node reports {@code cluster_state:ok}. Closing stops every node.
 */
public final class RealRedisCluster implements AutoCloseable {

    static final int SLOTS = 16_384;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<RealRedis> masters;
    private final List<RealRedis> replicas;

    private RealRedisCluster(List<RealRedis> masters, List<RealRedis> replicas) {
        this.masters = masters;
        this.replicas = replicas;
    }

    public static RealRedisCluster start() {
        List<String> node = List.of("--cluster-enabled", "yes", "--cluster-node-timeout", "2000",
                "--cluster-require-full-coverage", "no");
        List<RealRedis> masters = new ArrayList<>();
        List<RealRedis> replicas = new ArrayList<>();
        RealRedisCluster cluster = new RealRedisCluster(masters, replicas);
        try {
            for (int i = 0; i < 3; i++) {
                masters.add(RealRedis.start(node));
            }
            for (int i = 0; i < 3; i++) {
                replicas.add(RealRedis.start(node));
            }
            cluster.join();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,...} with every node as a seed. */
    public String url() {
        return "redis-cluster://" + nodes().stream().map(node -> "127.0.0.1:" + node.port())
                .collect(Collectors.joining(","));
    }

    public List<RealRedis> masters() {
        return List.copyOf(masters);
    }

    public List<RealRedis> nodes() {
        List<RealRedis> all = new ArrayList<>(masters);
        all.addAll(replicas);
        return all;
    }

    /** Keys matching {@code pattern} on one node (SCAN on that node alone). */
    public static List<String> keysOn(RealRedis node, String pattern) {
        return RedisNodes.on(node, commands -> commands.keys(pattern));
    }

    private void join() {
        RealRedis first = masters.get(0);
        for (RealRedis node : nodes()) {
            if (node != first) {
                RedisNodes.on(node, commands -> commands.clusterMeet("127.0.0.1", first.port()));
            }
        }
        int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, SLOTS - 1}};
        for (int i = 0; i < 3; i++) {
            int[] slots = IntStream.rangeClosed(ranges[i][0], ranges[i][1]).toArray();
            RedisNodes.on(masters.get(i), commands -> commands.clusterAddSlots(slots));
        }
        awaitEveryNodeKnowsAll();
        for (int i = 0; i < 3; i++) {
            String masterId = RedisNodes.on(masters.get(i), RedisCommands::clusterMyId);
            RedisNodes.on(replicas.get(i), commands -> commands.clusterReplicate(masterId));
        }
        awaitOk();
    }

    private void awaitEveryNodeKnowsAll() {
        RedisNodes.await("the test cluster", READY_TIMEOUT, "every node to know the six", () -> nodes().stream().allMatch(node ->
                RedisNodes.on(node, RedisCommands::clusterNodes).lines().count() == 6));
    }

    /** Waits until every node says {@code cluster_state:ok} and every replica has its master. */
    public void awaitOk() {
        RedisNodes.await("the test cluster", READY_TIMEOUT, "cluster_state:ok on every node", () -> nodes().stream().filter(RealRedis::isRunning)
                .filter(node -> !node.isFrozen())
                .allMatch(node -> RedisNodes.on(node, RedisCommands::clusterInfo).contains("cluster_state:ok")));
    }



    @Override
    public void close() {
        nodes().forEach(RealRedis::close);
    }
}
