package com.marketopportunities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.rebalance.TrimSettings;
import com.marketopportunities.scan.ScanSettings;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoringSettings;
import com.marketopportunities.scoring.ScoringSettings.HorizonSettings;
import com.marketopportunities.sectors.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code market-opportunities.properties}: the numbers of SCANNER.md, and a user's file over them. */
class SettingsTest {

    @TempDir
    Path dir;

    private Path overrides(String... lines) throws IOException {
        Path file = dir.resolve("my-settings.properties");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @ParameterizedTest(name = "{0}: {1} days, {2} bars, weights {3}/{4}/{5}")
    @CsvSource(textBlock = """
            # horizon, window days, momentum bars, momentum / value / diversification weights (SCANNER.md 3)
            SHORT,  90,  20, 0.50, 0.20, 0.30
            MEDIUM, 180, 60, 0.40, 0.30, 0.30
            LONG,   365, 90, 0.30, 0.40, 0.30
            """)
    void defaultHorizonsAreThoseOfTheSpec(Horizon horizon, int windowDays, int momentumBars, double momentum,
                                          double value, double diversification) {
        assertThat(Settings.defaults().scoring().horizon(horizon))
                .isEqualTo(new HorizonSettings(windowDays, momentumBars, momentum, value, diversification));
    }

    @Test
    void defaultScoringNumbersAreThoseOfTheSpecWithFractionsParsed() {
        ScoringSettings scoring = Settings.defaults().scoring();

        // 50/30 = 1.6667 points per % of return, 50/15 = 3.3333 per % over the benchmark
        assertThat(scoring.momentum().pointsPerReturnPct()).isCloseTo(1.6667, within(1e-4));
        assertThat(scoring.momentum().pointsPerReturnPct()).isEqualTo(50.0 / 30);
        assertThat(scoring.momentum().pointsPerRelativePct()).isEqualTo(50.0 / 15);
        assertThat(scoring.momentum().rsiPointsPerUnit()).isEqualTo(2.5);
        assertThat(scoring.benchmarkSymbol()).isEqualTo("SPY");
        assertThat(scoring.tradingDaysPerYear()).isEqualTo(252);
        assertThat(scoring.value().fairPe()).isEqualTo(20.0);
        assertThat(scoring.diversification().neutralVolatility()).isEqualTo(0.15);
        // the properties file and the code's defaults agree on every number
        assertThat(scoring).isEqualTo(ScoringSettings.defaults());
    }

    @Test
    void defaultScanAndTrimNumbersAreThoseOfTheSpec() {
        Settings settings = Settings.defaults();

        assertThat(settings.scan()).isEqualTo(new ScanSettings(5, 35, 25, 20, 6, 5.0, 50, 250, 5));
        assertThat(settings.scan()).isEqualTo(ScanSettings.defaults());
        assertThat(settings.scan().topGaps()).isEqualTo(5);
        assertThat(settings.scan().defaultTopN()).isEqualTo(6);
        assertThat(settings.scan().maxOpportunities()).isEqualTo(35);
        assertThat(settings.scan().bucketCapPct()).isEqualTo(25.0);
        // "consider" and up are bought (SCANNER.md 4)
        assertThat(settings.scan().minBuyScore()).isEqualTo(50.0);
        // protected top 2, 30 days held, 30 % per sale, score 10, 95 % sufficient, 60 bars
        assertThat(settings.trims()).isEqualTo(new TrimSettings(2, 30, 30, 10, 0.95, 60));
        assertThat(settings.trims()).isEqualTo(TrimSettings.defaults());
    }

    @Test
    void defaultsUseTheBuiltInSectorFiles() {
        Settings settings = Settings.defaults();

        assertThat(settings.taxonomy().buckets()).hasSize(16);
        assertThat(settings.universe().candidates("XLK", 1)).containsExactly(new Candidate("AAPL", "Apple", "United States"));
    }

    @Test
    void anOverrideFileChangesOnlyItsKey() {
        Settings settings = Settings.load(ConfigResources.path("top-n-8.properties"));

        assertThat(settings.scan()).isEqualTo(new ScanSettings(5, 35, 25, 20, 8, 5.0, 50, 250, 5));
        assertThat(settings.trims()).isEqualTo(TrimSettings.defaults());
        assertThat(settings.scoring()).isEqualTo(ScoringSettings.defaults());
    }

    @Test
    void anOverrideMayBeWrittenAsAFraction() throws IOException {
        Settings settings = Settings.load(overrides("scoring.momentum.points-per-return-pct = 60/40",
                "trims.sufficient-ratio=9/10"));

        assertThat(settings.scoring().momentum().pointsPerReturnPct()).isEqualTo(1.5);
        assertThat(settings.trims().sufficientRatio()).isEqualTo(0.9);
    }

    @Test
    void aPartialScoreIsFreshForTenMinutesByDefaultAndTheKeySetsIt() throws IOException {
        assertThat(Settings.defaults().cache().ttl()).isEqualTo(com.marketopportunities.scorecache.AdaptiveTtl.defaults());
        assertThat(Settings.defaults().cache().ttl().partialTtl()).isEqualTo(java.time.Duration.ofMinutes(10));

        Settings settings = Settings.load(overrides("cache.ttl-partial-minutes=3"));

        assertThat(settings.cache().ttl().partialTtl()).isEqualTo(java.time.Duration.ofMinutes(3));
        assertThat(settings.cache().ttl().normalTtl()).as("the other TTLs unchanged").isEqualTo(java.time.Duration.ofHours(4));
        Path zero = overrides("cache.ttl-partial-minutes=0");
        assertThatThrownBy(() -> Settings.load(zero)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'cache.ttl-partial-minutes'");
    }

    @Test
    void theMinimumScoreToBuyIsAScoreFrom0To100() throws IOException {
        assertThat(Settings.load(overrides("scan.min-buy-score=60")).scan().minBuyScore()).isEqualTo(60.0);
        Path file = overrides("scan.min-buy-score=101");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'scan.min-buy-score' must be between 0.0 and 100.0, got 101.0");
    }

    @Test
    void anUnknownKeyIsRejectedNamingItAndTheFile() throws IOException {
        Path file = overrides("scan.top-n=8", "scan.top-gap=3");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'scan.top-gap'");
    }

    @Test
    void aValueThatIsNotANumberIsRejectedNamingTheKeyTheFileAndTheValue() throws IOException {
        Path file = overrides("trims.max-sale-pct=thirty");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'trims.max-sale-pct'")
                .hasMessageContaining("'thirty'");
    }

    @Test
    void aCountThatIsNotWholeIsRejectedNamingTheKey() throws IOException {
        Path file = overrides("scan.top-n=6.5");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'scan.top-n' must be a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.30,0.40,0.40", "0.5,0.5,0.5", "1,0,0.01"})
    void weightsThatDoNotAddUpToOneAreRejectedNamingTheKey(String weights) throws IOException {
        Path file = overrides("scoring.long.weights=" + weights);

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'scoring.long.weights'")
                .hasMessageContaining("add up to 1");
    }

    @Test
    void weightsMustBeThree() throws IOException {
        Path file = overrides("scoring.short.weights=0.5,0.5");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'scoring.short.weights' must list 3 numbers");
    }

    @Test
    void otherWeightsThatAddUpToOneAreTaken() throws IOException {
        Settings settings = Settings.load(overrides("scoring.medium.weights=0.6, 0.1, 0.3"));

        assertThat(settings.scoring().horizon(Horizon.MEDIUM)).isEqualTo(new HorizonSettings(180, 60, 0.6, 0.1, 0.3));
    }

    @Test
    void aMissingOverrideFileIsRejectedNamingIt() {
        Path file = dir.resolve("nowhere.properties");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aUsersTaxonomyAndUniverseAreLoadedFromTheFilesTheSettingsName() throws IOException {
        Settings settings = Settings.load(overrides(
                "sectors.taxonomy=" + escaped(ConfigResources.path("taxonomy-two-buckets.json")),
                "sectors.universe=" + escaped(ConfigResources.path("universe-europe.json"))));

        assertThat(settings.taxonomy().buckets()).hasSize(2);
        assertThat(settings.taxonomy().bucket("Technology").orElseThrow().targetPct()).isEqualTo(30.0);
        assertThat(settings.universe().candidates("VGK", 6)).extracting(Candidate::symbol)
                .containsExactly("ASML", "NESN.SW", "MC.PA");
    }

    @Test
    void aMalformedTaxonomyNamedByTheSettingsIsRejectedNamingTheFile() throws IOException {
        Path taxonomy = ConfigResources.path("taxonomy-not-json.json");
        Path file = overrides("sectors.taxonomy=" + escaped(taxonomy));

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(taxonomy.toString());
    }

    @Test
    void aMalformedUniverseNamedByTheSettingsIsRejectedNamingTheFile() throws IOException {
        Path universe = ConfigResources.path("universe-pair-of-one.json");
        Path file = overrides("sectors.universe=" + escaped(universe));

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(universe.toString());
    }

    @Test
    void sectorFilesGivenOnTheCommandLineReplaceTheConfiguredOnes() {
        Settings settings = Settings.defaults().withSectorFiles(ConfigResources.path("taxonomy-two-buckets.json"), null);

        assertThat(settings.taxonomy().buckets()).hasSize(2);
        assertThat(settings.universe().candidates("XLK", 1)).containsExactly(new Candidate("AAPL", "Apple", "United States"));
    }

    @Test
    void theModelVersionIsStableAcrossLoads() throws IOException {
        String version = Settings.defaults().scoring().modelVersion();

        assertThat(Settings.defaults().scoring().modelVersion()).isEqualTo(version);
        assertThat(Settings.load(overrides("scoring.value.fair-pe=20")).scoring().modelVersion()).isEqualTo(version);
        assertThat(version).startsWith(ScoringSettings.FORMULA_VERSION + "-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scoring.value.fair-pe=18", "scoring.medium.weights=0.40,0.35,0.25",
            "scoring.short.window-days=91", "scoring.momentum.points-per-return-pct=50/25", "scoring.benchmark=VT"})
    void theModelVersionChangesWhenAScoringNumberChanges(String line) throws IOException {
        String version = Settings.defaults().scoring().modelVersion();

        assertThat(Settings.load(overrides(line)).scoring().modelVersion()).isNotEqualTo(version);
    }

    @Test
    void theModelVersionIgnoresNumbersThatDoNotChangeAScore() throws IOException {
        String version = Settings.defaults().scoring().modelVersion();

        assertThat(Settings.load(overrides("trims.max-sale-pct=25", "scan.top-n=8")).scoring().modelVersion())
                .isEqualTo(version);
    }

    @Test
    void aWindowOfZeroDaysIsRejectedNamingItsKey() throws IOException {
        Path file = overrides("scoring.short.window-days=0");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'scoring.short.window-days'");
    }

    @Test
    void theWeightsRejectionShowsTheWeightsGiven() throws IOException {
        Path file = overrides("scoring.short.weights=0.6,0.2,0.3");

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("0.6")
                .hasMessageNotContaining("momentumWeight=0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1/0", "-Infinity"})
    void aNumberThatIsNotFiniteIsRejectedNamingTheKey(String value) throws IOException {
        Path file = overrides("scoring.value.fair-pe=" + value);

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'scoring.value.fair-pe'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan.min-gap-pct=80", "scan.min-gap-pct=-1", "scan.top-n=-3"})
    void aDefaultThatNoScanWouldAcceptIsRejectedAtLoadNamingTheKey(String line) throws IOException {
        Path file = overrides(line);
        String key = line.substring(0, line.indexOf('='));

        assertThatThrownBy(() -> Settings.load(file))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'" + key + "'");
    }

    private static String escaped(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "\\\\");
    }
}
