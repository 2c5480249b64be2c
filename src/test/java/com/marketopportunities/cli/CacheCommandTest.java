package com.marketopportunities.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.scan.MarketDataFolder;
import com.marketopportunities.testredis.RealRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code cache ...} and {@code scan} sharing one Redis, each command a new cache as a new process has. */
class CacheCommandTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path portfolio;
    static RealRedis redis;

    @BeforeAll
    static void start() throws Exception {
        LocalDate from = LocalDate.of(2023, 1, 2);
        LocalDate to = LocalDate.of(2024, 6, 28);
        data = new MarketDataFolder(Files.createDirectories(dir.resolve("market")))
                .prices("SPY", from, to, 400, 0.0004, 0.004).prices("AAPL", from, to, 150, 0.001, 0.01)
                .prices("JPM", from, to, 140, 0.0009, 0.008).prices("XLV", from, to, 130, 0.0003, 0.004)
                .prices("XLE", from, to, 90, -0.0005, 0.01).prices("JNJ", from, to, 160, 0.0001, 0.003)
                .fundamentals("AAPL", "EQUITY", "Information Technology", "30", "0.005").write();
        portfolio = dir.resolve("portfolio.csv");
        Files.writeString(portfolio, "symbol,market_value\nAAPL,9000\nJPM,1000\n");
        redis = RealRedis.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    static ScanCommandTest.Run scan() {
        return ScanCommandTest.run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28",
                "--redis-url", redis.url(), "--format", "json", "-q");
    }

    @Test
    void statsInJsonWhateverTheCaseOfTheFormatAndAnUnknownFormatIsRefused() throws Exception {
        // '--format JSON' printed the text form without a word
        ScanCommandTest.Run json = ScanCommandTest.run("cache", "stats", "--format", "JSON", "--redis-url", redis.url());
        ScanCommandTest.Run xml = ScanCommandTest.run("cache", "stats", "--format", "xml", "--redis-url", redis.url());

        assertThat(json.exitCode()).isZero();
        assertThat(com.marketopportunities.json.JsonFormat.mapper().readTree(json.out()).has("backends")).isTrue();
        assertThat(xml.exitCode()).isEqualTo(2);
        assertThat(xml.err()).contains("--format");
    }

    @Test
    void aSecondScanInANewCacheIsServedByRedisAloneAndClearIsConfinedToItsPattern() throws Exception {
        ScanCommandTest.run("cache", "clear", "stock_score:*", "--redis-url", redis.url());
        ScanCommandTest.run("cache", "clear", "market_data:*", "--redis-url", redis.url());
        JsonNode first = JsonFormat.mapper().readTree(scan().out());
        JsonNode second = JsonFormat.mapper().readTree(scan().out());

        assertThat(first.path("stats").path("upstream_calls").asInt()).isPositive();
        assertThat(second.path("stats").path("upstream_calls").asInt()).isZero();
        assertThat(second.path("stats").path("cache_misses").asInt()).isZero();
        assertThat(second.path("stats").path("cache_hits").asInt()).isEqualTo(first.path("stats").path("cache_misses").asInt());

        ScanCommandTest.Run keys = ScanCommandTest.run("cache", "keys", "stock_score:*", "--redis-url", redis.url());
        assertThat(keys.out()).contains("stock_score:JNJ:medium:2024-06-28").contains("stock_score:XLV:medium:2024-06-28");

        ScanCommandTest.Run refused = ScanCommandTest.run("cache", "clear", "*", "--redis-url", redis.url());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("refused");

        ScanCommandTest.Run cleared = ScanCommandTest.run("cache", "clear", "stock_score:JNJ:*", "--redis-url", redis.url());
        assertThat(cleared.exitCode()).isZero();
        assertThat(cleared.out()).startsWith("1 entries deleted");
        String left = ScanCommandTest.run("cache", "keys", "stock_score:*", "--redis-url", redis.url()).out();
        assertThat(left).doesNotContain("stock_score:JNJ:").contains("stock_score:XLV:medium:2024-06-28");
        // JNJ's score is computed again, the others still hit
        JsonNode third = JsonFormat.mapper().readTree(scan().out());
        assertThat(third.path("stats").path("cache_misses").asInt()).isEqualTo(1);
    }

    @Test
    void statsShowTheBackendAndTheRedisState() throws Exception {
        ScanCommandTest.Run stats = ScanCommandTest.run("cache", "stats", "--format", "json", "--redis-url", redis.url());

        JsonNode body = JsonFormat.mapper().readTree(stats.out());
        assertThat(body.path("backends").asString()).isEqualTo("redis+memory");
        assertThat(body.path("redis").path("connected").asBoolean()).isTrue();
        assertThat(body.path("redis").path("breaker_state").asString()).isEqualTo("CLOSED");
        assertThat(body.path("redis").path("summary").asString()).startsWith("connected, in use");
        assertThat(body.path("shared_keys").isNumber()).isTrue();
        assertThat(body.path("ttl_seconds").asLong()).isEqualTo(14_400);
    }

    @Test
    void withRedisUnreachableStatsSayNotConnectedWithTheErrorsAndCountTheKeysInProcess() {
        ScanCommandTest.Run stats = ScanCommandTest.run("cache", "stats", "--redis-url", "redis://127.0.0.1:1/0");

        assertThat(stats.exitCode()).isZero();
        assertThat(stats.out()).containsPattern("not connected, \\d+ errors?").doesNotContain("in use");
        assertThat(stats.out()).contains("score keys:   0 in this process (Redis could not be counted)");
    }
}
