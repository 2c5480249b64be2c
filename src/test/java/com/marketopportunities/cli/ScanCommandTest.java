package com.marketopportunities.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.scan.MarketDataFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ScanCommandTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path portfolio;

    @BeforeAll
    static void files() throws Exception {
        LocalDate from = LocalDate.of(2023, 1, 2);
        LocalDate to = LocalDate.of(2024, 6, 28);
        Path market = Files.createDirectories(dir.resolve("market"));
        data = new MarketDataFolder(market).prices("SPY", from, to, 400, 0.0004, 0.004)
                .prices("AAPL", from, to, 150, 0.001, 0.01).prices("XLV", from, to, 130, 0.0003, 0.004)
                .prices("XLE", from, to, 90, -0.0005, 0.010)
                .fundamentals("AAPL", "EQUITY", "Information Technology", "30", "0.005").write();
        portfolio = dir.resolve("portfolio.csv");
        Files.writeString(portfolio, "symbol,market_value\nAAPL,9000\nXLV,1000\n");
    }

    @Test
    void jsonIsTheApiResponseBodyWithSnakeCaseNames() throws Exception {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28",
                "--format", "json", "--horizon", "short");

        assertThat(run.exitCode).isZero();
        JsonNode body = JsonFormat.mapper().readTree(run.out);
        assertThat(body.path("horizon").asString()).isEqualTo("short");
        assertThat(body.path("as_of").asString()).isEqualTo("2024-06-28");
        assertThat(body.path("base_currency").asString()).isEqualTo("USD");
        assertThat(body.path("summary").path("positions").asInt()).isEqualTo(2);
        assertThat(body.path("summary").path("total_value").asDouble()).isEqualTo(10_000.0);
        for (String field : new String[] {"gaps", "opportunities", "suggested_sales", "excluded_positions", "impact",
                "unscored", "warnings", "generated_at", "stats"}) {
            assertThat(body.has(field)).as(field).isTrue();
        }
        JsonNode healthcare = body.path("gaps").valueStream()
                .filter(gap -> gap.path("sector").asString().equals("Healthcare")).findFirst()
                .orElse(tools.jackson.databind.node.MissingNode.getInstance());
        JsonNode energy = body.path("gaps").valueStream()
                .filter(gap -> gap.path("sector").asString().equals("Energy")).findFirst().orElseThrow();
        assertThat(energy.path("gap_pct").asDouble()).isEqualTo(6.5);
        assertThat(energy.path("current_pct").asDouble()).isEqualTo(0.0);
        // XLV is 10 % of the portfolio; Healthcare's target is (10 + 18) / 2 = 14: a 4.0 gap is below 5, so
        // Healthcare is not a gap at all; Energy (target 6.5, nothing held) is
        assertThat(healthcare.isMissingNode()).isTrue();
        assertThat(body.path("stats").has("upstream_calls")).isTrue();
        assertThat(run.err).contains("Read 2 positions");
    }

    @Test
    void aDateAfterTheDataFailsNamingTheDataLastDayInsteadOfSuggestingTrimsOnNothing() {
        // the data ends on 2024-06-28; a scan at 2099-01-01 exited 0 with every figure missing and trims suggested
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2099-01-01", "-q");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("no prices between 2098-07-05 and 2099-01-01", "its last day is 2024-06-28",
                "--as-of 2024-06-28");
        assertThat(run.out).doesNotContain("SUGGESTED TRIMS");
    }

    @Test
    void enumOptionsAreAcceptedInAnyCase() throws Exception {
        Path saxo = Files.writeString(dir.resolve("export.txt"),
                "Instruments,Statut,Valeur actuelle (USD),Symbole\nApple,Ouvert,9000,AAPL:xnas\nXLV,Ouvert,1000,XLV:arcx\n");

        Run run = run("scan", saxo.toString(), "--data", data.toString(), "--as-of", "2024-06-28",
                "--portfolio-format", "saxo", "--format", "JSON", "--horizon", "LONG");

        assertThat(run.err).doesNotContain("error");
        assertThat(run.exitCode).isZero();
        assertThat(run.err).contains("(saxo)");
        assertThat(JsonFormat.mapper().readTree(run.out).path("horizon").asString()).isEqualTo("long");
    }

    @Test
    void theTableFitsIn80Columns() {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28", "-q");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("GAPS", "OPPORTUNITIES", "SUGGESTED TRIMS", "IMPACT");
        assertThat(run.out.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(run.err).isEmpty();
        // held neither before nor after, Europe stays 10 points under its range: the impact says so
        assertThat(run.out.substring(run.out.indexOf("IMPACT")).replaceAll("\\s+", " "))
                .contains("Europe -10.0");
        // sectors and regions side by side, now, target and after
        assertThat(run.out).containsPattern("(?m)^  Sector +Now +Tgt +After \\| Region +Now +Tgt +After$")
                .containsPattern("(?m)^  Technology +90\\.0 +22\\.5 +90\\.0 \\| North America +100\\.0 +58\\.5 +100\\.0$")
                .contains("Asset classes: Equity 100.0%");
    }

    @Test
    void theTablePrintsNoControlCharacter() throws Exception {
        Path evil = Files.copy(portfolio, dir.resolve("evil\u001b]0;pwned\u0007\u001b[2J.csv"));

        Run run = run("scan", evil.toString(), "--data", data.toString(), "--as-of", "2024-06-28");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("evil.csv").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(run.err).contains("evil.csv").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void eachOpportunityShowsTheReadingOfItsScoreAsItsAction() {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28", "-q");

        // XLE falls: it reads "avoid", and so does CVX, shown with XLE's score; XLY has no score at all
        assertThat(run.out).containsPattern("(?m)^  XLE .* \\d+\\.\\d avoid ")
                .containsPattern("(?m)^  CVX .* \\d+\\.\\d~ avoid ")
                .containsPattern("(?m)^  XLY .* +- unscored ");
        assertThat(run.out).doesNotContain(" BUY ");
    }

    @Test
    void aGapWithNothingWorthBuyingSaysSoWithItsBestCandidate() {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28", "-q");

        // Energy: XLE (28.8) is all it has, below the minimum score to buy (50); the others have no score at all
        assertThat(run.out).containsPattern("(?m)^\\* Energy .*\\n +nothing worth buying: best XLE 28\\.8 \\(avoid\\)$")
                .containsPattern("(?m)^\\* Industrials .*\\n +nothing worth buying: no candidate could be scored$");
    }

    @Test
    void aMissingPortfolioFileIsBadInput() {
        Run run = run("scan", dir.resolve("nope.csv").toString(), "--data", data.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("nope.csv").contains("not found");
    }

    @Test
    void aPortfolioWorthNothingIsBadInput() throws Exception {
        Path zero = Files.writeString(dir.resolve("zero.csv"), "symbol,market_value\nAAPL,0\nXLV,0\n");

        Run run = run("scan", zero.toString(), "--data", data.toString(), "--as-of", "2024-06-28");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("error: zero.csv: the portfolio is worth nothing");
    }

    @Test
    void anUnknownHorizonIsBadInputNamingTheAcceptedValues() {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--horizon", "weekly");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("weekly").contains("short, medium, long");
    }

    @Test
    void anOptionValueOfTheWrongKindIsNamedInPlainWords() {
        Run date = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "garbage");
        Run gap = run("scan", portfolio.toString(), "--data", data.toString(), "--min-gap", "abc");
        Run top = run("scan", portfolio.toString(), "--data", data.toString(), "--top", "1.5");

        assertThat(date.exitCode).isEqualTo(2);
        assertThat(date.err).contains("--as-of").contains("'garbage' is not a date; expected YYYY-MM-DD, e.g. 2022-12-05")
                .doesNotContain("java.").doesNotContain("Exception");
        assertThat(gap.exitCode).isEqualTo(2);
        assertThat(gap.err).contains("--min-gap").contains("'abc' is not a number").doesNotContain("double");
        assertThat(top.exitCode).isEqualTo(2);
        assertThat(top.err).contains("--top").contains("'1.5' is not a whole number").doesNotContain("int");
    }

    @Test
    void aMinGapOutOfRangeIsBadInput() {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--min-gap", "60");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("error: --min-gap must be between 0 and 50 (percent points), got 60");
    }

    @Test
    void aTopOutOfRangeIsBadInputNamedAsTyped() {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--top", "21");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("error: --top must be between 0 and 20 (blue chips per gap), got 21");
    }

    @Test
    void theBaseCurrencyIsTheUsersWhenTheFileNamesNone() throws Exception {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28", "--format", "json",
                "--base-currency", "eur", "-q");

        assertThat(run.exitCode).isZero();
        assertThat(JsonFormat.mapper().readTree(run.out).path("base_currency").asString()).isEqualTo("EUR");
    }

    @Test
    void aBaseCurrencyTheFileOverridesIsToldInTheWarnings() throws Exception {
        Path francs = dir.resolve("francs.json");
        Files.writeString(francs, "{\"base_currency\": \"CHF\", \"positions\": [{\"symbol\": \"AAPL\", \"market_value\": 9000},"
                + " {\"symbol\": \"XLV\", \"market_value\": 1000}]}");

        Run run = run("scan", francs.toString(), "--data", data.toString(), "--as-of", "2024-06-28", "--format", "json",
                "--base-currency", "EUR", "-q");

        assertThat(run.exitCode).isZero();
        JsonNode body = JsonFormat.mapper().readTree(run.out);
        assertThat(body.path("base_currency").asString()).isEqualTo("CHF");
        assertThat(body.path("warnings").toString()).contains("the base currency EUR you asked for is not used: the"
                + " portfolio file names its own, CHF, which comes first");
    }

    @Test
    void aBaseCurrencyThatIsNoIsoCodeIsBadInputNamedAsTyped() {
        Run run = run("scan", portfolio.toString(), "--data", data.toString(), "--base-currency", "XYZ");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("error: --base-currency must be an ISO 4217 currency code such as EUR, got 'XYZ'"
                + " (not an ISO 4217 code)");
    }

    @Test
    void anAmountToInvestAddsAPlanToTheTableAndToTheJson() throws Exception {
        Run table = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28",
                "--cash", "5000", "--max-positions", "2", "--min-score", "0", "-q");
        Run json = run("scan", portfolio.toString(), "--data", data.toString(), "--as-of", "2024-06-28",
                "--cash", "5000", "--max-positions", "2", "--min-score", "0", "--format", "json", "-q");

        assertThat(table.exitCode).as(table.err).isZero();
        assertThat(table.out).contains("PLAN  5,000.00 USD to invest").contains("Drift outside the ranges");
        assertThat(table.out.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        var plan = com.marketopportunities.json.JsonFormat.mapper().readTree(json.out).path("plan");
        assertThat(plan.path("cash").asDouble()).isEqualTo(5000);
        assertThat(plan.path("max_positions").asInt()).isEqualTo(2);
        assertThat(plan.path("purchases").size()).isBetween(1, 2);
    }

    @Test
    void badPlanOptionsAreBadInputNamedAsTyped() {
        Run negative = run("scan", portfolio.toString(), "--data", data.toString(), "--cash", "-5");
        Run text = run("scan", portfolio.toString(), "--data", data.toString(), "--cash", "lots");
        Run none = run("scan", portfolio.toString(), "--data", data.toString(), "--cash", "1000", "--max-positions", "0");
        Run ticket = run("scan", portfolio.toString(), "--data", data.toString(), "--cash", "1000", "--min-ticket", "5000");
        Run alone = run("scan", portfolio.toString(), "--data", data.toString(), "--use-trims");

        assertThat(List.of(negative, text, none, ticket, alone)).allSatisfy(run -> assertThat(run.exitCode).isEqualTo(2));
        assertThat(negative.err).contains("error: --cash must be between 0 and");
        assertThat(text.err).contains("--cash").contains("lots");
        assertThat(none.err).contains("error: --max-positions must be between 1 and 100 (purchases), got 0");
        assertThat(ticket.err).contains("error: --min-ticket must not be more than the amount to invest (1000), got 5000");
        assertThat(alone.err).contains("error: --cash is needed for the buy plan's other options");
    }

    @Test
    void aMissingDataFolderIsBadInput() {
        Run run = run("scan", portfolio.toString(), "--data", dir.resolve("no-such-dir").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("no such folder");
    }

    @Test
    void withYahooUnreachableTheScanEndsInSecondsSayingHowToRunOffline() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        Run run = run("scan", portfolio.toString(), "--data", "yahoo", "--yahoo-url", "http://127.0.0.1:" + closedPort);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("Yahoo Finance cannot be reached").contains("--data DIR");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
    }

    @Test
    void helpExplainsEveryOptionWithItsDefault() {
        Run run = run("scan", "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("--horizon", "Default: medium", "--min-gap", "Default: 5.0", "--as-of",
                "Default: today", "--data", "--format", "Default: table", "--top", "Default: 6", "--base-currency",
                "Default: USD");
    }

    public record Run(int exitCode, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = MarketOpportunitiesCli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
