package com.marketopportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.scan.MarketDataFolder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The HTTP API with API keys configured, on a small market-data folder. */
class ServiceApiTest {

    static final String ADMIN = "admin-secret-token";
    static final String CSV = "symbol,market_value\nAAPL,9000\nJPM,1000\n";
    static final String JSON = "{\"base_currency\":\"EUR\",\"positions\":[{\"symbol\":\"AAPL\",\"market_value\":9000},"
            + "{\"symbol\":\"JPM\",\"market_value\":1000}]}";
    static final String AS_OF = "as_of=2024-06-28";

    @TempDir
    static Path dir;
    static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        LocalDate from = LocalDate.of(2023, 1, 2);
        LocalDate to = LocalDate.of(2024, 6, 28);
        Path data = new MarketDataFolder(Files.createDirectories(dir.resolve("market")))
                .prices("SPY", from, to, 400, 0.0004, 0.004).prices("AAPL", from, to, 150, 0.001, 0.01)
                .prices("JPM", from, to, 140, 0.0009, 0.008).prices("XLV", from, to, 130, 0.0003, 0.004)
                .fundamentals("AAPL", "EQUITY", "Information Technology", "30", "0.005")
                .fundamentals("JPM", "EQUITY", "Financials", "12", "0.025").write();
        Path portfolios = Files.createDirectories(dir.resolve("portfolios/alice"));
        Files.writeString(portfolios.resolve("2024.csv"), CSV);
        Files.createDirectories(dir.resolve("portfolios/bob"));
        service = new RunningService(Map.of("market-opportunities.data", data.toString(),
                "market-opportunities.portfolio-dir", dir.resolve("portfolios").toString(),
                "market-opportunities.api-keys", "key-alice:alice,key-bob:bob",
                "market-opportunities.admin-token", ADMIN,
                "market-opportunities.upstream-calls-per-minute", "100000"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aJsonPortfolioScanReturnsTheDocumentedShape() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?horizon=short&" + AS_OF,
                "application/json", JSON, "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonFormat.mapper().readTree(response.body());
        for (String field : new String[] {"gaps", "opportunities", "suggested_sales", "excluded_positions", "impact",
                "summary", "unscored", "warnings", "horizon", "as_of", "base_currency", "generated_at", "stats"}) {
            assertThat(body.has(field)).as(field).isTrue();
        }
        assertThat(body.path("base_currency").asString()).isEqualTo("EUR");
        assertThat(body.path("horizon").asString()).isEqualTo("short");
        assertThat(body.path("summary").path("total_value").asDouble()).isEqualTo(10_000.0);
        assertThat(body.path("stats").has("cache_hits")).isTrue();
        assertThat(body.path("impact").has("risk_before")).isTrue();
    }

    @Test
    void aCsvBodyAndAMultipartUploadAreScannedAlike() throws Exception {
        HttpResponse<String> csv = service.post("/api/bourse/opportunities?" + AS_OF, "text/csv", CSV, "X-API-Key",
                "key-alice");
        String boundary = "----boundary42";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mine.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = service.post("/api/bourse/opportunities?" + AS_OF,
                "multipart/form-data; boundary=" + boundary, multipart, "X-API-Key", "key-alice");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(JsonFormat.mapper().readTree(upload.body()).path("gaps"))
                .isEqualTo(JsonFormat.mapper().readTree(csv.body()).path("gaps"));
    }

    @Test
    void withoutAKeyAScanIs401AndAnUnknownKeyToo() throws Exception {
        HttpResponse<String> none = service.post("/api/bourse/opportunities?" + AS_OF, "text/csv", CSV);
        HttpResponse<String> wrong = service.post("/api/bourse/opportunities?" + AS_OF, "text/csv", CSV,
                "X-API-Key", "nope");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem(none).path("detail").asString()).contains("X-API-Key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("nope");
    }

    @Test
    void aBadHorizonIs400NamingTheParameter() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?horizon=weekly", "text/csv", CSV,
                "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem(response).path("parameter").asString()).isEqualTo("horizon");
        assertThat(problem(response).path("detail").asString()).contains("short, medium, long");
    }

