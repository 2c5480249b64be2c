package com.marketopportunities.api;

import com.marketopportunities.config.Caches;
import com.marketopportunities.config.MarketDataSources;
import com.marketopportunities.config.ScanServiceFactory;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scorecache.CacheWarmer;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's parts: the same settings, caches, market data and scan service as the command line. */
@Configuration
@EnableConfigurationProperties(ServiceProperties.class)
class ServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    Settings settings(ServiceProperties properties) {
        Settings settings = Settings.load(blank(properties.config()) ? null : Path.of(properties.config()));
        if (!blank(properties.yahooUrl())) {
            settings = settings.withYahooUrl(URI.create(properties.yahooUrl()));
        }
        if (!blank(properties.redisUrl())) {
            settings = settings.withRedisUrl(properties.redisUrl());
        }
        return settings;
    }

    @Bean(destroyMethod = "close")
    Caches caches(Settings settings, Clock clock, MeterRegistry registry) {
        return Caches.open(settings, clock, registry);
    }

    @Bean(destroyMethod = "close")
    MarketData marketData(ServiceProperties properties, Settings settings, Caches caches, Clock clock) {
        return MarketDataSources.open(blank(properties.data()) ? MarketDataSources.YAHOO : properties.data(), settings,
                caches, clock);
    }

    @Bean
    ScanService scanService(Settings settings, MarketData marketData, Caches caches, Clock clock) {
        return ScanServiceFactory.create(settings, marketData, caches.scores(), clock);
    }

    @Bean(destroyMethod = "close")
    CacheWarmer cacheWarmer(ServiceProperties properties, Settings settings, Caches caches, ScanService scans,
                            Clock clock) {
        CacheWarmer warmer = new CacheWarmer(caches.shared(), scans::score, scans.warmUpSymbols(),
                List.of(Horizon.values()), settings.cache().warmScoresPerSecond(), settings.cache().warmLock(),
                () -> LocalDate.now(clock), clock);
        caches.scores().reportWarmUp(warmer::progress);
        if (properties.warmUp()) {
            warmer.start(Duration.ofSeconds(5), settings.cache().warmInterval());
        }
        return warmer;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
