package com.marketopportunities.config;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where data and cache live, and the configuration: the options every command shares (a picocli
 * mixin of {@code scan}, {@code cache} and {@code serve}).
 */
public final class SourceOptions {

    @Option(names = "--data", paramLabel = "yahoo|DIR", defaultValue = "${env:MARKET_DATA:-yahoo}",
            description = "Market data: 'yahoo' (Yahoo Finance) or a folder of CSV files "
                    + "({SYMBOL}.csv or ohlcv/{SYMBOL}.csv, and fundamentals.csv). "
                    + "Default: ${DEFAULT-VALUE} (environment MARKET_DATA).")
    private String data;

    @Option(names = "--yahoo-url", paramLabel = "URL", defaultValue = "${env:YAHOO_URL}",
            description = "Send every Yahoo Finance request (cookie, crumb, chart, quoteSummary) to this server "
                    + "instead, e.g. a local stand-in. Environment YAHOO_URL.")
    private URI yahooUrl;

    @Option(names = "--redis-url", paramLabel = "URL", defaultValue = "${env:REDIS_URL}",
            description = "Share the score cache in Redis: redis://host:6379/0, rediss://:password@host:6380/0, "
                    + "redis-sentinel://host:26379/0#master, redis-cluster://h1:7000,h2:7001. Environment REDIS_URL. "
                    + "Default: none, the in-process cache alone.")
    private String redisUrl;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:MARKET_OPPORTUNITIES_CONFIG}",
            description = "A properties file overriding any built-in setting (keys and defaults: "
                    + "market-opportunities.properties in the README). Environment MARKET_OPPORTUNITIES_CONFIG.")
    private Path config;

    /** {@code yahoo} or a folder of CSV files. */
    public String data() {
        return data;
    }

    /** The Redis URL given on the command line or in REDIS_URL, or {@code null}. */
    public String redisUrl() {
        return redisUrl;
    }

    /** The Yahoo URL given on the command line or in YAHOO_URL, or {@code null}. */
    public URI yahooUrl() {
        return yahooUrl;
    }

    /** The configuration file, or {@code null}. */
    public Path config() {
        return config;
    }

    /** These options as the application's overrides (applied once, by {@link Application}). */
    public Overrides overrides() {
        return new Overrides(data, config, redisUrl, yahooUrl, null, null);
    }
}
