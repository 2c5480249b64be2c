package com.marketopportunities.benchmark;

import com.marketopportunities.config.Caches;
import com.marketopportunities.config.MarketDataSources;
import com.marketopportunities.config.ScanServiceFactory;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.portfolio.PortfolioReader;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScanRequest;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.testredis.RealRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The score cache's figures (issue 4), on examples/tech-heavy.csv at as-of 2022-12-05 over the
 * real market data: a warm scan in process, a warm scan by a new instance served by Redis alone,
 * and the Redis commands such a scan sends. Not a test: run it with bench/cache-benchmark.sh.
 */
public final class CacheBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/market-data");
        ScanRequest request = new ScanRequest(new PortfolioReader().read(Path.of("examples/tech-heavy.csv"), null)
                .portfolio(), Horizon.MEDIUM, 5.0, LocalDate.of(2022, 12, 5), 6, List.of());
        try (RealRedis redis = RealRedis.start()) {
            Settings settings = Settings.defaults().withRedisUrl(redis.url());

            Instance first = new Instance(settings, data);
            long coldStart = System.nanoTime();
            ScanReport cold = first.scan(request);
            double coldMs = (System.nanoTime() - coldStart) / 1e6;
            double[] warm = new double[200];
            for (int i = 0; i < 20; i++) {
                first.scan(request);
            }
            for (int i = 0; i < warm.length; i++) {
                long start = System.nanoTime();
                ScanReport report = first.scan(request);
                warm[i] = (System.nanoTime() - start) / 1e6;
                check(report.stats().upstreamCalls() == 0 && report.stats().cacheMisses() == 0, "warm scan not warm");
            }
            first.close();

            double[] fresh = new double[15];
            long commands = 0;
            try (RedisClient client = RedisClient.create(redis.url());
                 StatefulRedisConnection<String, String> connection = client.connect()) {
                for (int i = 0; i < fresh.length; i++) {
                    Instance instance = new Instance(settings, data);
                    long before = readCommands(connection);
                    long start = System.nanoTime();
                    ScanReport report = instance.scan(request);
                    fresh[i] = (System.nanoTime() - start) / 1e6;
                    commands = readCommands(connection) - before - 1;
                    check(report.stats().upstreamCalls() == 0 && report.stats().cacheMisses() == 0,
                            "a new instance's scan was not served by Redis");
                    instance.close();
                }
            }
            System.out.printf(Locale.ROOT, "cold scan (empty caches, CSV folder): %.0f ms, %d upstream calls%n", coldMs,
                    cold.stats().upstreamCalls());
            System.out.printf(Locale.ROOT, "warm scan in process: p50 %.2f ms, p90 %.2f ms over %d scans (target p50 < 20 ms)%n",
                    UniverseScoringBenchmark.percentile(warm, 50), UniverseScoringBenchmark.percentile(warm, 90), warm.length);
            System.out.printf(Locale.ROOT, "warm scan by a new instance, served by Redis alone: p50 %.1f ms, p90 %.1f ms "
                    + "over %d instances; 0 upstream calls%n", UniverseScoringBenchmark.percentile(fresh, 50),
                    UniverseScoringBenchmark.percentile(fresh, 90), fresh.length);
            System.out.printf(Locale.ROOT, "Redis commands sent by that scan: %d (MGET round trips; writes: none)%n", commands);
        }
    }

    /** Commands the server has processed so far (INFO stats total_commands_processed). */
    static long readCommands(StatefulRedisConnection<String, String> connection) {
        Matcher matcher = Pattern.compile("total_commands_processed:(\\d+)").matcher(connection.sync().info("stats"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** One instance of the product: its caches, its market data, its scan service. */
    static final class Instance implements AutoCloseable {
        final Caches caches;
        final MarketData marketData;
        final ScanService service;

        Instance(Settings settings, Path data) {
            caches = Caches.open(settings, Clock.systemUTC(), new SimpleMeterRegistry());
            marketData = MarketDataSources.open(data.toString(), settings, caches, Clock.systemUTC());
            service = ScanServiceFactory.create(settings, marketData, caches.scores(), Clock.systemUTC());
        }

        ScanReport scan(ScanRequest request) {
            return service.scan(request, ScanListener.SILENT);
        }

        @Override
        public void close() {
            marketData.close();
            caches.close();
        }
    }
}
