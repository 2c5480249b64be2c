package com.marketopportunities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.scan.ExampleMarket;
import com.marketopportunities.scan.ScanListener;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one wiring both doors use. */
class ApplicationTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredCacheTtlIsTheOneInUseAlsoOverMarketDataOfTheCallers() throws Exception {
        // the test-only factory it replaces used the default 4 h whatever the configuration said
        Path config = Files.writeString(dir.resolve("ttl.properties"), "cache.ttl-normal-minutes=7\n");
        Settings settings = Overrides.none("yahoo").withConfig(config).settings();

        try (CsvFolderMarketData data = new CsvFolderMarketData(ExampleMarket.write(Files.createDirectories(dir.resolve("market"))));
             Application application = Application.over(data, settings, ExampleMarket.CLOCK, new SimpleMeterRegistry())) {
            ScanReport report = application.scans().scan(ExampleMarket.request(Horizon.MEDIUM), ScanListener.SILENT);

            assertThat(report.stats().cacheMisses()).isPositive();
            assertThat(application.scoreCache().stats().ttlSeconds()).isEqualTo(7 * 60);
        }
    }

    @Test
    void commandLineChoicesWinOverTheConfigurationFileAppliedOnce() throws Exception {
        Path config = Files.writeString(dir.resolve("redis.properties"),
                "cache.redis-url=redis://from-file:6379/0\nyahoo.api-url=https://file.example/api\n");
        Overrides overrides = new Overrides("yahoo", config, "redis://from-flag:6379/0",
                java.net.URI.create("http://127.0.0.1:9999"), null, null);

        Settings settings = overrides.settings();

        assertThat(settings.cache().redis().url()).isEqualTo("redis://from-flag:6379/0");
        assertThat(settings.yahoo().apiUrl().toString()).startsWith("http://127.0.0.1:9999");
        assertThat(Overrides.none("yahoo").withConfig(config).settings().cache().redis().url())
                .isEqualTo("redis://from-file:6379/0");
    }

    @Test
    void cacheCommandsNeverOpenTheMarketDataAndABadFolderIsNamedWhenAScanNeedsIt() {
        try (Application application = Application.open(Overrides.none(dir.resolve("nowhere").toString()),
                ExampleMarket.CLOCK, new SimpleMeterRegistry())) {
            assertThat(application.scoreCache().stats().localKeys()).isZero();
            assertThat(application.sharedStore().isShared()).isFalse();
            assertThatThrownBy(application::scans).isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("--data").hasMessageContaining("nowhere");
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        Application application = Application.open(Overrides.none("yahoo"), ExampleMarket.CLOCK,
                new SimpleMeterRegistry());
        application.warmer(java.util.List.of(Horizon.SHORT), () -> ExampleMarket.AS_OF);

        application.close();
        application.close();
    }
}
