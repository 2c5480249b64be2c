package com.marketopportunities.benchmark.harness;

import com.marketopportunities.testredis.RealRedis;
import com.marketopportunities.testredis.RealRedisCluster;

/**
 * What the failovers ask one node while it may not answer (killed, or resetting connections while it is
 * promoted): a role or a value, or nothing for now instead of an error. The Cluster's own questions (which
 * master holds the most keys, which replica follows it) are {@link RealRedisCluster}'s.
 */
final class RedisRoles {

    private RedisRoles() {
    }

    /** Whether {@code node} now says it is a master; false while it cannot be asked. */
    static boolean isMaster(RealRedis node) {
        try {
            return RealRedisCluster.isMaster(node);
        } catch (RuntimeException notNow) {
            return false;
        }
    }

    /** The value of {@code key} on {@code node} alone, or {@code null} (also while it cannot be asked). */
    static String get(RealRedis node, String key) {
        try {
            return RealRedisCluster.valueOn(node, key);
        } catch (RuntimeException notNow) {
            return null;
        }
    }
}
