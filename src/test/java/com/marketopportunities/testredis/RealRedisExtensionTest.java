package com.marketopportunities.testredis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealRedisExtension.class)
class RealRedisExtensionTest {

    static RealRedis injected;

    @Test
    void aTestThatAsksForAServerGetsOneThatAnswers(RealRedis redis) {
        injected = redis;

        assertThat(redis.isRunning()).isTrue();
        assertThat(RealRedis.answeringPid(redis.port())).isEqualTo(OptionalLong.of(redis.pid()));
    }

    @AfterAll
    static void theServerIsClosedOnceTheTestEnds() {
        assertThat(injected.isRunning()).isFalse();
        assertThat(ProcessHandle.of(injected.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
