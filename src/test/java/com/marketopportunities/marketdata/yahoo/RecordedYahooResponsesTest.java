package com.marketopportunities.marketdata.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.marketdata.SharedMarketData;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The client against real Yahoo responses recorded by node-yahoo-finance2 (2025): a local server
 * answers each request with the recorded status and body (charts, v7 quotes of one or two symbols,
 * quoteSummary), and the expected values are read off the recordings themselves. Skipped where
 * ../shared/market-data is absent.
 */
class RecordedYahooResponsesTest {

    static final String RECORDED_CRUMB = "haT3oykhHqZ";
    static final Map<String, String> CHARTS = Map.of(
            "MSFT", "historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json",
            "NVDA", "historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json",
            "TSLA", "historical-via-chart-dividends-TSLA-no-dividends.json",
            "AAPL", "chart-AAPL-2020-08-31-to-2020-11-07.json");
    static final Map<String, String> SUMMARIES = Map.of(
            "AAPL", "quoteSummary-all-AAPL.json",
            "QQQ", "quoteSummary-all-QQQ.json",
            "ADH", "quoteSummary-summaryDetail-ADH.json");
    /** v7 quote recordings by the symbols asked for, as the request wrote them. */
    static final Map<String, String> QUOTES = Map.of(
            "AAPL,BABA", "quote-AAPL-BABA.json",
            "QQQ", "quote-QQQ.json",
            "AAPL,NONEXIST", "../tests-http/quoteCombine-AAPL-NONEXIST.json");

    static Path recordings;
    static HttpServer server;
    static final List<String> log = new CopyOnWriteArrayList<>();
    /** The first crumb handed out is stale, so that the client must ask again after "Invalid Crumb". */
    static final AtomicInteger crumbsHandedOut = new AtomicInteger();
    static YahooFinanceMarketData yahoo;

