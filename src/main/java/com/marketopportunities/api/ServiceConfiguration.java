package com.marketopportunities.api;

import com.marketopportunities.config.Application;
import com.marketopportunities.config.Overrides;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.scan.ScanService;
import com.marketopportunities.scorecache.CacheWarmer;
import com.marketopportunities.scorecache.TwoLevelScoreCache;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.store.SharedStore;
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

/**
 * The service's parts: the one {@link Application} the command line uses too, built from the
 * service's properties. Its parts are beans without a destroy method of their own: closing the
 * application closes them, in order.
 */
@Configuration
@EnableConfigurationProperties(ServiceProperties.class)
class ServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean(destroyMethod = "close")
    Application application(ServiceProperties properties, Clock clock, MeterRegistry registry) {
        return Application.open(new Overrides(properties.data(), blank(properties.config()) ? null
                : Path.of(properties.config()), properties.redisUrl(), blank(properties.yahooUrl()) ? null
                : URI.create(properties.yahooUrl()), null, null), clock, registry);
    }

    @Bean
    Settings settings(Application application) {
        return application.settings();
    }

    @Bean(destroyMethod = "")
    MarketData marketData(Application application) {
        return application.marketData();
    }

    @Bean(destroyMethod = "")
    SharedStore sharedStore(Application application) {
        return application.sharedStore();
    }

    @Bean
    TwoLevelScoreCache scoreCache(Application application) {
        return application.scoreCache();
    }

    @Bean
    ScanService scanService(Application application) {
        return application.scans();
    }

    @Bean(destroyMethod = "")
    CacheWarmer cacheWarmer(ServiceProperties properties, Application application) {
        CacheWarmer warmer = application.warmer(List.of(Horizon.values()), () -> LocalDate.now(application.clock()));
        if (properties.warmUp()) {
            warmer.start(Duration.ofSeconds(5), application.settings().cache().warmInterval());
        }
        return warmer;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
