package com.marketopportunities.testredis;

import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster of three masters and three replicas on loopback, made of {@link RealRedis}
 * servers started with {@code --cluster-enabled yes} and joined as {@code redis-cli --cluster create}
 * would: CLUSTER MEET, the 16,384 slots split in three, each replica REPLICATE its master. Returns once
 * the cluster is settled ({@link #awaitOk()}): in particular every replica holds a copy of its master, so
 * that killing any master leads to a failover. Closing stops every node.
 *
 * <p>Roles change: a master frozen or killed for longer than the node timeout (2 s) is replaced by its
 * replica. {@link #masters()} are the nodes started as masters; {@link #currentMasters()} and
 * {@link #replicaOf(RealRedis)} ask the cluster who holds which role now. {@link #describe()} is what
 * every node says, for a failure message.
 */
public final class RealRedisCluster implements AutoCloseable {

    static final int SLOTS = 16_384;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private static final List<String> NODE = List.of("--cluster-enabled", "yes", "--cluster-node-timeout", "2000",
            "--cluster-require-full-coverage", "no",
            // a replica's first copy at once, not after Redis 7's 5 s wait for more replicas to share the transfer
            // (awaitOk waits for the copy: a replica that never had one refuses to take over)
            "--repl-diskless-sync-delay", "0");
    /** The file {@link RealRedis} sends a server's output to, in the server's {@code --dir}. */
    private static final String LOG = "redis-server.log";
    private static final int LOG_LINES = 25;

    private final List<RealRedis> masters;
    private final List<RealRedis> replicas;

    private RealRedisCluster(List<RealRedis> masters, List<RealRedis> replicas) {
        this.masters = masters;
        this.replicas = replicas;
    }

    public static RealRedisCluster start() {
        List<RealRedis> masters = new ArrayList<>();
        List<RealRedis> replicas = new ArrayList<>();
        RealRedisCluster cluster = new RealRedisCluster(masters, replicas);
        try {
            for (int i = 0; i < 3; i++) {
                masters.add(RealRedis.start(NODE));
            }
            for (int i = 0; i < 3; i++) {
                replicas.add(RealRedis.start(NODE));
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

    /** The three nodes started as masters, in slot order; a failover may since have made one a replica. */
    public List<RealRedis> masters() {
        return List.copyOf(masters);
    }

    public List<RealRedis> nodes() {
        List<RealRedis> all = new ArrayList<>(masters);
        all.addAll(replicas);
        return all;
    }

    /**
     * The nodes that hold slots now, in slot order, as the first running node sees them (after {@link #awaitOk()},
     * as every node sees them).
     */
    public List<RealRedis> currentMasters() {
        RealRedis asked = live().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no running node to ask"));
        return view(asked).stream()
                .filter(entry -> entry.master() && !entry.slots().isEmpty())
                .sorted(Comparator.comparingInt(ClusterNode::firstSlot))
                .map(entry -> byPort(entry.port()))
                .toList();
    }

    /**
     * The node that replicates {@code master} now, as {@code master} sees it.
     *
     * @throws IllegalStateException if it has none, or more than one
     */
    public RealRedis replicaOf(RealRedis master) {
        List<ClusterNode> seen = view(master);
        String masterId = seen.stream().filter(ClusterNode::myself).findFirst().orElseThrow().id();
        List<RealRedis> found = seen.stream().filter(entry -> masterId.equals(entry.masterId()))
                .map(entry -> byPort(entry.port())).toList();
        if (found.size() != 1) {
            throw new IllegalStateException(master + " has " + found.size() + " replicas, not one; the cluster now:\n"
                    + describe());
        }
        return found.get(0);
    }

    /** Keys matching {@code pattern} on one node (SCAN on that node alone). */
    public static List<String> keysOn(RealRedis node, String pattern) {
        return RedisNodes.on(node, commands -> commands.keys(pattern));
    }

    /**
     * Waits until the cluster is settled: every running node that is not frozen says {@code cluster_state:ok},
     * none of them is flagged failing, they all agree on every node's role, master and slots, and every replica
     * among them is connected to its master and has applied all that its master held when this wait first asked
     * it. A node that cannot be asked for a moment (it resets connections while its role changes) is asked again.
     *
     * @throws RealRedisException after 30 s, with what every node says
     */
    public void awaitOk() {
        Map<String, Long> masterOffsets = new HashMap<>();
        await(READY_TIMEOUT, "a settled cluster (cluster_state:ok, one view of the roles, every replica a full copy)",
                () -> isSettled(masterOffsets));
    }

    /**
     * Waits until {@code replica} says it is a master, that is until it took over from its failed master. A moment
     * when it cannot be asked (it resets connections while promoted) counts as not yet.
     *
     * @throws RealRedisException after {@code timeout}, with what every node says (its log says why it did not)
     */
    public void awaitPromoted(RealRedis replica, Duration timeout) {
        await(timeout, replica + " to take over as a master", () -> RedisNodes.isMaster(replica));
    }

    /**
     * What every node says now, for a failure message: CLUSTER NODES as it sees them, its replication state and
     * the end of its log. A stopped or frozen node is named only.
     */
    public String describe() {
        StringBuilder state = new StringBuilder();
        for (RealRedis node : nodes()) {
            state.append("== ").append(node).append('\n');
            if (!node.isRunning() || node.isFrozen()) {
                continue;
            }
            try {
                state.append(RedisNodes.<String>on(node, RedisCommands::clusterNodes));
                replicationInfo(node).lines()
                        .filter(line -> line.startsWith("role:") || line.startsWith("master_link")
                                || line.startsWith("master_sync_in_progress") || line.contains("_repl_offset:"))
                        .forEach(line -> state.append("  ").append(line.strip()).append('\n'));
                state.append("  -- the end of its log:\n").append(logTail(node));
            } catch (RuntimeException e) {
                state.append("  (could not be asked: ").append(e.getMessage()).append(")\n");
            }
        }
        return state.toString();
    }

    @Override
    public void close() {
        nodes().forEach(RealRedis::close);
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
        await(READY_TIMEOUT, "every node to know the six", () -> nodes().stream().allMatch(node ->
                RedisNodes.on(node, RedisCommands::clusterNodes).lines().count() == 6));
    }

    private boolean isSettled(Map<String, Long> masterOffsets) {
        List<RealRedis> live = live();
        if (!live.stream().allMatch(node -> RedisNodes.on(node, RedisCommands::clusterInfo)
                .contains("cluster_state:ok"))) {
            return false;
        }
        List<Integer> livePorts = live.stream().map(RealRedis::port).toList();
        List<List<ClusterNode>> views = live.stream().map(RealRedisCluster::view).toList();
        boolean oneView = views.stream().map(view -> view.stream().map(ClusterNode::role)
                .collect(Collectors.toSet())).distinct().count() == 1;
        boolean noLiveNodeFailing = views.stream().flatMap(List::stream)
                .noneMatch(entry -> entry.failing() && livePorts.contains(entry.port()));
        if (!oneView || !noLiveNodeFailing) {
            return false;
        }
        for (ClusterNode entry : views.get(0)) {
            if (!entry.master() && livePorts.contains(entry.port())) {
                ClusterNode master = views.get(0).stream().filter(other -> other.id().equals(entry.masterId()))
                        .findFirst().orElse(null);
                if (master == null || !livePorts.contains(master.port())) {
                    return false;
                }
                // read before the replica's, so that what the master had is what the replica must have applied
                long masterOffset = masterOffsets.computeIfAbsent(master.id(), id ->
                        field(replicationInfo(byPort(master.port())), "master_repl_offset").orElseThrow());
                String replica = replicationInfo(byPort(entry.port()));
                if (!replica.contains("master_link_status:up")
                        || field(replica, "slave_repl_offset").orElse(-1L) < masterOffset) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<RealRedis> live() {
        return nodes().stream().filter(RealRedis::isRunning).filter(node -> !node.isFrozen()).toList();
    }

    private RealRedis byPort(int port) {
        return nodes().stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of this cluster on port " + port));
    }

    private static String replicationInfo(RealRedis node) {
        return RedisNodes.on(node, commands -> commands.info("replication"));
    }

    /** A number in an INFO answer. */
    private static Optional<Long> field(String info, String field) {
        return info.lines().filter(line -> line.startsWith(field + ":"))
                .map(line -> Long.parseLong(line.substring(field.length() + 1).strip())).findFirst();
    }

    /** CLUSTER NODES as {@code node} sees the cluster. */
    private static List<ClusterNode> view(RealRedis node) {
        return RedisNodes.on(node, RedisCommands::clusterNodes).lines().map(ClusterNode::parse).toList();
    }

    private static String logTail(RealRedis node) {
        try {
            String dir = RedisNodes.on(node, commands -> commands.configGet("dir")).get("dir");
            List<String> lines = Files.readAllLines(Path.of(dir, LOG), java.nio.charset.StandardCharsets.ISO_8859_1);
            return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()).stream()
                    .map(line -> "  " + line + "\n").collect(Collectors.joining());
        } catch (IOException | RuntimeException e) {
            return "  (no log: " + e + ")\n";
        }
    }

    private void await(Duration timeout, String what, BooleanSupplier condition) {
        try {
            RedisNodes.await("the test cluster", timeout, what, () -> {
                try {
                    return condition.getAsBoolean();
                } catch (RuntimeException notNow) {
                    return false;
                }
            });
        } catch (RealRedisException e) {
            throw new RealRedisException(e.getMessage() + "; the cluster now:\n" + describe(), e);
        }
    }

    /** One line of CLUSTER NODES: {@code id host:port@bus[,hostname] flags master-id ping pong epoch link slots...}. */
    private record ClusterNode(String id, int port, boolean myself, boolean master, boolean failing, String masterId,
                               List<String> slots) {

        static ClusterNode parse(String line) {
            String[] fields = line.strip().split(" ");
            String address = fields[1].split("[@,]")[0];
            List<String> flags = List.of(fields[2].split(","));
            return new ClusterNode(fields[0], Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)),
                    flags.contains("myself"), flags.contains("master"), flags.contains("fail") || flags.contains("fail?"),
                    fields[3].equals("-") ? null : fields[3], List.of(fields).subList(8, fields.length));
        }

        /** What every node must agree on: who it is, whom it follows, which slots it holds. */
        String role() {
            return id + (master ? " master " + slots : " replica of " + masterId);
        }

        int firstSlot() {
            return Integer.parseInt(slots.get(0).split("-")[0]);
        }
    }
}
