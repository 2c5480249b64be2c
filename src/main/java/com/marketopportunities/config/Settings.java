package com.marketopportunities.config;

import com.marketopportunities.marketdata.yahoo.YahooSettings;
import com.marketopportunities.rebalance.TrimSettings;
import com.marketopportunities.scorecache.AdaptiveTtl;
import com.marketopportunities.store.RedisSettings;
import com.marketopportunities.scan.ScanParameter;
import com.marketopportunities.scan.ScanSettings;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoringSettings;
import com.marketopportunities.scoring.ScoringSettings.HorizonSettings;
import com.marketopportunities.exposure.ExposureTables;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The product's configuration: the built-in defaults of {@code market-opportunities.properties},
 * overridden by a user's file. Every key is documented in that resource.
 */
public record Settings(ScoringSettings scoring, ScanSettings scan, TrimSettings trims, Taxonomy taxonomy,
                       CandidateUniverse universe, ExposureTables exposure, YahooSettings yahoo,
                       long marketDataCacheEntries, CacheSettings cache) {

    private static final String DEFAULTS = "/market-opportunities.properties";

    public static Settings defaults() {
        return load(null);
    }

    /**
     * @param overrides a properties file whose keys replace the defaults, or {@code null}
     * @throws InvalidSettingsException naming the key and what was expected
     */
    public static Settings load(Path overrides) {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in " + DEFAULTS + " cannot be read", e);
        }
        if (overrides != null) {
            try (Reader reader = Files.newBufferedReader(overrides, StandardCharsets.UTF_8)) {
                Properties user = new Properties();
                user.load(reader);
                user.stringPropertyNames().forEach(key -> {
                    if (!properties.containsKey(key)) {
                        throw new InvalidSettingsException(overrides + ": unknown key '" + key
                                + "' (see market-opportunities.properties for the keys)");
                    }
                    properties.setProperty(key, user.getProperty(key));
                });
            } catch (IOException e) {
                throw new InvalidSettingsException("cannot read the configuration file " + overrides + ": " + e.getMessage());
            }
        }
        return from(new Keys(properties, overrides == null ? "built-in settings" : overrides.toString()));
    }

    private static Settings from(Keys keys) {
        Map<Horizon, HorizonSettings> horizons = new EnumMap<>(Horizon.class);
        for (Horizon horizon : Horizon.values()) {
            String prefix = "scoring." + horizon.key() + ".";
            int windowDays = keys.integer(prefix + "window-days", 1, 3650);
            int momentumBars = keys.integer(prefix + "momentum-bars", 2, 2520);
            double[] weights = keys.numbers(prefix + "weights", 3);
            horizons.put(horizon, keys.build(prefix + "weights", () -> new HorizonSettings(windowDays, momentumBars,
                    weights[0], weights[1], weights[2])));
        }
        ScoringSettings scoring = new ScoringSettings(horizons, keys.text("scoring.benchmark"),
                keys.integer("scoring.min-bars"), keys.integer("scoring.rsi-period"),
                keys.integer("scoring.min-daily-returns"), keys.integer("scoring.trading-days-per-year"),
                new ScoringSettings.MomentumSettings(keys.number("scoring.momentum.points-per-return-pct"),
                        keys.number("scoring.momentum.rsi-points-per-unit"),
                        keys.number("scoring.momentum.points-per-relative-pct")),
                new ScoringSettings.ValueSettings(keys.number("scoring.value.fair-pe"),
                        keys.number("scoring.value.points-per-pe-below"), keys.number("scoring.value.points-per-pe-above"),
                        keys.number("scoring.value.points-per-yield-pct")),
                new ScoringSettings.DiversificationSettings(keys.number("scoring.diversification.neutral-volatility"),
                        keys.number("scoring.diversification.points-per-vol-below"),
                        keys.number("scoring.diversification.points-per-vol-above")));
        ScanSettings scan = new ScanSettings(keys.integer("scan.top-gaps", 1, 15),
                keys.integer("scan.max-opportunities", 1, 1000), keys.number("scan.bucket-cap-pct", 0, 100),
                keys.integer("scan.min-correlation-overlap", 2, 1000), keys.integer("scan.top-n", (int) ScanParameter.TOP_N.min(),
                (int) ScanParameter.TOP_N.max()), keys.number("scan.min-gap-pct", ScanParameter.MIN_GAP.min(),
                ScanParameter.MIN_GAP.max()), keys.number("scan.min-buy-score", 0, 100),
                keys.integer("scan.max-symbols", 1, 10_000), keys.integer("scan.early-candidates-max-gaps", 0, 100));
        TrimSettings trims = new TrimSettings(keys.integer("trims.protected-top-n", 0, 10_000),
                keys.integer("trims.min-holding-days", 0, 3650), keys.number("trims.max-sale-pct", 0, 100),
                keys.number("trims.min-sale-score", 0, 100), keys.number("trims.sufficient-ratio", 0, 1),
                keys.integer("trims.return-bars", 2, 2520));
        String taxonomyFile = keys.text("sectors.taxonomy");
        String universeFile = keys.text("sectors.universe");
        YahooSettings yahoo = keys.build("yahoo.max-concurrent", () -> new YahooSettings(keys.uri("yahoo.cookie-url"),
                keys.uri("yahoo.crumb-url"), keys.uri("yahoo.api-url"), keys.millis("yahoo.connect-timeout-ms"),
                keys.millis("yahoo.read-timeout-ms"), keys.integer("yahoo.max-concurrent", 1, 256),
                keys.integer("yahoo.requests-per-second", 1, 10_000), keys.integer("yahoo.max-attempts", 1, 20),
                keys.millis("yahoo.initial-backoff-ms"), keys.millis("yahoo.max-backoff-ms"),
                keys.integer("yahoo.breaker-failure-rate-pct", 1, 100), keys.integer("yahoo.breaker-window-calls", 1, 10_000),
                keys.millis("yahoo.breaker-open-ms"), keys.integer("yahoo.quote-batch-size", 1, 100),
                keys.millis("yahoo.quote-linger-ms"), keys.prefixed("yahoo.header.")));
        Taxonomy taxonomy = taxonomyFile.isEmpty() ? SectorFiles.builtInTaxonomy() : SectorFiles.taxonomy(Path.of(taxonomyFile));
        CandidateUniverse universe = universeFile.isEmpty() ? SectorFiles.builtInUniverse()
                : SectorFiles.universe(Path.of(universeFile));
        return new Settings(scoring, scan, trims, taxonomy,
                fitting(universe, taxonomy, universeFile.isEmpty() ? "built-in sectors/universe.json" : universeFile),
                ExposureFiles.tables(file(keys, "exposure.known-funds"), file(keys, "exposure.fund-categories"),
                        file(keys, "exposure.countries")),
                yahoo, keys.integer("market-data.cache-entries", 1, 10_000_000), cacheSettings(keys));
    }

    /** A file named by a key, or {@code null} (the built-in resource) when the key is empty. */
    private static Path file(Keys keys, String key) {
        String name = keys.text(key);
        return name.isEmpty() ? null : Path.of(name);
    }

    private static CacheSettings cacheSettings(Keys keys) {
        String url = keys.text("cache.redis-url");
        RedisSettings redis = new RedisSettings(url.isEmpty() ? null : url, keys.millis("cache.redis-timeout-ms"),
                keys.millis("cache.redis-timeout-ms"), keys.integer("cache.redis-breaker-failures", 1, 1000),
                keys.millis("cache.redis-breaker-open-ms"));
        AdaptiveTtl ttl = new AdaptiveTtl(keys.number("cache.ttl-high-volatility", 0, 100),
                keys.number("cache.ttl-low-volatility", 0, 100),
                java.time.Duration.ofMinutes(keys.integer("cache.ttl-short-minutes", 1, 100_000)),
                java.time.Duration.ofMinutes(keys.integer("cache.ttl-normal-minutes", 1, 100_000)),
                java.time.Duration.ofMinutes(keys.integer("cache.ttl-long-minutes", 1, 100_000)),
                java.time.Duration.ofMinutes(keys.integer("cache.ttl-partial-minutes", 1, 100_000)),
                java.time.Duration.ofHours(keys.integer("cache.stale-grace-hours", 0, 10_000)),
                keys.number("cache.refresh-ahead", 0, 1));
        return new CacheSettings(redis, keys.integer("cache.local-max-entries", 1, 10_000_000), ttl,
                keys.number("cache.warm-scores-per-second", 0.01, 1000),
                java.time.Duration.ofMinutes(keys.integer("cache.warm-interval-minutes", 1, 100_000)),
                java.time.Duration.ofSeconds(keys.integer("cache.warm-lock-seconds", 1, 86_400)));
    }

    /**
     * The score cache's settings.
     *
     * @param warmScoresPerSecond the warm-up's pace, so as not to trip the upstream's limits
     * @param warmInterval        how often the warm-up runs again
     * @param warmLock            how long one instance's warm-up lock lasts at most
     */
    public record CacheSettings(RedisSettings redis, long localMaxEntries, AdaptiveTtl ttl, double warmScoresPerSecond,
                                java.time.Duration warmInterval, java.time.Duration warmLock) {
    }

    /** The shared level at {@code url} ({@code --redis-url}, {@code REDIS_URL}); blank: none. */
    public Settings withRedisUrl(String url) {
        RedisSettings redis = cache.redis();
        return new Settings(scoring, scan, trims, taxonomy, universe, exposure, yahoo, marketDataCacheEntries,
                new CacheSettings(new RedisSettings(url == null || url.isBlank() ? null : url, redis.commandTimeout(),
                        redis.connectTimeout(), redis.breakerFailures(), redis.breakerOpenFor()), cache.localMaxEntries(),
                        cache.ttl(), cache.warmScoresPerSecond(), cache.warmInterval(), cache.warmLock()));
    }

    /** Replaces the taxonomy and/or universe (command-line files win over the configuration). */
    public Settings withSectorFiles(Path taxonomyFile, Path universeFile) {
        Taxonomy newTaxonomy = taxonomyFile == null ? taxonomy : SectorFiles.taxonomy(taxonomyFile);
        CandidateUniverse newUniverse = universeFile == null ? universe : SectorFiles.universe(universeFile);
        return new Settings(scoring, scan, trims, newTaxonomy, fitting(newUniverse, newTaxonomy,
                universeFile == null ? "the configured candidate universe" : universeFile.toString()),
                exposure, yahoo, marketDataCacheEntries, cache);
    }

    /** The universe, once its explicit sectors are found to agree with the taxonomy's sector ETFs. */
    private static CandidateUniverse fitting(CandidateUniverse universe, Taxonomy taxonomy, String universeSource) {
        try {
            universe.requireSectorsAgreeWith(taxonomy);
            return universe;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(universeSource + ": " + e.getMessage());
        }
    }

    /** Every Yahoo URL on one server ({@code --yahoo-url}, {@code YAHOO_URL}): a stand-in, a proxy. */
    public Settings withYahooUrl(java.net.URI base) {
        return new Settings(scoring, scan, trims, taxonomy, universe, exposure, yahoo.pointingAt(base), marketDataCacheEntries,
                cache);
    }

    /** Typed reads of the properties, with errors that name the key and the source. */
    private record Keys(Properties properties, String source) {

        String text(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw new InvalidSettingsException(source + ": missing key '" + key + "'");
            }
            return value.trim();
        }

        int integer(String key) {
            try {
                return Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException(source + ": '" + key + "' must be a whole number, got '"
                        + text(key) + "'");
            }
        }

        double number(String key) {
            return parse(key, text(key));
        }

        java.time.Duration millis(String key) {
            return java.time.Duration.ofMillis(integer(key, 0, 86_400_000));
        }

        java.net.URI uri(String key) {
            try {
                java.net.URI uri = new java.net.URI(text(key));
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new java.net.URISyntaxException(text(key), "needs a scheme and a host");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new InvalidSettingsException(source + ": '" + key + "' must be a URL like https://host/path, got '"
                        + text(key) + "'");
            }
        }

        /**
         * Every key starting with {@code prefix} and not blank, by the rest of its name, in name order (a blank
         * value takes back a default).
         */
        java.util.Map<String, String> prefixed(String prefix) {
            java.util.Map<String, String> values = new java.util.TreeMap<>();
            properties.stringPropertyNames().stream().filter(name -> name.startsWith(prefix)
                    && name.length() > prefix.length() && !text(name).isEmpty())
                    .forEach(name -> values.put(name.substring(prefix.length()), text(name)));
            return values;
        }

        int integer(String key, int min, int max) {
            return within(key, integer(key), min, max);
        }

        double number(String key, double min, double max) {
            return within(key, number(key), min, max);
        }

        private <T extends Comparable<T>> T within(String key, T value, T min, T max) {
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidSettingsException(source + ": '" + key + "' must be between " + min + " and " + max
                        + ", got " + value);
            }
            return value;
        }

        double[] numbers(String key, int count) {
            String[] parts = text(key).split(",");
            if (parts.length != count) {
                throw new InvalidSettingsException(source + ": '" + key + "' must list " + count
                        + " numbers separated by commas, got '" + text(key) + "'");
            }
            double[] numbers = new double[count];
            for (int i = 0; i < count; i++) {
                numbers[i] = parse(key, parts[i].trim());
            }
            return numbers;
        }

        <T> T build(String key, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(source + ": '" + key + "': " + e.getMessage());
            }
        }

        /** A number, or a fraction written {@code a/b}. */
        private double parse(String key, String value) {
            double number;
            try {
                int slash = value.indexOf('/');
                number = slash < 0 ? Double.parseDouble(value)
                        : Double.parseDouble(value.substring(0, slash).trim()) / Double.parseDouble(value.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                number = Double.NaN;
            }
            if (!Double.isFinite(number)) {
                throw new InvalidSettingsException(source + ": '" + key + "' must be a finite number (or a fraction a/b), "
                        + "got '" + value + "'");
            }
            return number;
        }
    }
}
