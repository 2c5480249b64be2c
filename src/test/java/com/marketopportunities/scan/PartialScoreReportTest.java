package com.marketopportunities.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.json.JsonFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A scan in which XLV's and JNJ's fundamentals could not be fetched: their rows carry
 * {@code partial: true} and no value pillar, in the report and its JSON, while the others are as
 * before with {@code partial: false}.
 */
class PartialScoreReportTest {

    @TempDir
    static Path folder;
    static ScanReport full;
    static ScanReport throttled;

    @BeforeAll
    static void scanWithAndWithoutFundamentals() throws Exception {
        PartialScan.Reports reports = PartialScan.fullAndThrottled(folder);
        full = reports.full();
        throttled = reports.throttled();
    }

    @Test
    void theGapOfAPartialEtfShowsItsScoreWithoutAValuePillarAndSaysPartial() {
        ScanReport.Gap healthcare = gap(throttled, "Healthcare");
        ScanReport.Gap before = gap(full, "Healthcare");

        assertThat(healthcare.partial()).isTrue();
        assertThat(healthcare.valueScore()).isNull();
        assertThat(healthcare.momentumScore()).isEqualTo(before.momentumScore());
        assertThat(healthcare.diversificationScore()).isEqualTo(before.diversificationScore());
        // medium weights 0.4 / 0.3 scaled to add up to 1 (on rounded pillars, so within 0.1)
        assertThat(healthcare.score()).isCloseTo((0.4 * healthcare.momentumScore() + 0.3 * healthcare.diversificationScore())
                / 0.7, within(0.1));
        assertThat(healthcare.stale()).isFalse();
        assertThat(gap(throttled, "Energy").partial()).isFalse();
        assertThat(gap(throttled, "Energy").valueScore()).isNotNull();
        assertThat(full.gaps()).noneMatch(ScanReport.Gap::partial);
    }

    @Test
    void partialOpportunitiesShowTheirValuePillarMissingAndAStockShownWithAPartialEtfScoreIsPartialToo() {
        ScanReport.Opportunity xlv = opportunity(throttled, "XLV");
        ScanReport.Opportunity jnj = opportunity(throttled, "JNJ");
        ScanReport.Opportunity unh = opportunity(throttled, "UNH");

        assertThat(xlv.shown().partial()).isTrue();
        assertThat(xlv.shown().valueScore()).isNull();
        assertThat(jnj.shown().partial()).isTrue();
        assertThat(jnj.shown().valueScore()).isNull();
        assertThat(jnj.rationale()).contains("value missing: fundamentals could not be fetched")
                .doesNotContain("value null");
        assertThat(unh.shown().scoreSource()).isEqualTo(ScoreSource.SECTOR);
        assertThat(unh.shown().partial()).as("it shows XLV's partial score").isTrue();
        assertThat(unh.shown().valueScore()).isNull();
        assertThat(opportunity(throttled, "XOM").shown().partial()).isFalse();
        assertThat(opportunity(full, "JNJ").rationale()).contains("value ").doesNotContain("missing");
    }

    @Test
    void theJsonSaysPartialAndWritesTheValuePillarAsNull() {
        JsonNode report = JsonFormat.mapper().readTree(JsonFormat.mapper().writeValueAsString(throttled));

        JsonNode healthcare = node(report.path("gaps"), "sector", "Healthcare");
        assertThat(healthcare.path("partial").isBoolean()).isTrue();
        assertThat(healthcare.path("partial").asBoolean()).isTrue();
        assertThat(healthcare.has("value_score")).isTrue();
        assertThat(healthcare.path("value_score").isNull()).isTrue();
        assertThat(node(report.path("gaps"), "sector", "Energy").path("partial").asBoolean()).isFalse();

        JsonNode xlv = node(report.path("opportunities"), "symbol", "XLV");
        assertThat(xlv.path("partial").asBoolean()).isTrue();
        assertThat(xlv.path("value_score").isNull()).isTrue();
        assertThat(xlv.path("momentum_score").isNumber()).isTrue();
        JsonNode xom = node(report.path("opportunities"), "symbol", "XOM");
        assertThat(xom.path("partial").isBoolean()).as("always written, as stale is").isTrue();
        assertThat(xom.path("partial").asBoolean()).isFalse();
        assertThat(xom.path("value_score").isNumber()).isTrue();
    }

    static ScanReport.Gap gap(ScanReport report, String sector) {
        return report.gaps().stream().filter(gap -> gap.sector().equals(sector)).findFirst().orElseThrow();
    }

    static ScanReport.Opportunity opportunity(ScanReport report, String symbol) {
        return report.opportunities().stream().filter(row -> row.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static JsonNode node(JsonNode array, String field, String value) {
        return array.valueStream().filter(item -> item.path(field).asString().equals(value)).findFirst().orElseThrow();
    }
}
