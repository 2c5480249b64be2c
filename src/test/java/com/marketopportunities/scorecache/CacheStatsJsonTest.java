package com.marketopportunities.scorecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.store.SharedStoreStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The stats' states are enums in Java and, in JSON (API, dashboard, --format json), the words they always were. */
class CacheStatsJsonTest {

    static final Instant AT = Instant.parse("2024-06-28T13:00:00Z");

    @Test
    void backendsBreakerStatesAndWarmUpStatesKeepTheirJsonWords() {
        JsonNode withRedis = json(stats(CacheStats.Backends.REDIS_AND_MEMORY, SharedStoreStatus.Backend.REDIS,
                SharedStoreStatus.BreakerState.HALF_OPEN, new WarmUpProgress(WarmUpProgress.Phase.DONE, 9, 9, 2, null, AT)));
        assertThat(withRedis.path("backends").asString()).isEqualTo("redis+memory");
        assertThat(withRedis.path("redis").path("backend").asString()).isEqualTo("redis");
        assertThat(withRedis.path("redis").path("breaker_state").asString()).isEqualTo("HALF_OPEN");
        assertThat(withRedis.path("warm_up").path("state").asString()).isEqualTo("done, 2 failed");
        assertThat(withRedis.path("warm_up").path("done").asInt()).isEqualTo(9);
        assertThat(withRedis.path("warm_up").path("finished_at").asString()).isEqualTo("2024-06-28T13:00:00Z");

        JsonNode alone = json(stats(CacheStats.Backends.MEMORY, SharedStoreStatus.Backend.NONE,
                SharedStoreStatus.BreakerState.CLOSED, new WarmUpProgress(WarmUpProgress.Phase.FAILED, 3, 9, 0,
                        "upstream down", AT)));
        assertThat(alone.path("backends").asString()).isEqualTo("memory");
        assertThat(alone.path("redis").path("backend").asString()).isEqualTo("none");
        assertThat(alone.path("redis").path("breaker_state").asString()).isEqualTo("CLOSED");
        assertThat(alone.path("warm_up").path("state").asString()).isEqualTo("failed: upstream down");

        for (WarmUpProgress.Phase phase : List.of(WarmUpProgress.Phase.IDLE, WarmUpProgress.Phase.RUNNING,
                WarmUpProgress.Phase.DONE, WarmUpProgress.Phase.SKIPPED_LOCKED, WarmUpProgress.Phase.SKIPPED_UNREACHABLE, WarmUpProgress.Phase.STOPPED)) {
            JsonNode body = json(stats(CacheStats.Backends.MEMORY, SharedStoreStatus.Backend.NONE,
                    SharedStoreStatus.BreakerState.OPEN, new WarmUpProgress(phase, 0, 0, 0, null, null)));
            assertThat(body.path("warm_up").path("state").asString()).isEqualTo(phase.words());
            assertThat(body.path("redis").path("breaker_state").asString()).isEqualTo("OPEN");
        }
        assertThat(WarmUpProgress.Phase.SKIPPED_LOCKED.words()).isEqualTo("skipped: another instance is warming");
        assertThat(WarmUpProgress.idle().state()).isEqualTo("idle");
    }

    static CacheStats stats(CacheStats.Backends backends, SharedStoreStatus.Backend backend,
                            SharedStoreStatus.BreakerState breaker, WarmUpProgress warmUp) {
        return new CacheStats(true, backends, new SharedStoreStatus(backend, null, false, breaker, null, 0), 1, 1, 14_400,
                4.0, List.of(), 0, 0, 0, 0, 0, 0, warmUp, null);
    }

    static JsonNode json(CacheStats stats) {
        return JsonFormat.mapper().readTree(JsonFormat.mapper().writeValueAsString(stats));
    }
}
