package com.marketopportunities.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * What a user chose at start-up over the built-in settings: flags of the command line, or the
 * service's properties and environment. {@link #settings()} applies them, in one place, once.
 *
 * @param data      {@code yahoo} or a folder of CSV files
 * @param config    a properties file over the built-in settings, or {@code null}
 * @param redisUrl  the shared cache, or {@code null}/blank for none
 * @param yahooUrl  every Yahoo request to this server instead, or {@code null}
 * @param taxonomy  the user's own buckets, or {@code null}
 * @param universe  the user's own candidates, or {@code null}
 */
public record Overrides(String data, Path config, String redisUrl, URI yahooUrl, Path taxonomy, Path universe) {

    public Overrides {
        data = data == null || data.isBlank() ? MarketDataSources.YAHOO : data;
        redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl;
    }

    /** The built-in settings and nothing else, over {@code data}. */
    public static Overrides none(String data) {
        return new Overrides(data, null, null, null, null, null);
    }

    public Overrides withConfig(Path configFile) {
        return new Overrides(data, configFile, redisUrl, yahooUrl, taxonomy, universe);
    }

    public Overrides withSectorFiles(Path taxonomyFile, Path universeFile) {
        return new Overrides(data, config, redisUrl, yahooUrl, taxonomyFile, universeFile);
    }

    /**
     * The configuration file's settings with these choices on top.
     *
     * @throws InvalidSettingsException naming the file and key, or the option
     */
    public Settings settings() {
        Settings settings = Settings.load(config).withSectorFiles(taxonomy, universe);
        if (yahooUrl != null) {
            settings = settings.withYahooUrl(yahooUrl);
        }
        return redisUrl == null ? settings : settings.withRedisUrl(redisUrl);
    }
}
