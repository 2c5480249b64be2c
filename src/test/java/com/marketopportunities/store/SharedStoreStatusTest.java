package com.marketopportunities.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.store.SharedStoreStatus.Backend;
import com.marketopportunities.store.SharedStoreStatus.BreakerState;
import org.junit.jupiter.api.Test;

/** The shared level's state in the words an operator reads on the dashboard and in {@code cache stats}. */
class SharedStoreStatusTest {

    @Test
    void aClosedBreakerIsInUseOnlyWhileRedisAnswers() {
        assertThat(status(true, BreakerState.CLOSED, 0).summary()).isEqualTo("connected, in use");
        assertThat(status(true, BreakerState.CLOSED, 3).summary()).isEqualTo("connected, in use, 3 errors");
        assertThat(status(false, BreakerState.CLOSED, 179).summary()).isEqualTo("not connected, 179 errors");
        assertThat(status(false, BreakerState.CLOSED, 1).summary()).isEqualTo("not connected, 1 error");
        assertThat(status(false, BreakerState.OPEN, 12).summary())
                .isEqualTo("not connected, skipped after failures, 12 errors");
        assertThat(status(true, BreakerState.HALF_OPEN, 12).summary())
                .isEqualTo("connected, probing after failures, 12 errors");
        assertThat(new SharedStoreStatus(Backend.NONE, null, false, BreakerState.CLOSED, null, 0).summary())
                .isEqualTo("not configured");
    }

    static SharedStoreStatus status(boolean connected, BreakerState breaker, long errors) {
        return new SharedStoreStatus(Backend.REDIS, "redis://localhost:6379/0", connected, breaker, null, errors);
    }
}