    @BeforeAll
    static void serveRecordings() throws IOException {
        recordings = SharedMarketData.folder().resolve("yahoo/node-yahoo-finance2/fixtures-http");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(recordings),
                recordings + " not found: recorded Yahoo responses not replayed");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", RecordedYahooResponsesTest::answer);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        yahoo = new YahooFinanceMarketData(YahooSettings.defaults().pointingAt(base));
    }

    @AfterAll
    static void stop() {
        if (yahoo != null) {
            yahoo.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void dailyHistoryOfMsftWithItsDividendAdjustedCloses() throws IOException {
        PriceHistory msft = yahoo.history("MSFT", LocalDate.of(2021, 2, 1), LocalDate.of(2022, 1, 31)).join();
        JsonNode result = recordedResult("MSFT");

        assertThat(msft.bars()).hasSize(result.path("timestamp").size()).hasSize(252);
        assertThat(msft.bars().get(0).date()).isEqualTo(LocalDate.of(2021, 2, 1));
        assertThat(msft.bars().get(0).close()).isEqualTo(239.64999389648438);
        assertThat(msft.bars().get(0).adjustedClose()).isEqualTo(231.1864776611328);
        assertThat(msft.bars().get(251).date()).isEqualTo(LocalDate.of(2022, 1, 28));
        assertThat(msft.bars().get(251).scoringClose()).isEqualTo(299.8661193847656);
    }

    @Test
    void barsAfterTheRequestedRangeAreLeftOut() {
        PriceHistory msft = yahoo.history("MSFT", LocalDate.of(2021, 2, 1), LocalDate.of(2021, 12, 31)).join();

        assertThat(msft.bars().get(msft.bars().size() - 1).date()).isEqualTo(LocalDate.of(2021, 12, 31));
    }

    @Test
    void datesAreTheExchangesDaysAcrossDaylightSavingTime() {
        // AAPL's first bar opens 13:30 UTC (EDT), its last 14:30 UTC (EST): both are New York dates
        PriceHistory aapl = yahoo.history("AAPL", LocalDate.of(2020, 8, 31), LocalDate.of(2020, 11, 6)).join();

        assertThat(aapl.bars()).hasSize(49);
        assertThat(aapl.bars().get(0).date()).isEqualTo(LocalDate.of(2020, 8, 31));
        assertThat(aapl.bars().get(48).date()).isEqualTo(LocalDate.of(2020, 11, 6));
    }

    @Test
    void aLongHistoryAndASplitHistoryAreReadWhole() {
        PriceHistory tsla = yahoo.history("TSLA", LocalDate.of(2010, 6, 29), LocalDate.of(2023, 8, 11)).join();
        PriceHistory nvda = yahoo.history("NVDA", LocalDate.of(2021, 2, 1), LocalDate.of(2022, 1, 31)).join();

        assertThat(tsla.bars()).hasSize(3303);
        assertThat(tsla.bars().get(0).date()).isEqualTo(LocalDate.of(2010, 6, 29));
        assertThat(nvda.bars()).hasSize(252);
        assertThat(nvda.bars().get(0).adjustedClose()).isEqualTo(13.2034912109375);
    }

    @Test
    void fundamentalsOfTwoSymbolsInOneQuoteCallWithTheYieldInPercentReadAsAFraction() throws IOException {
        int before = log.size();
        var apple = yahoo.fundamentals("AAPL");
        var alibaba = yahoo.fundamentals("BABA");
        JsonNode recorded = recorded("quote-AAPL-BABA.json").path("response").path("bodyJson")
                .path("quoteResponse").path("result");

        assertThat(apple.join().name()).isEqualTo("Apple Inc.");
        assertThat(apple.join().instrumentType()).isEqualTo("EQUITY");
        assertThat(apple.join().currency()).isEqualTo("USD");
        assertThat(apple.join().trailingPe()).isEqualTo(recorded.path(0).path("trailingPE").asDouble()).isEqualTo(38.763866);
        // v7's dividendYield is in percent (0.41 = 0.41 %); its trailingAnnualDividendYield, a fraction, is another measure
        assertThat(recorded.path(0).path("dividendYield").asDouble()).isEqualTo(0.41);
        assertThat(apple.join().dividendYield()).isEqualTo(0.0041);
        assertThat(alibaba.join().dividendYield()).isEqualTo(0.016);
        assertThat(alibaba.join().forwardPe()).isEqualTo(recorded.path(1).path("forwardPE").asDouble());
        // a quote tells no sector or country: those are the profile's
        assertThat(apple.join().sector()).isNull();
        assertThat(apple.join().country()).isNull();
        // one call for both (a first 401 "Invalid Crumb" aside, when this test is the first to need the crumb)
        assertThat(log.subList(before, log.size())).filteredOn(line -> line.startsWith("200 /v7/finance/quote"))
                .hasSize(1);
    }

    @Test
    void aSymbolTheQuoteLeavesOutIsNoData() {
        var apple = yahoo.fundamentals("AAPL");
        var unknown = yahoo.fundamentals("NONEXIST");

        assertThat(apple.join().name()).isEqualTo("Apple Inc.");
        assertThatThrownBy(unknown::join).cause().isInstanceOf(NoDataException.class)
                .hasMessageContaining("NONEXIST");
    }

    @Test
    void theYieldOfAnEtfReadsTheSameFromQuoteAndFromQuoteSummary() {
        assertThat(yahoo.fundamentals("QQQ").join().dividendYield())
                .isEqualTo(yahoo.profile("QQQ").join().dividendYield()).isEqualTo(0.0054);
    }

    @Test
    void profileOfAStockFromQuoteSummary() {
        Fundamentals apple = yahoo.profile("AAPL").join();

        assertThat(apple.name()).isEqualTo("Apple Inc.");
        assertThat(apple.instrumentType()).isEqualTo("EQUITY");
        assertThat(apple.currency()).isEqualTo("USD");
        assertThat(apple.sector()).isEqualTo("Technology");
        assertThat(apple.trailingPe()).isEqualTo(38.91442);
        assertThat(apple.forwardPe()).isEqualTo(29.548735);
        // a fraction, as quoteSummary gives it: 0.41 %, not 41 %
        assertThat(apple.dividendYield()).isEqualTo(0.0041);
        // Yahoo no longer sends pegRatio (2025): absent, not zero
        assertThat(apple.pegRatio()).isNull();
        assertThat(apple.country()).isEqualTo("United States");
        assertThat(apple.fund()).isNull();
    }

    @Test
    void anEtfHasNoSectorAndItsYieldUnderYield() {
        Fundamentals qqq = yahoo.profile("QQQ").join();

        assertThat(qqq.isEtf()).isTrue();
        assertThat(qqq.sector()).isNull();
        assertThat(qqq.trailingPe()).isEqualTo(34.286358);
        assertThat(qqq.dividendYield()).isEqualTo(0.0054);
        assertThat(qqq.country()).isNull();
        assertThat(qqq.fund().sectors()).hasSize(11).containsEntry("technology", 0.5083);
        assertThat(qqq.fund().assetClasses()).containsExactly(Map.entry("Equity", 0.9993), Map.entry("Cash", 0.0007));
        assertThat(qqq.fund().category()).isEqualTo("Large Growth");
    }

    @Test
    void aRecorded404IsNoDataWithYahoosReason() {
        assertThatThrownBy(() -> yahoo.profile("ADH").join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(NoDataException.class)
                .hasMessageContaining("ADH").hasMessageContaining("No fundamentals data found");
        assertThatThrownBy(() -> yahoo.history("NOPE", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 2, 1)).join())
                .cause().isInstanceOf(NoDataException.class).hasMessageContaining("symbol may be delisted");
    }

    @Test
    void anInvalidCrumbIsReplacedOnceAndTheRequestSucceeds() {
        // the first crumb this server hands out is stale: the first quoteSummary gets 401 "Invalid Crumb"
        assertThat(yahoo.profile("AAPL").join().trailingPe()).isEqualTo(38.91442);
        assertThat(crumbsHandedOut.get()).isEqualTo(2);
        // whichever call first needed the crumb (a quote or a quoteSummary) was refused once
        assertThat(log).anyMatch(line -> line.startsWith("401 /v10/finance/quoteSummary/")
                || line.startsWith("401 /v7/finance/quote"));
    }

    static JsonNode recordedResult(String symbol) throws IOException {
        return recorded(CHARTS.get(symbol)).path("response").path("bodyJson").path("chart").path("result").path(0);
    }

    static JsonNode recorded(String file) throws IOException {
        return JsonFormat.mapper().readTree(Files.readString(recordings.resolve(file)));
    }

    /** Answers like Yahoo did when these were recorded; the cookie page and the crumb check are the server's. */
    static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        int status;
        String body;
        if (path.equals("/")) {
            exchange.getResponseHeaders().add("Set-Cookie", "A3=d=recorded; Path=/");
            status = 200;
            body = "<html>Yahoo</html>";
        } else if (path.equals("/v1/test/getcrumb")) {
            JsonNode getcrumb = recorded("getCrumb-getcrumb.json").path("response");
            status = getcrumb.path("status").asInt();
            body = crumbsHandedOut.incrementAndGet() == 1 ? "staleCrumb1" : getcrumb.path("bodyText").asString();
        } else if ((path.startsWith("/v10/finance/quoteSummary/") || path.startsWith("/v7/finance/quote"))
                && !query.contains("crumb=" + RECORDED_CRUMB)) {
            status = 401;
            body = "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\",\"description\":\"Invalid Crumb\"}}}";
        } else if (path.equals("/v7/finance/quote")) {
            String symbols = java.net.URLDecoder.decode(query.replaceAll(".*symbols=([^&]*).*", "$1"),
                    StandardCharsets.UTF_8);
            String file = QUOTES.get(symbols);
            status = 200;
            body = file == null ? "{\"quoteResponse\":{\"result\":[],\"error\":null}}"
                    : JsonFormat.mapper().writeValueAsString(recorded(file).path("response").path("bodyJson"));
        } else {
            String symbol = path.substring(path.lastIndexOf('/') + 1);
            String file = path.startsWith("/v8/finance/chart/") ? CHARTS.get(symbol) : SUMMARIES.get(symbol);
            if (file == null) {
                status = 404;
                body = "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                        + "\"description\":\"No data found, symbol may be delisted\"}}}";
            } else {
                JsonNode response = recorded(file).path("response");
                status = response.path("status").asInt();
                body = JsonFormat.mapper().writeValueAsString(response.path("bodyJson"));
            }
        }
        log.add(status + " " + path);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
