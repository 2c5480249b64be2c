package com.marketopportunities.scorecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.store.NoSharedStore;
import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.store.RedisSharedStore;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.testredis.RealRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-process level of a {@link TieredCache}: which keys a management pattern reaches there, as
 * Redis's own glob reaches them in the shared level.
 */
class TieredCacheTest {

    static final Instant NOW = Instant.parse("2024-06-28T13:00:00Z");

    /** Values are their own expiry instants: enough to exercise the levels. */
    static final TieredCache.Codec<Instant> INSTANTS = new TieredCache.Codec<>() {
        @Override
        public String encode(Instant value) {
            return value.toString();
        }

        @Override
        public Instant decode(String key, String text) {
            return Instant.parse(text);
        }
    };

    private final MutableClock clock = new MutableClock(NOW);
    private final TieredCache<Instant> cache = new TieredCache<>(100, new NoSharedStore(), INSTANTS,
            value -> value, clock, CacheMetrics.unregistered());

    @Test
    void aBracketRangeClearsTheMatchingInProcessEntriesAsRedisDoes() {
        store("stock_score:AAPL:medium", "stock_score:BAC:medium", "stock_score:CVX:medium", "stock_score:JPM:medium",
                "stock_score:XOM:medium");

        cache.clear("stock_score:[A-C]*");

        assertThat(cache.localKeys("stock_score:*")).containsExactlyInAnyOrder("stock_score:JPM:medium",
                "stock_score:XOM:medium");
    }

    @Test
    void theLocalLevelFollowsRedisGlobSemantics() {
        store("stock_score:AAPL:medium", "stock_score:BAC:medium", "stock_score:BAC:short", "stock_score:CVX:long",
                "stock_score:JPM:medium", "stock_score:T:long", "stock_score:A*B:medium", "stock_score:A?B:medium",
                "stock_score:a-b:short", "stock_score:]:short");

        assertThat(local("stock_score:???:medium")).containsExactlyInAnyOrder("stock_score:BAC:medium",
                "stock_score:JPM:medium", "stock_score:A*B:medium", "stock_score:A?B:medium");
        assertThat(local("stock_score:[^A-C]*")).containsExactlyInAnyOrder("stock_score:JPM:medium",
                "stock_score:T:long", "stock_score:a-b:short", "stock_score:]:short");
        assertThat(local("stock_score:[JT]*:*")).containsExactlyInAnyOrder("stock_score:JPM:medium",
                "stock_score:T:long");
        // a reversed range is the same range, as in Redis
        assertThat(local("stock_score:[C-B]*")).containsExactlyInAnyOrder("stock_score:BAC:medium",
                "stock_score:BAC:short", "stock_score:CVX:long");
        // a backslash makes the next character literal, inside a class or outside
        assertThat(local("stock_score:A\\*B:*")).containsExactly("stock_score:A*B:medium");
        assertThat(local("stock_score:A\\?B:*")).containsExactly("stock_score:A?B:medium");
        assertThat(local("stock_score:[\\]]:*")).containsExactly("stock_score:]:short");
        assertThat(local("stock_score:a[\\-]b:*")).containsExactly("stock_score:a-b:short");
        // regex characters are not special in a glob
        assertThat(local("stock_score:.*")).isEmpty();
        assertThat(local("stock_score:*:medium")).hasSize(5);
        assertThat(local("stock_score:*:*:*")).isEmpty();
        assertThat(local("stock_score:T:long")).containsExactly("stock_score:T:long");
    }

