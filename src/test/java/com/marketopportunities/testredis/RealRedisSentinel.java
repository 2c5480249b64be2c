package com.marketopportunities.testredis;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Redis Sentinel group on loopback: a master, one replica and three Sentinels (quorum 2) of
 * {@link RealRedis} processes. Returns once every Sentinel knows the replica and the other Sentinels,
 * so that killing the master leads to a failover. Closing stops every process.
 */
public final class RealRedisSentinel implements AutoCloseable {

    public static final String MASTER_NAME = "mymaster";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final RealRedis master;
    private final RealRedis replica;
    private final List<RealRedis> sentinels;

    private RealRedisSentinel(RealRedis master, RealRedis replica, List<RealRedis> sentinels) {
        this.master = master;
        this.replica = replica;
        this.sentinels = sentinels;
    }

    public static RealRedisSentinel start() {
        RealRedis master = RealRedis.start();
        RealRedis replica = null;
        List<RealRedis> sentinels = new ArrayList<>();
        try {
            replica = RealRedis.start(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
            RealRedis follower = replica;
            RedisNodes.await("the Sentinel group", READY_TIMEOUT, "the replica to sync", () -> RedisNodes.on(follower, commands -> commands.info("replication"))
                    .contains("master_link_status:up"));
            for (int i = 0; i < 3; i++) {
                sentinels.add(RealRedis.sentinel(MASTER_NAME, master.port(), 2));
            }
            RedisNodes.await("the Sentinel group", READY_TIMEOUT, "every Sentinel to know the replica and the others", () -> sentinels.stream().allMatch(sentinel ->
                    RedisNodes.on(sentinel, commands -> commands.dispatch(io.lettuce.core.protocol.CommandType.SENTINEL,
                            new io.lettuce.core.output.NestedMultiOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
                            new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8)
                                    .add("SENTINELS").add(MASTER_NAME))).size() == 2
                            && RedisNodes.on(sentinel, commands -> commands.dispatch(io.lettuce.core.protocol.CommandType.SENTINEL,
                            new io.lettuce.core.output.NestedMultiOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
                            new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8)
                                    .add("REPLICAS").add(MASTER_NAME))).size() == 1));
            return new RealRedisSentinel(master, replica, sentinels);
        } catch (RuntimeException e) {
            sentinels.forEach(RealRedis::close);
            if (replica != null) {
                replica.close();
            }
            master.close();
            throw e;
        }
    }

    /** {@code redis-sentinel://127.0.0.1:S1,127.0.0.1:S2,127.0.0.1:S3/0#mymaster}. */
    public String url() {
        return "redis-sentinel://" + sentinels.stream().map(sentinel -> "127.0.0.1:" + sentinel.port())
                .collect(Collectors.joining(",")) + "/0#" + MASTER_NAME;
    }

    public RealRedis master() {
        return master;
    }

    public RealRedis replica() {
        return replica;
    }

    @Override
    public void close() {
        sentinels.forEach(RealRedis::close);
        replica.close();
        master.close();
    }
}
