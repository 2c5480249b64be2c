package com.marketopportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.scan.MarketDataFolder;
import com.marketopportunities.testredis.RealRedis;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The service on a real Redis that freezes and comes back; and the scan rate limit. */
class ServiceRedisTest {

    static final String ADMIN = "token-for-tests";
    static final String CSV = "symbol,market_value\nAAPL,9000\nJPM,1000\n";

    @TempDir
    Path dir;

    Path data() throws Exception {
        LocalDate from = LocalDate.of(2023, 1, 2);
        LocalDate to = LocalDate.of(2024, 6, 28);
        return new MarketDataFolder(Files.createDirectories(dir.resolve("market")))
                .prices("SPY", from, to, 400, 0.0004, 0.004).prices("AAPL", from, to, 150, 0.001, 0.01)
                .prices("JPM", from, to, 140, 0.0009, 0.008).prices("XLV", from, to, 130, 0.0003, 0.004)
                .fundamentals("AAPL", "EQUITY", "Information Technology", "30", "0.005").write();
    }

    @Test
    void withRedisFrozenAScanStillAnswersQuicklyHealthIsDegradedAndRedisIsUsedAgainAfterItResumes() throws Exception {
        try (RealRedis redis = RealRedis.start();
             RunningService service = new RunningService(Map.of("market-opportunities.data", data().toString(),
                     "market-opportunities.redis-url", redis.url(), "market-opportunities.admin-token", ADMIN))) {
            assertThat(scan(service).statusCode()).isEqualTo(200);
            assertThat(stats(service).path("redis").path("connected").asBoolean()).isTrue();

            redis.freeze();
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> frozen = scan(service);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(frozen.statusCode()).isEqualTo(200);
                assertThat(took).as("scan %d with Redis frozen", i).isLessThan(Duration.ofMillis(1500));
            }
            JsonNode health = JsonFormat.mapper().readTree(service.get("/actuator/health",
                    "Authorization", "Bearer " + ADMIN).body());
            assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
            assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("DEGRADED");
            assertThat(service.get("/actuator/health").statusCode()).isEqualTo(200);

            redis.resume();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            JsonNode stats = stats(service);
            while (!(stats.path("redis").path("connected").asBoolean()
                    && stats.path("redis").path("breaker_state").asString().equals("CLOSED"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
                scan(service);
                stats = stats(service);
            }
            assertThat(stats.path("redis").path("connected").asBoolean()).isTrue();
            assertThat(stats.path("redis").path("breaker_state").asString()).isEqualTo("CLOSED");
            assertThat(JsonFormat.mapper().readTree(service.get("/actuator/health").body()).path("status").asString())
                    .isEqualTo("UP");
        }
    }

    @Test
    void theRateLimitCountsWhatScansCostUpstreamNotHowManyThereAre() throws Exception {
        try (RunningService service = new RunningService(Map.of("market-opportunities.data", data().toString(),
                "market-opportunities.api-keys", "k1:u1,k2:u2", "market-opportunities.upstream-calls-per-minute", "5"))) {
            HttpResponse<String> cold = scan(service, "k1");
            assertThat(cold.statusCode()).isEqualTo(200);
            assertThat(JsonFormat.mapper().readTree(cold.body()).path("stats").path("upstream_calls").asInt())
                    .as("a cold scan costs more than the budget of 5").isGreaterThan(5);

            HttpResponse<String> second = scan(service, "k1");

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(JsonFormat.mapper().readTree(second.body()).path("detail").asString())
                    .contains("at most 5 market-data calls a minute");
            // another key has its own budget, and a warm scan costs it one call's worth: five, then no more
            for (int i = 0; i < 5; i++) {
                assertThat(scan(service, "k2").statusCode()).as("warm scan %d of k2", i + 1).isEqualTo(200);
            }
            assertThat(scan(service, "k2").statusCode()).isEqualTo(429);
        }
    }

    static HttpResponse<String> scan(RunningService service) throws Exception {
        return service.post("/api/bourse/opportunities?as_of=2024-06-28", "text/csv", CSV);
    }

    static HttpResponse<String> scan(RunningService service, String key) throws Exception {
        return service.post("/api/bourse/opportunities?as_of=2024-06-28", "text/csv", CSV, "X-API-Key", key);
    }

    static JsonNode stats(RunningService service) throws Exception {
        return JsonFormat.mapper().readTree(service.get("/api/bourse/cache/stats", "Authorization", "Bearer " + ADMIN).body());
    }
}
