package com.marketopportunities.scorecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.config.Caches;
import com.marketopportunities.config.MarketDataSources;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.scan.ExampleMarket;
import com.marketopportunities.testredis.RealRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caches' threads belong to the process's wiring: closing the caches ends them. */
class CacheThreadsTest {

    @TempDir
    Path folder;

    @Test
    void closingTheMarketDataAndTheCachesLeavesNoCacheThreadRunning() throws Exception {
        Path data = ExampleMarket.write(folder);
        // other tests' threads in this JVM are theirs: only the ones started here count
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (RealRedis redis = RealRedis.start()) {
            Settings settings = Settings.defaults().withRedisUrl(redis.url());
            Caches caches = Caches.open(settings, ExampleMarket.CLOCK, new SimpleMeterRegistry());
            MarketData marketData = MarketDataSources.open(data.toString(), settings, caches, ExampleMarket.CLOCK);
            // asks the shared level for what is not in process, on the shared-lookup threads
            marketData.history("XLV", ExampleMarket.AS_OF.minusDays(30), ExampleMarket.AS_OF).join();
            marketData.fundamentals("XLV").join();
            assertThat(cacheThreads(before)).as("threads while in use").isNotEmpty();

            marketData.close();
            caches.close();

            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (!cacheThreads(before).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(cacheThreads(before)).as("threads after closing").isEmpty();
        }
    }

    /** The live threads of the shared-level lookups and of the Redis reconnection, but those of {@code others}. */
    static List<String> cacheThreads(Set<Thread> others) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> !others.contains(thread)).map(Thread::getName)
                .filter(name -> name.startsWith("market-data-shared-cache") || name.startsWith("redis-reconnect"))
                .toList();
    }
}
