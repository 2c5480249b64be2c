package com.marketopportunities.benchmark.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisRolesTest {

    /** CLUSTER NODES of a Cluster whose first master was killed and replaced by its replica. */
    static final String AFTER_A_FAILOVER = """
            9a1b 127.0.0.1:41001@51001 master,fail - 1700000000000 1700000000000 1 disconnected
            7c2d 127.0.0.1:41002@51002 myself,master - 0 1700000000000 2 connected 5461-10922
            3e4f 127.0.0.1:41003@51003,node-3 master - 0 1700000000000 3 connected 10923-16383
            5a6b 127.0.0.1:41004@51004 master - 0 1700000000000 7 connected 0-5460
            1c2d 127.0.0.1:41005@51005 slave 7c2d 0 1700000000000 2 connected
            8e9f 127.0.0.1:41006@51006 slave,fail? 3e4f 0 1700000000000 3 connected
            """;

    @Test
    void eachLineGivesTheNodesPortRoleMasterAndHealth() {
        var nodes = RedisRoles.parse(AFTER_A_FAILOVER);

        assertThat(nodes).hasSize(6);
        assertThat(nodes.get(0)).isEqualTo(new RedisRoles.Node("9a1b", 41001, true, "", true));
        assertThat(nodes.get(2)).isEqualTo(new RedisRoles.Node("3e4f", 41003, true, "", false));
        assertThat(nodes.get(3).master()).as("the promoted replica").isTrue();
        assertThat(nodes.get(4)).isEqualTo(new RedisRoles.Node("1c2d", 41005, false, "7c2d", false));
        assertThat(nodes.get(5).failing()).isTrue();
        assertThat(RedisRoles.parse("")).isEmpty();
    }
}
