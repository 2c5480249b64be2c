package com.marketopportunities.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.SharedMarketData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scans every shipped example, for every horizon, with the packaged jar as a user runs it, on the
 * real market data of {@code ../shared/market-data} at as-of 2022-12-05, and compares the whole JSON
 * answer with the reviewed snapshot in {@code src/test/resources/acceptance/} (generation time and
 * duration aside): any change of a gap, score, trim or impact figure fails.
 *
 * <p>Where the market data folder is absent the suite is skipped with a message, unless
 * {@code -Dmarket.data.required=true} (as {@code .ci/run} sets). After a deliberate change, review
 * the diff and refresh the snapshots with {@code ./mvnw verify -Dacceptance.update=true}.
 */
class ExamplesAcceptanceIT {

    static final String AS_OF = "2022-12-05";
    static Path marketData;

    @BeforeAll
    static void marketData() {
        marketData = SharedMarketData.folder();
        boolean present = Files.isDirectory(marketData);
        if (!present && Boolean.getBoolean("market.data.required")) {
            throw new IllegalStateException("market data folder " + marketData + " not found, and "
                    + "market.data.required is set: the acceptance suite must run");
        }
        assumeTrue(present, "market data folder " + marketData
                + " not found: acceptance suite skipped (set -Dmarket.data=DIR or MARKET_DATA_DIR)");
    }

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                for (String horizon : List.of("short", "medium", "long")) {
                    cases.add(Arguments.of(file.getFileName().toString(), horizon));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void scanMatchesTheReviewedSnapshot(String example, String horizon) throws Exception {
        JsonNode answer = scan(Path.of("examples", example), horizon);

        checkInvariants(answer);
        ObjectNode comparable = comparable(answer);
        Path snapshot = Path.of("src/test/resources/acceptance", example + "." + horizon + ".json");
        String actual = JsonFormat.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(comparable) + "\n";
        if (Boolean.getBoolean("acceptance.update")) {
            Files.writeString(snapshot, actual);
        }
        assertThat(snapshot).as("no reviewed snapshot for %s (%s): run ./mvnw verify -Dacceptance.update=true, "
                + "review and commit %s", example, horizon, snapshot).exists();
        assertThat(actual).as("scan of %s (%s) against %s; after a deliberate change run with "
                + "-Dacceptance.update=true and review the diff", example, horizon, snapshot)
                .isEqualTo(Files.readString(snapshot));
    }

    /** Rules of SCANNER.md that hold for any portfolio, checked on the real answer. */
    static void checkInvariants(JsonNode answer) {
        double capital = 0;
        int top = 0;
        for (JsonNode gap : answer.path("gaps")) {
            assertThat(gap.path("gap_pct").asDouble()).isGreaterThanOrEqualTo(5.0);
            assertThat(gap.path("gap_pct").asDouble())
                    .isCloseTo(gap.path("target_pct").asDouble() - gap.path("current_pct").asDouble(), within(0.011));
            if (gap.path("top").asBoolean()) {
                top++;
                capital += gap.path("capital_needed").asDouble();
            }
        }
        assertThat(top).isLessThanOrEqualTo(5);
        JsonNode summary = answer.path("summary");
        assertThat(summary.path("capital_needed").asDouble()).isCloseTo(capital, within(0.05));
        assertThat(answer.path("opportunities").size()).isLessThanOrEqualTo(35);
        double freed = 0;
        for (JsonNode sale : answer.path("suggested_sales")) {
            assertThat(sale.path("sale_pct").asDouble()).isLessThanOrEqualTo(30.0);
            freed += sale.path("sale_value").asDouble();
        }
        assertThat(summary.path("capital_freed").asDouble()).isCloseTo(freed, within(0.05));
        assertThat(summary.path("sufficient_capital").asBoolean())
                .isEqualTo(freed >= 0.95 * summary.path("capital_needed").asDouble() - 0.01);
        // each dimension's buckets, Unclassified included, make the whole equity value, before as now
        JsonNode impact = answer.path("impact");
        for (String dimension : List.of("sector", "region")) {
            double before = 0;
            for (var entry : impact.path("before").properties()) {
                if (impact.path("dimension_of").path(entry.getKey()).asString().equals(dimension)) {
                    before += entry.getValue().asDouble();
                }
            }
            double unclassified = 0;
            double rows = 0;
            for (JsonNode row : answer.path("exposure").path(dimension + "s")) {
                rows += row.path("pct").asDouble();
                if (row.path("bucket").asString().equals("Unclassified")) {
                    unclassified = row.path("pct").asDouble();
                }
            }
            assertThat(rows).as(dimension + " rows").isCloseTo(100.0, within(0.1));
            assertThat(before + unclassified).as(dimension + " before").isCloseTo(100.0, within(0.1));
        }
        double holdings = 0;
        for (JsonNode holding : answer.path("holdings")) {
            holdings += holding.path("value").asDouble();
        }
        assertThat(holdings).isCloseTo(summary.path("total_value").asDouble(), within(0.05));
        assertThat(answer.path("impact").path("risk_before").isNumber()).isTrue();
    }

    JsonNode scan(Path example, String horizon) throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/market-opportunities.jar"));
        Process process = new ProcessBuilder("java", "-jar", jar.toString(), "scan", example.toString(),
                "--data", marketData.toString(), "--as-of", AS_OF, "--horizon", horizon, "--format", "json", "-q")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("scan finished in time").isTrue();
        assertThat(process.exitValue()).as("exit code of the scan of " + example).isZero();
        return JsonFormat.mapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    /** The answer without what changes from run to run: when it was made and how long it took. */
    static ObjectNode comparable(JsonNode answer) {
        ObjectNode copy = (ObjectNode) answer.deepCopy();
        copy.remove("generated_at");
        ((ObjectNode) copy.path("stats")).remove("duration_ms");
        return copy;
    }
}
