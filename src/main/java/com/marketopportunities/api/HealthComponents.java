package com.marketopportunities.api;

import com.marketopportunities.store.SharedStore;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.scorecache.CacheStats;
import com.marketopportunities.store.SharedStoreStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health} components: the Redis cache and the market-data upstream. Either one
 * failing makes the service "degraded" (HTTP 200), never "down": it still answers, from the
 * in-process cache and whatever the upstream gives.
 */
@Configuration
class HealthComponents {

    static final Status DEGRADED = new Status("DEGRADED");

    @Bean
    HealthIndicator redis(SharedStore shared) {
        return () -> {
            // asked now: a fully warm instance may send Redis nothing between two health checks
            SharedStoreStatus status = shared.checkedStatus();
            if (status.backend() == SharedStoreStatus.Backend.NONE) {
                return Health.up().withDetail("backend", CacheStats.Backends.MEMORY.label())
                        .withDetail("redis", "not configured").build();
            }
            Health.Builder health = status.connected() && status.breakerState() == SharedStoreStatus.BreakerState.CLOSED
                    ? Health.up()
                    : Health.status(DEGRADED);
            return health.withDetail("backend", CacheStats.Backends.REDIS_AND_MEMORY.label()).withDetail("url", status.url())
                    .withDetail("connected", status.connected()).withDetail("breaker", status.breakerState().name())
                    .withDetail("errors", status.errors())
                    .withDetail("last_error", status.lastError() == null ? "" : status.lastError()).build();
        };
    }

    @Bean
    HealthIndicator upstream(MarketData marketData) {
        return () -> {
            String breaker = marketData.breakerState().orElse("CLOSED");
            Health.Builder health = breaker.equals("OPEN") ? Health.status(DEGRADED) : Health.up();
            return health.withDetail("source", marketData.describe()).withDetail("breaker", breaker).build();
        };
    }
}