    @Test
    void everyPatternReachesTheSameKeysInProcessAsInRedis() {
        List<String> keys = List.of("stock_score:AAPL:medium", "stock_score:BAC:short", "stock_score:A*B:medium",
                "stock_score:A?B:long", "stock_score:a-b:short", "stock_score:]:short", "stock_score:^:short",
                "stock_score:x\\y:short", "stock_score:[:short", "market_data:csv:history:JPM:2024-01-02:2024-06-28");
        List<String> patterns = List.of("stock_score:*", "stock_score:[A-C]*", "stock_score:[^A-C]*", "stock_score:[C-A]*",
                "stock_score:???:*", "stock_score:A\\*B:*", "stock_score:[\\]]:*", "stock_score:[a-]*",
                "stock_score:[^]*", "stock_score:[]*", "stock_score:[*", "stock_score:\\[:*", "stock_score:x\\\\y:*",
                "stock_score:*\\", "stock_score:[[]:short", "stock_score:[\\^]:*", "stock_score:*[Ss]hort",
                "market_data:*:history:J?M:2024-0[1-6]-*", "market_data:*:[^h]*");
        try (RealRedis redis = RealRedis.start();
             RedisSharedStore shared = new RedisSharedStore(RedisSettings.defaults(redis.url()))) {
            TieredCache<Instant> both = new TieredCache<>(100, shared, INSTANTS, value -> value, clock,
                    CacheMetrics.unregistered());
            keys.forEach(key -> both.put(key, NOW.plus(Duration.ofHours(1))));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (shared.keys("*", 100).size() < keys.size() && System.nanoTime() < deadline) {
                RedisCli.sleep(20);
            }
            assertThat(shared.keys("*", 100)).as("every key written to Redis").hasSize(keys.size());

            for (String pattern : patterns) {
                List<String> inRedis = shared.keys(pattern, 100).stream().map(SharedStore.KeyTtl::key).toList();
                assertThat(both.localKeys(pattern)).as(pattern).containsExactlyInAnyOrderElementsOf(inRedis);
            }
        }
    }

    @Test
    void anEntryLeavesTheProcessWhenTheInjectedClockPassesItsKeepUntil() {
        cache.put("stock_score:JPM:medium", NOW.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.getLocal("stock_score:JPM:medium")).isNotNull();

        clock.advance(Duration.ofMinutes(2));

        assertThat(cache.getLocal("stock_score:JPM:medium")).as("an hour and a minute later, by the cache's clock")
                .isNull();
        assertThat(cache.localKeys("stock_score:*")).isEmpty();
    }

    @Test
    void aPutOverAnEntryReplacesItInBothLevelsWithTheNewEntrysOwnKeepUntil() {
        String key = "stock_score:JPM:medium";
        Instant shortLived = NOW.plus(Duration.ofMinutes(10));
        Instant longLived = NOW.plus(Duration.ofHours(28));
        try (RealRedis redis = RealRedis.start();
             RedisSharedStore shared = new RedisSharedStore(RedisSettings.defaults(redis.url()))) {
            TieredCache<Instant> both = new TieredCache<>(100, shared, INSTANTS, value -> value, clock,
                    CacheMetrics.unregistered());
            both.put(key, shortLived);

            both.put(key, longLived);

            assertThat(both.getLocal(key)).as("in process").isEqualTo(longLived);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!longLived.toString().equals(shared.getAll(List.of(key)).get(key)) && System.nanoTime() < deadline) {
                RedisCli.sleep(20);
            }
            assertThat(shared.getAll(List.of(key))).as("in Redis").containsExactly(java.util.Map.entry(key,
                    longLived.toString()));
            assertThat(shared.keys(key, 10)).singleElement().satisfies(entry -> assertThat(entry.ttlSeconds())
                    .as("Redis's TTL is the new entry's").isGreaterThan(Duration.ofHours(27).toSeconds()));
            clock.advance(Duration.ofMinutes(30));
            assertThat(both.getLocal(key)).as("past the replaced entry's keepUntil, the new one stays in process")
                    .isEqualTo(longLived);
        }
    }

    private List<String> local(String pattern) {
        return cache.localKeys(pattern);
    }

    private void store(String... keys) {
        for (String key : keys) {
            cache.put(key, NOW.plus(Duration.ofHours(1)));
        }
    }
}