    @Test
    void theHorizonIsAcceptedInAnyCase() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?horizon=LONG&" + AS_OF, "text/csv", CSV,
                "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonFormat.mapper().readTree(response.body()).path("horizon").asString()).isEqualTo("long");
    }

    @Test
    void aMinGapOrTopOutOfRangeIs400NamingTheParameterAsTheApiSpellsIt() throws Exception {
        HttpResponse<String> gap = service.post("/api/bourse/opportunities?min_gap_pct=60&" + AS_OF, "text/csv", CSV,
                "X-API-Key", "key-alice");
        HttpResponse<String> top = service.post("/api/bourse/opportunities?top=-1&" + AS_OF, "text/csv", CSV,
                "X-API-Key", "key-alice");

        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(problem(gap).path("parameter").asString()).isEqualTo("min_gap_pct");
        assertThat(problem(gap).path("detail").asString())
                .isEqualTo("min_gap_pct must be between 0 and 50 (percent points), got 60.");
        assertThat(top.statusCode()).isEqualTo(400);
        assertThat(problem(top).path("parameter").asString()).isEqualTo("top");
        assertThat(problem(top).path("detail").asString())
                .isEqualTo("top must be between 0 and 20 (blue chips per gap), got -1.");
    }

    @Test
    void theBaseCurrencyParameterAppliesWhenThePortfolioNamesNoneAndIsValidated() throws Exception {
        HttpResponse<String> chosen = service.post("/api/bourse/opportunities?base_currency=chf&" + AS_OF, "text/csv",
                CSV, "X-API-Key", "key-alice");
        HttpResponse<String> overridden = service.post("/api/bourse/opportunities?base_currency=CHF&" + AS_OF,
                "application/json", JSON, "X-API-Key", "key-alice");
        HttpResponse<String> unknown = service.post("/api/bourse/opportunities?base_currency=XYZ&" + AS_OF, "text/csv",
                CSV, "X-API-Key", "key-alice");

        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(JsonFormat.mapper().readTree(chosen.body()).path("base_currency").asString()).isEqualTo("CHF");
        assertThat(overridden.statusCode()).isEqualTo(200);
        JsonNode body = JsonFormat.mapper().readTree(overridden.body());
        assertThat(body.path("base_currency").asString()).isEqualTo("EUR");
        assertThat(body.path("warnings").toString()).contains("the base currency CHF you asked for is not used");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(problem(unknown).path("parameter").asString()).isEqualTo("base_currency");
        assertThat(problem(unknown).path("detail").asString()).isEqualTo(
                "base_currency must be an ISO 4217 currency code such as EUR, got 'XYZ' (not an ISO 4217 code).");
    }

    @Test
    void cashAsksForAPlanAndBadPlanParametersAre400NamingThem() throws Exception {
        HttpResponse<String> planned = service.post("/api/bourse/opportunities?cash=5000&max_positions=2&min_score=0&"
                + AS_OF, "text/csv", CSV, "X-API-Key", "key-alice");
        HttpResponse<String> plain = service.post("/api/bourse/opportunities?" + AS_OF, "text/csv", CSV,
                "X-API-Key", "key-alice");

        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        JsonNode plan = JsonFormat.mapper().readTree(planned.body()).path("plan");
        assertThat(plan.path("cash").asDouble()).isEqualTo(5000);
        assertThat(plan.path("purchases").size()).isBetween(1, 2);
        assertThat(JsonFormat.mapper().readTree(plain.body()).has("plan")).isFalse();
        Map<String, String> bad = Map.of(
                "cash=-1", "cash",
                "cash=lots", "cash",
                "cash=1000&max_positions=0", "max_positions",
                "cash=1000&min_ticket=5000", "min_ticket",
                "cash=1000&min_score=101", "min_score",
                "use_trims=true", "cash");
        for (Map.Entry<String, String> query : bad.entrySet()) {
            HttpResponse<String> response = service.post("/api/bourse/opportunities?" + query.getKey() + "&" + AS_OF,
                    "text/csv", CSV, "X-API-Key", "key-alice");
            assertThat(response.statusCode()).as(query.getKey()).isEqualTo(400);
            assertThat(problem(response).path("parameter").asString()).as(query.getKey()).isEqualTo(query.getValue());
            assertThat(problem(response).path("detail").asString()).as(query.getKey()).contains(query.getValue());
        }
    }

    @Test
    void aMalformedMultipartIs400ProblemJsonNotA500() throws Exception {
        HttpResponse<String> noBoundary = service.post("/api/bourse/opportunities?" + AS_OF, "multipart/form-data",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\nsymbol,market_value\r\n",
                "X-API-Key", "key-alice");
        HttpResponse<String> truncated = service.post("/api/bourse/opportunities?" + AS_OF,
                "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\nsymbol,mar",
                "X-API-Key", "key-alice");

        for (HttpResponse<String> response : List.of(noBoundary, truncated)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(problem(response).path("detail").asString()).contains("multipart");
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    @Test
    void tooManyParametersAnOversizedUrlOrHeaderAreProblemJson() throws Exception {
        String manyParameters = java.util.stream.IntStream.range(0, 1_100).mapToObj(i -> "p" + i + "=1")
                .collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> parameters = service.get("/api/bourse/opportunities?user_id=alice&" + manyParameters,
                "X-API-Key", "key-alice");
        HttpResponse<String> longUrl = service.get("/api/bourse/opportunities?user_id=" + "a".repeat(20_000),
                "X-API-Key", "key-alice");
        HttpResponse<String> longHeader = service.get("/api/bourse/cache/stats", "X-Long", "b".repeat(20_000));

        for (HttpResponse<String> response : List.of(parameters, longUrl, longHeader)) {
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                    .startsWith("application/problem+json");
            assertThat(problem(response).path("detail").asString()).isNotBlank();
            assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception");
        }
    }

    @Test
    void aDateAfterTheDataIs422NamingAsOfAndTheLastDay() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?as_of=2099-01-01", "text/csv", CSV,
                "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response).path("parameter").asString()).isEqualTo("as_of");
        assertThat(problem(response).path("detail").asString()).contains("its last day is 2024-06-28")
                .contains("as_of=2024-06-28");
    }

    @Test
    void aPortfolioOfMoreSymbolsThanAScanMayCostIs422BeforeAnyUpstreamCallWithAShortAnswer() throws Exception {
        // 10,000 symbols cost 20,004 upstream calls in one request and a 2.3 MB answer listing them all
        StringBuilder csv = new StringBuilder("symbol,market_value\n");
        for (int i = 0; i < 300; i++) {
            csv.append("S").append(i).append(",100\n");
        }
        double before = meter("market_data_upstream_calls_total");

        HttpResponse<String> response = service.post("/api/bourse/opportunities?" + AS_OF, "text/csv", csv.toString(),
                "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response).path("detail").asString()).contains("300 distinct symbols", "at most 250");
        assertThat(response.body().length()).isLessThan(1_000);
        assertThat(meter("market_data_upstream_calls_total")).isEqualTo(before);
    }

    @Test
    void aBadDateIs400NamingTheParameter() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?as_of=yesterday", "text/csv", CSV,
                "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).path("parameter").asString()).isEqualTo("as_of");
    }

    @Test
    void aMalformedCsvIs400NamingTheLine() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?" + AS_OF, "text/csv",
                "ticker,value\nAAPL,1\n", "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).path("detail").asString()).contains("line 1").contains("'symbol'");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void aPortfolioWorthNothingIs400() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?" + AS_OF, "application/json",
                "{\"positions\": [{\"symbol\": \"AAPL\", \"market_value\": 0}]}", "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem(response).path("detail").asString()).contains("the portfolio is worth nothing");
    }

    @Test
    void anOversizedUploadIs413() throws Exception {
        String big = "symbol,market_value\n" + "AAPL,1\n".repeat(1_600_000);
        HttpResponse<String> response = service.post("/api/bourse/opportunities?" + AS_OF, "text/csv", big,
                "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problem(response).path("detail").asString()).contains("10 MB");
    }

    @Test
    void aKeyReadsOnlyItsOwnUsersServerSidePortfolios() throws Exception {
        HttpResponse<String> own = service.get("/api/bourse/opportunities?user_id=alice&" + AS_OF, "X-API-Key", "key-alice");
        HttpResponse<String> other = service.get("/api/bourse/opportunities?user_id=alice&" + AS_OF, "X-API-Key", "key-bob");
        HttpResponse<String> admin = service.get("/api/bourse/opportunities?user_id=alice&" + AS_OF,
                "Authorization", "Bearer " + ADMIN);
        HttpResponse<String> empty = service.get("/api/bourse/opportunities?user_id=bob&" + AS_OF, "X-API-Key", "key-bob");
        HttpResponse<String> traversal = service.get("/api/bourse/opportunities?user_id=alice&file_key=..%2Fbob&" + AS_OF,
                "X-API-Key", "key-alice");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(JsonFormat.mapper().readTree(own.body()).path("summary").path("positions").asInt()).isEqualTo(2);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(empty.statusCode()).isEqualTo(404);
        assertThat(traversal.statusCode()).isEqualTo(400);
    }

    @Test
    void aUserIdTooLongIsToldItsLengthWithoutBeingEchoed() throws Exception {
        String longId = "a".repeat(7_000);
        HttpResponse<String> response = service.get("/api/bourse/opportunities?user_id=" + longId + "&" + AS_OF,
                "Authorization", "Bearer " + ADMIN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).path("parameter").asString()).isEqualTo("user_id");
        assertThat(problem(response).path("detail").asString())
                .isEqualTo("user_id is 7000 characters long; expected at most 128.");
    }

    @Test
    void anEmptyBodyIsToldSo() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?" + AS_OF, "application/json", "",
                "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.path("detail").asString()).startsWith("The request body is empty; expected a portfolio");
        assertThat(problem.has("line")).isFalse();
        assertThat(problem.has("column")).isFalse();
    }

    @Test
    void aParameterOfTheWrongKindIsToldTheKindInWords() throws Exception {
        HttpResponse<String> limit = service.get("/api/bourse/cache/keys?limit=many", "Authorization", "Bearer " + ADMIN);
        HttpResponse<String> top = service.post("/api/bourse/opportunities?top=1.5&" + AS_OF, "text/csv", CSV,
                "X-API-Key", "key-alice");

        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(problem(limit).path("detail").asString())
                .isEqualTo("Parameter 'limit' has a value that cannot be read: 'many'; expected a whole number.");
        assertThat(top.statusCode()).isEqualTo(400);
        assertThat(problem(top).path("detail").asString())
                .isEqualTo("Parameter 'top' has a value that cannot be read: '1.5'; expected a whole number.");
    }

    @Test
    void everyScanParameterIsReadByItsNameAndAMistypedOneNamed() throws Exception {
        HttpResponse<String> date = service.post("/api/bourse/opportunities?as_of=yesterday", "text/csv", CSV,
                "X-API-Key", "key-alice");
        HttpResponse<String> trims = service.post("/api/bourse/opportunities?cash=1000&use_trims=maybe&" + AS_OF,
                "text/csv", CSV, "X-API-Key", "key-alice");
        HttpResponse<String> empty = service.post("/api/bourse/opportunities?top=&min_gap_pct=&horizon=long&" + AS_OF,
                "text/csv", CSV, "X-API-Key", "key-alice");

        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(problem(date).path("parameter").asString()).isEqualTo("as_of");
        assertThat(problem(date).path("detail").asString())
                .isEqualTo("Parameter 'as_of' has a value that cannot be read: 'yesterday'; expected a date like 2022-12-05.");
        assertThat(problem(trims).path("detail").asString())
                .isEqualTo("Parameter 'use_trims' has a value that cannot be read: 'maybe'; expected true or false.");
        assertThat(empty.statusCode()).isEqualTo(200);
        JsonNode answer = JsonFormat.mapper().readTree(empty.body());
        assertThat(answer.path("horizon").asString()).isEqualTo("long");
        assertThat(answer.path("as_of").asString()).isEqualTo(AS_OF.substring(AS_OF.indexOf('=') + 1));
    }

    @Test
    void cacheManagementNeedsTheAdminTokenAndRefusesStar() throws Exception {
        assertThat(service.get("/api/bourse/cache/stats").statusCode()).isEqualTo(401);
        assertThat(service.get("/api/bourse/cache/stats", "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
        assertThat(service.get("/api/bourse/cache/stats", "X-API-Key", "key-alice").statusCode()).isEqualTo(401);
        HttpResponse<String> stats = service.get("/api/bourse/cache/stats", "Authorization", "Bearer " + ADMIN);
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(JsonFormat.mapper().readTree(stats.body()).path("backends").asString()).isEqualTo("memory");

        HttpResponse<String> star = service.send(HttpRequest.newBuilder(service.base.resolve(
                "/api/bourse/cache/clear?pattern=*")).POST(HttpRequest.BodyPublishers.noBody()),
                "Authorization", "Bearer " + ADMIN);
        assertThat(star.statusCode()).isEqualTo(400);
        assertThat(problem(star).path("parameter").asString()).isEqualTo("pattern");
        HttpResponse<String> clear = service.send(HttpRequest.newBuilder(service.base.resolve(
                "/api/bourse/cache/clear?pattern=stock_score:JPM:*")).POST(HttpRequest.BodyPublishers.noBody()),
                "Authorization", "Bearer " + ADMIN);
        assertThat(clear.statusCode()).isEqualTo(200);
        assertThat(JsonFormat.mapper().readTree(clear.body()).has("deleted")).isTrue();
    }

    @Test
    void healthMetricsAndOpenApiAreServed() throws Exception {
        HttpResponse<String> health = service.get("/actuator/health", "Authorization", "Bearer " + ADMIN);
        HttpResponse<String> prometheus = service.get("/actuator/prometheus", "Authorization", "Bearer " + ADMIN);
        HttpResponse<String> openApi = service.get("/v3/api-docs", "X-API-Key", "key-alice");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = JsonFormat.mapper().readTree(health.body()).path("components");
        assertThat(components.path("redis").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("upstream").path("status").asString()).isEqualTo("UP");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("score_cache_hits").contains("market_data_upstream_calls");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/bourse/opportunities").contains("/api/bourse/cache/stats")
                .contains("\"min_gap_pct\"").contains("\"as_of\"");
    }

    @Test
    void anonymousCallersSeeTheHealthStatusOnlyAndNeitherMetricsNorTheApiDescription() throws Exception {
        HttpResponse<String> health = service.get("/actuator/health");
        HttpResponse<String> withAKey = service.get("/actuator/health", "X-API-Key", "key-alice");
        HttpResponse<String> prometheus = service.get("/actuator/prometheus");
        HttpResponse<String> prometheusWithAKey = service.get("/actuator/prometheus", "X-API-Key", "key-alice");
        HttpResponse<String> info = service.get("/actuator/info");
        HttpResponse<String> openApi = service.get("/v3/api-docs");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode status = JsonFormat.mapper().readTree(health.body());
        assertThat(status.path("status").asString()).isEqualTo("UP");
        assertThat(status.has("components")).as(health.body()).isFalse();
        assertThat(health.body()).doesNotContain("127.0.0.1").doesNotContain("diskSpace").doesNotContain("path");
        assertThat(JsonFormat.mapper().readTree(withAKey.body()).has("components")).isFalse();
        assertThat(prometheus.statusCode()).isEqualTo(401);
        assertThat(prometheus.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(prometheus.body()).doesNotContain("score_cache");
        assertThat(prometheusWithAKey.statusCode()).isEqualTo(401);
        assertThat(info.statusCode()).isEqualTo(401);
        assertThat(openApi.statusCode()).isEqualTo(401);
        assertThat(problem(openApi).path("detail").asString()).contains("X-API-Key");
    }

    @Test
    void everyAnswerCarriesTheBrowsersProtections() throws Exception {
        for (HttpResponse<String> response : List.of(service.get("/"), service.get("/app.js"),
                service.get("/api/bourse/cache/stats"), service.get("/actuator/health"))) {
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(response.uri().toString())
                    .contains("default-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void theUpstreamCallsMeterCountsTheCallsAScanMade() throws Exception {
        double before = meter("market_data_upstream_calls_total");
        // an as-of date of its own: histories no other test has brought into the cache
        HttpResponse<String> scan = service.post("/api/bourse/opportunities?horizon=short&as_of=2024-05-31", "text/csv",
                CSV, "X-API-Key", "key-alice");
        assertThat(scan.statusCode()).isEqualTo(200);
        int upstreamCalls = JsonFormat.mapper().readTree(scan.body()).path("stats").path("upstream_calls").asInt();

        double after = meter("market_data_upstream_calls_total");

        assertThat(upstreamCalls).isPositive();
        assertThat(after - before).as("the meter's increase over the scan").isEqualTo(upstreamCalls);
    }

    /** A meter's value in the Prometheus scrape. */
    static double meter(String name) throws Exception {
        String scrape = service.get("/actuator/prometheus", "Authorization", "Bearer " + ADMIN).body();
        return scrape.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void errorsNeverCarryAStackTraceOrTheCallersValues() throws Exception {
        HttpResponse<String> response = service.post("/api/bourse/opportunities?" + AS_OF, "application/json",
                "{\"positions\": [{\"symbol\": \"SECRETCO\", \"market_value\": -12345.67}]", "X-API-Key", "key-alice");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("at com.").doesNotContain("Exception");
    }

    static JsonNode problem(HttpResponse<String> response) {
        return JsonFormat.mapper().readTree(response.body());
    }


}
