package com.marketopportunities.cli;

import com.marketopportunities.config.Application;
import com.marketopportunities.config.InvalidSettingsException;
import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.config.SourceOptions;
import com.marketopportunities.scorecache.CacheStats;
import com.marketopportunities.scorecache.CacheWarmer;
import com.marketopportunities.store.SharedStore;
import com.marketopportunities.store.SharedStoreStatus;
import com.marketopportunities.scorecache.WarmUpProgress;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cache stats|keys|clear|warm}: what the score cache holds, and managing it. With
 * {@code REDIS_URL} these act on the shared Redis level that every instance uses; without it there
 * is only this command's own, empty, in-process cache.
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = {"Shows and manages the score cache (Redis when REDIS_URL or --redis-url is set).",
                "Patterns must start with stock_score: or market_data: (SCAN is used, never KEYS)."},
        subcommands = {CacheCommand.Stats.class, CacheCommand.Keys.class, CacheCommand.Clear.class,
                CacheCommand.Warm.class})
final class CacheCommand {

    /** Runs {@code action} with the application open, mapping failures to exit codes. */
    static int withCaches(CommandSpec spec, SourceOptions source, CacheAction action) {
        PrintWriter err = spec.commandLine().getErr();
        try (Application application = Application.open(source.overrides(), Clock.systemDefaultZone(),
                new SimpleMeterRegistry())) {
            if (!application.sharedStore().isShared()) {
                err.println("note: no REDIS_URL (or --redis-url): this command sees only its own, empty, in-process cache");
            }
            return action.run(application, spec.commandLine().getOut(), err);
        } catch (IllegalArgumentException | InvalidSettingsException e) {
            err.println("error: " + e.getMessage());
            return MarketOpportunitiesCli.EXIT_BAD_INPUT;
        }
    }

    @FunctionalInterface
    interface CacheAction {
        int run(Application application, PrintWriter out, PrintWriter err);
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Backend, Redis state (connected, breaker, last error), keys, TTLs, sample keys, counters.")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SourceOptions source;
        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
                description = "Default: ${DEFAULT-VALUE}.")
        StatsFormat format;

        enum StatsFormat { text, json }

        @Override
        public Integer call() {
            return withCaches(spec, source, (application, out, err) -> {
                CacheStats stats = application.scoreCache().stats();
                if (format == StatsFormat.json) {
                    out.println(JsonFormat.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stats));
                    return MarketOpportunitiesCli.EXIT_OK;
                }
                out.printf(Locale.ROOT, "backends:     %s%n", stats.backends().label());
                SharedStoreStatus redis = stats.redis();
                if (redis.backend() == SharedStoreStatus.Backend.NONE) {
                    out.printf(Locale.ROOT, "redis:        %s%n", redis.summary());
                } else {
                    out.printf(Locale.ROOT, "redis:        %s, %s (breaker %s)%s%n", redis.url(), redis.summary(),
                            redis.breakerState(), redis.lastError() == null ? "" : ", last error: " + redis.lastError());
                }
                out.printf(Locale.ROOT, "score keys:   %s%n", keyCounts(stats));
                out.printf(Locale.ROOT, "fresh TTL:    %d s (%.1f h) for a normal volatility%n", stats.ttlSeconds(),
                        stats.ttlHours());
                out.printf(Locale.ROOT, "sample keys:  %s%n", String.join(", ", stats.sampleKeys()));
                out.printf(Locale.ROOT, "this process: %d hits, %d misses, %d stale served, %d Redis errors%n",
                        stats.hits(), stats.misses(), stats.staleServed(), stats.errors());
                return MarketOpportunitiesCli.EXIT_OK;
            });
        }
    }

    /** The shared count and the local one, each named: "12 in Redis, 42 in this process". */
    static String keyCounts(CacheStats stats) {
        if (stats.sharedKeys() != null) {
            return stats.sharedKeys() + " in Redis, " + stats.localKeys() + " in this process";
        }
        return stats.localKeys() + " in this process"
                + (stats.backends() == CacheStats.Backends.REDIS_AND_MEMORY ? " (Redis could not be counted)" : "");
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, description = "Lists keys with their remaining TTL.")
    static final class Keys implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SourceOptions source;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PATTERN", defaultValue = "stock_score:*",
                description = "A glob in the cache's namespaces. Default: ${DEFAULT-VALUE}.")
        String pattern;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many keys. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Override
        public Integer call() {
            return withCaches(spec, source, (application, out, err) -> {
                List<SharedStore.KeyTtl> keys = application.scoreCache().keys(pattern, limit);
                keys.forEach(key -> out.printf(Locale.ROOT, "%-50s %s%n", key.key(),
                        key.ttlSeconds() == null ? "no expiry" : key.ttlSeconds() + " s"));
                err.println(keys.size() + " keys" + (keys.size() == limit ? " (limit reached: --limit N for more)" : ""));
                return MarketOpportunitiesCli.EXIT_OK;
            });
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Deletes the matching entries in Redis and in process; prints how many.")
    static final class Clear implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SourceOptions source;
        @Parameters(index = "0", paramLabel = "PATTERN",
                description = "e.g. 'stock_score:JPM:*' or 'market_data:*'; '*' alone is refused.")
        String pattern;

        @Override
        public Integer call() {
            return withCaches(spec, source, (application, out, err) -> {
                long cleared = application.scoreCache().clear(pattern);
                out.println(cleared + " entries deleted (" + pattern + ")");
                return MarketOpportunitiesCli.EXIT_OK;
            });
        }
    }

    @Command(name = "warm", mixinStandardHelpOptions = true,
            description = {"Scores every proxy ETF and candidate for the horizons now, at the configured pace "
                    + "(cache.warm-scores-per-second), unless another instance holds the warm-up lock."})
    static final class Warm implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SourceOptions source;
        @Option(names = "--horizon", paramLabel = "short|medium|long|all", defaultValue = "all",
                description = "Default: ${DEFAULT-VALUE}.")
        String horizon;
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
                description = "Warm the scores of a past date (offline data). Default: today.")
        java.time.LocalDate asOf;

        @Override
        public Integer call() {
            return withCaches(spec, source, (application, out, err) -> {
                List<Horizon> horizons = horizon.equalsIgnoreCase("all") ? Arrays.asList(Horizon.values())
                        : List.of(Horizon.parse(horizon));
                CacheWarmer warmer = application.warmer(horizons,
                        () -> asOf == null ? java.time.LocalDate.now(application.clock()) : asOf);
                WarmUpProgress result = warmer.runOnce(progress -> {
                    if (progress.total() > 0 && progress.done() % 10 == 0) {
                        err.printf(Locale.ROOT, "... %d/%d%n", progress.done(), progress.total());
                    }
                });
                out.printf(Locale.ROOT, "warm-up %s: %d of %d scores%n", result.state(), result.done(), result.total());
                return result.phase().skipped() ? MarketOpportunitiesCli.EXIT_FAILED
                        : MarketOpportunitiesCli.EXIT_OK;
            });
        }
    }
}
