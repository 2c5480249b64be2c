package com.marketopportunities.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.scan.PartialScan;
import com.marketopportunities.scan.ScanReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text table marks a partial score with {@code p}, explains it under the table, and shows its
 * value pillar as missing ({@code -}), never as a number.
 */
class ReportTablePartialTest {

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
    void aPartialScoreIsMarkedWithPItsValuePillarIsADashAndTheLegendSaysWhy() {
        List<String> lines = table(throttled);
        ScanReport.Gap healthcare = gap(throttled, "Healthcare");
        ScanReport.Opportunity jnj = opportunity(throttled, "JNJ");
        ScanReport.Opportunity xom = opportunity(throttled, "XOM");

        assertThat(line(lines, "* Healthcare")).contains(String.format(java.util.Locale.ROOT, " XLV   %.1fp ",
                healthcare.score()));
        assertThat(line(lines, "  JNJ ")).contains(String.format(java.util.Locale.ROOT, " %.1fp ", jnj.score()))
                .contains(String.format(java.util.Locale.ROOT, " %.0f/-/%.0f ", jnj.shown().momentumScore(),
                        jnj.shown().diversificationScore()));
        assertThat(line(lines, "  UNH ")).as("XLV's partial score, shown for UNH").contains("~p ").contains("/-/");
        assertThat(line(lines, "  XOM ")).as("a full score").doesNotContain("p ").contains(String.format(
                java.util.Locale.ROOT, "%.0f/%.0f/%.0f", xom.shown().momentumScore(), xom.shown().valueScore(),
                xom.shown().diversificationScore()));
        assertThat(line(lines, "* Energy")).doesNotContain("p ");
        assertThat(lines).filteredOn(ReportTable.PARTIAL_LEGEND::equals).as("under the gaps and the opportunities")
                .hasSize(2);
        assertThat(ReportTable.PARTIAL_LEGEND).isEqualTo(
                "  p partial: value pillar missing (fundamentals could not be fetched)");
        assertThat(lines).noneMatch(text -> text.contains("null"));
        assertThat(lines).allSatisfy(text -> assertThat(text.length()).as(text).isLessThanOrEqualTo(ReportTable.WIDTH));
    }

    @Test
    void aReportWithoutPartialScoresHasNoMarkerNorLegend() {
        List<String> lines = table(full);

        assertThat(lines).noneMatch(text -> text.contains("partial"));
        assertThat(line(lines, "  JNJ ")).doesNotContain("/-/").doesNotContain("p ");
    }

    private static String line(List<String> lines, String start) {
        return lines.stream().filter(text -> text.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with '" + start + "'"));
    }

    private static ScanReport.Gap gap(ScanReport report, String sector) {
        return report.gaps().stream().filter(gap -> gap.sector().equals(sector)).findFirst().orElseThrow();
    }

    private static ScanReport.Opportunity opportunity(ScanReport report, String symbol) {
        return report.opportunities().stream().filter(row -> row.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static List<String> table(ScanReport report) {
        StringWriter text = new StringWriter();
        new ReportTable(new PrintWriter(text, true)).print(report, "tech-heavy.csv", "CSV folder");
        return text.toString().lines().toList();
    }
}
