package com.marketopportunities.marketdata.yahoo.standin;

import static com.marketopportunities.marketdata.yahoo.standin.StandInClients.client;
import static com.marketopportunities.marketdata.yahoo.standin.StandInClients.sessionClient;
import static com.marketopportunities.marketdata.yahoo.standin.StandInClients.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.FundBreakdown;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.yahoo.YahooFinanceMarketData;
import com.marketopportunities.marketdata.yahoo.YahooSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Yahoo stand-in as a client sees it, through {@link HttpClient} with a {@link CookieManager}:
 * on a small fixture folder written here (always runs) and on the real market data of
 * {@code -Dmarket.data} / {@code ../shared/market-data} (skipped where that folder is absent).
 */
class YahooStandInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODULES = "price,summaryDetail,defaultKeyStatistics,assetProfile";
    /** What the Yahoo client asks for since funds have breakdowns. */
    private static final String FUND_MODULES = MODULES + ",topHoldings,fundProfile";
    private static final Path REAL_DATA = Path.of(System.getProperty("market.data", "../shared/market-data"));

    @TempDir
    static Path fixture;

    /*
     * FIXA: top-level file, 4 bars across the 2024 DST change (Sun 2024-03-10) and a trailing "null" row.
     * FIXE: an ETF under ohlcv/. ^GSPC: a symbol that must be URL-encoded. NOPX: fundamentals, no prices.
     */
    @BeforeAll
    static void writeFixture() throws IOException {
        Files.writeString(fixture.resolve("FIXA.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,10.5,11.25,10.25,11,10.75,1000
                2024-01-03,11,12,10.5,11.5,11.25,2000
                2024-03-08,12,12.5,11.75,12.25,12,3000
                2024-03-11,12.25,13,12,12.75,12.5,4000
                2024-03-12,null,null,null,null,null,null
                """);
        Files.createDirectories(fixture.resolve("ohlcv"));
        Files.writeString(fixture.resolve("ohlcv/FIXE.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,50,51,49,50.5,50.5,100
                """);
        Files.writeString(fixture.resolve("^GSPC.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,4745.2,4754.33,4722.67,4742.83,4742.83,3743050000
                """);
        Files.writeString(fixture.resolve("fundamentals.csv"), """
                symbol,name,type,sector,currency,trailing_pe,forward_pe,peg_ratio,dividend_yield,as_of,country
                FIXA,"Fixture A, Inc.",EQUITY,Consumer Discretionary,USD,20.5,18.25,1.5,0.0123,2025-01-01,United States
                FIXE,Fixture Tech ETF,ETF,Technology,USD,,,,0.0075,,Ireland
                NOPX,No Prices Corp,EQUITY,Health Care,EUR,,,,,,
                """);
        // FIXW: a fund only in funds.csv
        Files.writeString(fixture.resolve("funds.csv"), """
                symbol,exposure,bucket,weight,as_of,source
                FIXE,sector,Information Technology,0.5,2024-12-24,fixture
                FIXE,sector,Real Estate,0.2,2024-12-24,fixture
                FIXE,sector,Financials,0.3,2024-12-24,fixture
                FIXE,region,North America,1,2024-12-24,fixture
                FIXE,asset_class,Equity,0.98,2024-12-24,fixture
                FIXE,asset_class,Cash,0.02,2024-12-24,fixture
                FIXE,category,Large Growth,1,2024-12-24,fixture
                FIXW,region,Europe,1,,fixture
                FIXW,asset_class,Commodities,1,,fixture
                """);
    }

    @Nested
    class SessionHandshake {

        @Test
        void theCrumbNeedsTheCookieOfTheCookiePage() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).crumb("haT3oykhHqZ").start()) {
                CookieManager cookies = new CookieManager();
                HttpClient client = client(cookies, HttpClient.Redirect.NEVER);

                HttpResponse<String> refused = get(client, yahoo.baseUrl().resolve("/v1/test/getcrumb"));
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.body()).isEqualTo(
                        "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\",\"description\":\"Invalid Cookie\"}}}");

                assertThat(get(client, yahoo.baseUrl().resolve("/")).statusCode()).isEqualTo(200);
                assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("A1", "A3");

                HttpResponse<String> crumb = get(client, yahoo.baseUrl().resolve("/v1/test/getcrumb"));
                assertThat(crumb.statusCode()).isEqualTo(200);
                assertThat(crumb.headers().firstValue("content-type")).hasValue("text/plain;charset=utf-8");
                assertThat(crumb.body()).isEqualTo("haT3oykhHqZ");
            }
        }

        @Test
        void theDefaultCrumbIsElevenLettersOrDigitsAndAQuotePageAlsoSetsTheCookie() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = client(new CookieManager(), HttpClient.Redirect.NEVER);
                assertThat(get(client, yahoo.baseUrl().resolve("/quote/AAPL")).statusCode()).isEqualTo(200);
                assertThat(get(client, yahoo.baseUrl().resolve("/v1/test/getcrumb")).body())
                        .matches("[A-Za-z0-9]{11}").isEqualTo(yahoo.crumb());
            }
        }

        @Test
        void theConsentFlowHopByHop() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).consentRedirect(true).start()) {
                CookieManager cookies = new CookieManager();
                HttpClient client = client(cookies, HttpClient.Redirect.NEVER);
                URI base = yahoo.baseUrl();

                HttpResponse<String> first = get(client, base.resolve("/"));
                assertThat(first.statusCode()).isEqualTo(307);
                String consentUrl = first.headers().firstValue("location").orElseThrow();
                assertThat(consentUrl).startsWith(base + "/consent?sessionId=3_cc-session_");
                assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).containsExactly("GUCS");
                assertThat(get(client, base.resolve("/v1/test/getcrumb")).statusCode()).isEqualTo(401);

                HttpResponse<String> form = get(client, URI.create(consentUrl));
                assertThat(form.statusCode()).isEqualTo(200);
                assertThat(form.body()).contains("<form method=\"post\" class=\"consent-form\" action=\"\">",
                        "name=\"agree\" value=\"agree\"", "<input type=\"hidden\" name=\"namespace\" value=\"yahoo\">",
                        "name=\"originalDoneUrl\" value=\"" + base + "/?guccounter&#x3D;1\"");
                Map<String, String> hidden = hiddenInputs(form.body());
                assertThat(hidden).containsOnlyKeys("csrfToken", "sessionId", "originalDoneUrl", "namespace");
                assertThat(consentUrl).endsWith("sessionId=" + hidden.get("sessionId"));

                Map<String, String> forged = new LinkedHashMap<>(hidden);
                forged.put("csrfToken", "forged");
                assertThat(post(client, URI.create(consentUrl), form(forged) + "&agree=agree").statusCode()).isEqualTo(400);
                assertThat(post(client, URI.create(consentUrl), form(hidden)).statusCode())
                        .as("no agree=agree").isEqualTo(400);

                HttpResponse<String> agreed = post(client, URI.create(consentUrl), form(hidden) + "&agree=agree&agree=agree");
                assertThat(agreed.statusCode()).isEqualTo(302);
                String copyUrl = agreed.headers().firstValue("location").orElseThrow();
                assertThat(copyUrl).startsWith(base + "/copyConsent?sessionId=" + hidden.get("sessionId"));

                HttpResponse<String> copied = get(client, URI.create(copyUrl));
                assertThat(copied.statusCode()).isEqualTo(302);
                assertThat(copied.headers().firstValue("location")).hasValue(base + "/?guccounter=1");
                assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName)
                        .contains("GUCS", "A1", "A3");

                assertThat(get(client, base.resolve("/?guccounter=1")).statusCode()).isEqualTo(200);
                assertThat(get(client, base.resolve("/v1/test/getcrumb")).body()).isEqualTo(yahoo.crumb());
                assertThat(yahoo.count(YahooEndpoint.CONSENT, 400)).isEqualTo(2);
            }
        }

        @Test
        void aClientFollowingRedirectsLandsOnTheFormAndItsSubmissionEndsOnThePageAsked() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).consentRedirect(true).start()) {
                HttpClient client = client(new CookieManager(), HttpClient.Redirect.NORMAL);

                HttpResponse<String> page = get(client, yahoo.baseUrl().resolve("/quote/AAPL"));
                assertThat(page.uri().getPath()).isEqualTo("/consent");
                HttpResponse<String> done = post(client, page.uri(), form(hiddenInputs(page.body())) + "&agree=agree");

                assertThat(done.statusCode()).isEqualTo(200);
                assertThat(done.uri()).isEqualTo(yahoo.baseUrl().resolve("/quote/AAPL?guccounter=1"));
                assertThat(get(client, yahoo.baseUrl().resolve("/v1/test/getcrumb")).statusCode()).isEqualTo(200);
            }
        }
    }

    @Nested
    class ChartEndpoint {

        @Test
        void aRangeIsYahoosV8BodyWithBarsAtTheNewYorkOpen() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                HttpResponse<String> answer = get(client, chartUrl(yahoo, "FIXA", "2024-01-01", "2024-04-01"));

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("content-type")).hasValue("application/json;charset=utf-8");
                JsonNode chart = JSON.readTree(answer.body()).get("chart");
                assertThat(chart.get("error").isNull()).isTrue();
                JsonNode result = chart.get("result").get(0);
                assertThat(result.get("timestamp")).extracting(JsonNode::asLong).containsExactly(
                        epoch("2024-01-02T14:30:00Z"), epoch("2024-01-03T14:30:00Z"), epoch("2024-03-08T14:30:00Z"),
                        epoch("2024-03-11T13:30:00Z"), epoch("2024-03-12T13:30:00Z"));
                JsonNode quote = result.get("indicators").get("quote").get(0);
                assertThat(quote.get("open").get(0).asDouble()).isEqualTo(10.5);
                assertThat(quote.get("high").get(1).asDouble()).isEqualTo(12.0);
                assertThat(quote.get("low").get(2).asDouble()).isEqualTo(11.75);
                assertThat(quote.get("close").get(3).asDouble()).isEqualTo(12.75);
                assertThat(quote.get("volume").get(3).asLong()).isEqualTo(4000);
                assertThat(quote.get("close").get(4).isNull()).as("a null row stays null").isTrue();
                assertThat(quote.get("volume").get(4).isNull()).isTrue();
                JsonNode adjclose = result.get("indicators").get("adjclose").get(0).get("adjclose");
                assertThat(adjclose).extracting(node -> node.isNull() ? null : node.asDouble())
                        .containsExactly(10.75, 11.25, 12.0, 12.5, null);

                JsonNode meta = result.get("meta");
                assertThat(meta.get("symbol").asString()).isEqualTo("FIXA");
                assertThat(meta.get("currency").asString()).isEqualTo("USD");
                assertThat(meta.get("instrumentType").asString()).isEqualTo("EQUITY");
                assertThat(meta.get("exchangeTimezoneName").asString()).isEqualTo("America/New_York");
                assertThat(meta.get("priceHint").asInt()).isEqualTo(2);
                assertThat(meta.get("dataGranularity").asString()).isEqualTo("1d");
                assertThat(meta.get("range").asString()).isEmpty();
                assertThat(meta.get("firstTradeDate").asLong()).isEqualTo(epoch("2024-01-02T14:30:00Z"));
                assertThat(meta.get("regularMarketPrice").asDouble()).as("last close, the null row skipped").isEqualTo(12.75);
                assertThat(meta.get("regularMarketTime").asLong()).isEqualTo(epoch("2024-03-11T20:00:00Z"));
                assertThat(meta.get("timezone").asString()).isEqualTo("EDT");
                assertThat(meta.get("gmtoffset").asInt()).isEqualTo(-14400);
                assertThat(meta.has("chartPreviousClose")).as("no bar before the first").isFalse();
            }
        }

        @Test
        void aBarDatedDIsServedWhenItsNewYorkMidnightIsWithinPeriod1InclusivePeriod2Exclusive() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                // UTC midnights as the recordings use: 2024-01-03 00:00Z is 2024-01-02 19:00 in New York.
                JsonNode utc = chartResult(get(client, chartUrl(yahoo, "FIXA", "2024-01-03", "2024-03-11")));
                assertThat(utc.get("timestamp")).extracting(JsonNode::asLong)
                        .containsExactly(epoch("2024-01-03T14:30:00Z"), epoch("2024-03-08T14:30:00Z"));
                assertThat(utc.get("meta").get("chartPreviousClose").asDouble()).isEqualTo(11.0);

                long newYorkMidnightJan3 = epoch("2024-01-03T05:00:00Z");
                long newYorkMidnightMar11 = epoch("2024-03-11T04:00:00Z");
                JsonNode exact = chartResult(get(client, yahoo.baseUrl().resolve("/v8/finance/chart/FIXA?period1="
                        + newYorkMidnightJan3 + "&period2=" + newYorkMidnightMar11 + "&interval=1d&events=div,split")));
                assertThat(exact.get("timestamp")).hasSize(2);
                JsonNode oneSecondLater = chartResult(get(client, yahoo.baseUrl().resolve("/v8/finance/chart/FIXA?period1="
                        + (newYorkMidnightJan3 + 1) + "&period2=" + (newYorkMidnightMar11 + 1))));
                assertThat(oneSecondLater.get("timestamp")).extracting(JsonNode::asLong)
                        .containsExactly(epoch("2024-03-08T14:30:00Z"), epoch("2024-03-11T13:30:00Z"));
            }
        }

        @Test
        void aRangeWithoutBarsHasNoTimestampAndEmptyIndicatorsAsYahoosNoDataAnswer() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpResponse<String> answer = get(sessionClient(yahoo), chartUrl(yahoo, "FIXA", "2024-01-06", "2024-01-08"));

                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode result = chartResult(answer);
                assertThat(result.has("timestamp")).isFalse();
                assertThat(result.get("indicators").toString()).isEqualTo("{\"quote\":[{}],\"adjclose\":[{}]}");
                assertThat(result.get("meta").get("chartPreviousClose").asDouble()).isEqualTo(11.5);
            }
        }

        @Test
        void anUnknownSymbolIs404NoDataFoundAndAnEncodedSymbolIsDecoded() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                HttpResponse<String> unknown = get(client, chartUrl(yahoo, "NOPX", "2024-01-01", "2024-04-01"));
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(unknown.body()).isEqualTo("{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                        + "\"description\":\"No data found, symbol may be delisted\"}}}");

                HttpResponse<String> index = get(client, chartUrl(yahoo, "%5EGSPC", "2024-01-01", "2024-04-01"));
                assertThat(index.statusCode()).isEqualTo(200);
                assertThat(chartResult(index).get("meta").get("symbol").asString()).isEqualTo("^GSPC");
                assertThat(chartResult(index).get("indicators").get("quote").get(0).get("volume").get(0).asLong())
                        .isEqualTo(3_743_050_000L);
                assertThat(yahoo.count("/v8/finance/chart/^GSPC")).isEqualTo(1);

                HttpResponse<String> etf = get(client, chartUrl(yahoo, "fixe", "2024-01-01", "2024-04-01"));
                assertThat(chartResult(etf).get("meta").get("instrumentType").asString()).isEqualTo("ETF");
                assertThat(chartResult(etf).get("meta").get("symbol").asString()).isEqualTo("FIXE");
            }
        }

        @Test
        void aChartIsServedWithoutCookieOrCrumbAsYahooServesIt() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient noSession = client(new CookieManager(), HttpClient.Redirect.NEVER);
                JsonNode chart = chartResult(get(noSession, chartUrl(yahoo, "FIXA", "2024-01-01", "2024-04-01")));
                assertThat(chart.get("timestamp")).hasSize(5);

                yahoo.forgetSessions();
                yahoo.rotateCrumb();
                URI staleCrumb = URI.create(chartUrl(yahoo, "FIXE", "2024-01-01", "2024-04-01") + "&crumb=stale");
                assertThat(get(noSession, staleCrumb).statusCode()).isEqualTo(200);
                assertThat(yahoo.requestsByEndpoint()).containsEntry(YahooEndpoint.CHART, 2L)
                        .containsEntry(YahooEndpoint.COOKIE_PAGE, 0L).containsEntry(YahooEndpoint.CRUMB, 0L);
            }
        }
    }

    @Nested
    class QuoteSummaryEndpoint {

        @Test
        void rawNumbersByDefaultAndYahooSectorNames() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                HttpResponse<String> answer = get(client, quoteSummaryUrl(yahoo, "FIXA", yahoo.crumb(), ""));

                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode body = JSON.readTree(answer.body()).get("quoteSummary");
                assertThat(body.get("error").isNull()).isTrue();
                JsonNode result = body.get("result").get(0);
                assertThat(result.propertyNames()).containsExactly("price", "summaryDetail", "defaultKeyStatistics", "assetProfile");
                assertThat(result.get("price").get("quoteType").asString()).isEqualTo("EQUITY");
                assertThat(result.get("price").get("longName").asString()).isEqualTo("Fixture A, Inc.");
                assertThat(result.get("price").get("currency").asString()).isEqualTo("USD");
                assertThat(result.get("price").get("symbol").asString()).isEqualTo("FIXA");
                assertThat(result.get("summaryDetail").get("trailingPE").asDouble()).isEqualTo(20.5);
                assertThat(result.get("summaryDetail").get("forwardPE").asDouble()).isEqualTo(18.25);
                assertThat(result.get("summaryDetail").get("dividendYield").asDouble()).isEqualTo(0.0123);
                assertThat(result.get("defaultKeyStatistics").get("pegRatio").asDouble()).isEqualTo(1.5);
                assertThat(result.get("defaultKeyStatistics").get("trailingPegRatio").asDouble()).isEqualTo(1.5);
                assertThat(result.get("assetProfile").get("sector").asString()).isEqualTo("Consumer Cyclical");
                assertThat(result.get("assetProfile").get("sectorKey").asString()).isEqualTo("consumer-cyclical");

                JsonNode sparse = quoteSummaryResult(get(client, quoteSummaryUrl(yahoo, "NOPX", yahoo.crumb(), "&formatted=false")));
                assertThat(sparse.get("summaryDetail").has("trailingPE")).as("missing values are left out").isFalse();
                assertThat(sparse.get("defaultKeyStatistics").has("pegRatio")).isFalse();
                assertThat(sparse.get("assetProfile").get("sector").asString()).isEqualTo("Healthcare");
                assertThat(sparse.get("price").get("currency").asString()).isEqualTo("EUR");
            }
        }

        @Test
        void formattedTrueGivesRawAndFmtObjectsAndEmptyObjectsForMissingValues() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                JsonNode stock = quoteSummaryResult(get(client, quoteSummaryUrl(yahoo, "FIXA", yahoo.crumb(), "&formatted=true")));
                assertThat(stock.get("summaryDetail").toString()).isEqualTo("{\"maxAge\":1,"
                        + "\"trailingPE\":{\"raw\":20.5,\"fmt\":\"20.50\"},\"forwardPE\":{\"raw\":18.25,\"fmt\":\"18.25\"},"
                        + "\"dividendYield\":{\"raw\":0.0123,\"fmt\":\"1.23%\"},\"currency\":\"USD\"}");
                assertThat(stock.get("defaultKeyStatistics").get("pegRatio").toString())
                        .isEqualTo("{\"raw\":1.5,\"fmt\":\"1.50\"}");

                JsonNode sparse = quoteSummaryResult(get(client, quoteSummaryUrl(yahoo, "NOPX", yahoo.crumb(), "&formatted=true")));
                assertThat(sparse.get("summaryDetail").get("trailingPE").toString()).isEqualTo("{}");
                assertThat(sparse.get("defaultKeyStatistics").get("trailingPegRatio").toString()).isEqualTo("{}");
            }
        }

        @Test
        void anEtfHasYieldInsteadOfDividendYieldAndNoSector() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                JsonNode etf = quoteSummaryResult(get(sessionClient(yahoo), quoteSummaryUrl(yahoo, "FIXE", yahoo.crumb(), "")));

                assertThat(etf.get("price").get("quoteType").asString()).isEqualTo("ETF");
                assertThat(etf.get("summaryDetail").get("yield").asDouble()).isEqualTo(0.0075);
                assertThat(etf.get("summaryDetail").has("dividendYield")).isFalse();
                assertThat(etf.get("assetProfile").has("sector")).isFalse();
                assertThat(etf.get("assetProfile").get("maxAge").asInt()).isEqualTo(86400);
            }
        }

        @Test
        void aFundsTopHoldingsWithYahoosSectorKeysAndItsFundProfileButNoCountry() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                JsonNode etf = quoteSummaryResult(get(sessionClient(yahoo),
                        quoteSummaryUrl(yahoo, "FIXE", yahoo.crumb(), FUND_MODULES, "")));

                assertThat(etf.propertyNames()).containsExactly("price", "summaryDetail", "defaultKeyStatistics",
                        "assetProfile", "topHoldings", "fundProfile");
                JsonNode holdings = etf.get("topHoldings");
                assertThat(holdings.get("sectorWeightings").toString())
                        .isEqualTo("[{\"technology\":0.5},{\"realestate\":0.2},{\"financial_services\":0.3}]");
                assertThat(holdings.get("stockPosition").asDouble()).isEqualTo(0.98);
                assertThat(holdings.get("cashPosition").asDouble()).isEqualTo(0.02);
                assertThat(holdings.get("bondPosition").asDouble()).isZero();
                // Yahoo has no region weights
                assertThat(holdings.toString()).doesNotContain("North America");
                assertThat(etf.get("fundProfile").get("categoryName").asString()).isEqualTo("Large Growth");
                assertThat(etf.get("assetProfile").has("country")).as("a fund's domicile is not served").isFalse();
            }
        }

        @Test
        void aStockHasItsCountryAndNoFundModulesAFundOnlyInFundsCsvIsServed() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                JsonNode stock = quoteSummaryResult(get(client, quoteSummaryUrl(yahoo, "FIXA", yahoo.crumb(), FUND_MODULES, "")));
                assertThat(stock.propertyNames()).containsExactly("price", "summaryDetail", "defaultKeyStatistics",
                        "assetProfile");
                assertThat(stock.get("assetProfile").get("country").asString()).isEqualTo("United States");
                assertThat(get(client, quoteSummaryUrl(yahoo, "FIXA", yahoo.crumb(), "topHoldings,fundProfile", ""))
                        .statusCode()).as("nothing of what was asked").isEqualTo(404);

                JsonNode fundOnly = quoteSummaryResult(get(client,
                        quoteSummaryUrl(yahoo, "FIXW", yahoo.crumb(), FUND_MODULES, "&formatted=true")));
                assertThat(fundOnly.get("price").get("quoteType").asString()).isEqualTo("ETF");
                assertThat(fundOnly.has("fundProfile")).isFalse();
                // commodities are Yahoo's otherPosition
                assertThat(fundOnly.get("topHoldings").get("otherPosition").toString())
                        .isEqualTo("{\"raw\":1.0,\"fmt\":\"100.00%\"}");
                assertThat(fundOnly.get("topHoldings").get("sectorWeightings")).isEmpty();
            }
        }

        @Test
        void onlyTheRequestedModulesAreAnswered() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                URI uri = yahoo.baseUrl().resolve("/v10/finance/quoteSummary/FIXA?modules=summaryDetail%2CfinancialData&crumb="
                        + yahoo.crumb());
                JsonNode result = quoteSummaryResult(get(sessionClient(yahoo), uri));
                assertThat(result.propertyNames()).containsExactly("summaryDetail");
            }
        }

        @Test
        void aSymbolWithoutFundamentalsIsYahoos404() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpResponse<String> answer = get(sessionClient(yahoo), quoteSummaryUrl(yahoo, "ADH", yahoo.crumb(), ""));

                assertThat(answer.statusCode()).isEqualTo(404);
                assertThat(answer.body()).isEqualTo("{\"quoteSummary\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                        + "\"description\":\"No fundamentals data found for any of the summaryTypes=" + MODULES + "\"}}}");
            }
        }

        @Test
        void aMissingWrongOrRotatedCrumbIs401InvalidCrumb() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                String invalidCrumb = "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\",\"description\":\"Invalid Crumb\"}}}";
                URI noCrumb = yahoo.baseUrl().resolve("/v10/finance/quoteSummary/FIXA?modules=" + MODULES);
                assertThat(get(client, noCrumb).statusCode()).isEqualTo(401);
                HttpResponse<String> wrong = get(client, quoteSummaryUrl(yahoo, "FIXA", "wrongCrumb1", ""));
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(wrong.body()).isEqualTo(invalidCrumb);

                String old = yahoo.crumb();
                String fresh = yahoo.rotateCrumb();
                assertThat(get(client, quoteSummaryUrl(yahoo, "FIXA", old, "")).body()).isEqualTo(invalidCrumb);
                assertThat(get(client, yahoo.baseUrl().resolve("/v1/test/getcrumb")).body()).isEqualTo(fresh);
                assertThat(get(client, quoteSummaryUrl(yahoo, "FIXA", fresh, "")).statusCode()).isEqualTo(200);
            }
        }

        @Test
        void forgottenSessionsAre401InvalidCookieUntilANewHandshake() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = sessionClient(yahoo);
                yahoo.forgetSessions();
                HttpResponse<String> expired = get(client, quoteSummaryUrl(yahoo, "FIXA", yahoo.crumb(), ""));
                assertThat(expired.statusCode()).isEqualTo(401);
                assertThat(expired.body()).contains("Invalid Cookie");

                get(client, yahoo.baseUrl().resolve("/"));
                assertThat(get(client, quoteSummaryUrl(yahoo, "FIXA", yahoo.crumb(), "")).statusCode()).isEqualTo(200);
            }
        }
    }

    @Nested
    class Failures {

        @Test
        void aboutTheConfiguredShareOfDataRequestsIs429AndARetryAlwaysGetsThrough() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).tooManyRequestsRate(0.3)
                    .retryAfterSeconds(7).seed(11).start()) {
                HttpClient client = sessionClient(yahoo);
                List<URI> urls = distinctChartUrls(yahoo, 200);
                List<URI> refused = new ArrayList<>();
                for (URI url : urls) {
                    HttpResponse<String> answer = get(client, url);
                    if (answer.statusCode() == 429) {
                        refused.add(url);
                        assertThat(answer.headers().firstValue("retry-after")).hasValue("7");
                        assertThat(answer.body()).startsWith("Too Many Requests");
                    } else {
                        assertThat(answer.statusCode()).isEqualTo(200);
                    }
                }
                assertThat(refused.size()).isBetween(40, 80);
                for (URI url : refused) {
                    assertThat(get(client, url).statusCode()).as("retry of %s", url).isEqualTo(200);
                }
                assertThat(yahoo.count(YahooEndpoint.CHART, 429)).isEqualTo(refused.size());
                assertThat(yahoo.count(YahooEndpoint.COOKIE_PAGE, 200) + yahoo.count(YahooEndpoint.CRUMB, 200))
                        .as("the handshake is never 429").isEqualTo(2);
            }
        }

        @Test
        void aThrottledCrumbIs429TooManyRequestsNTimesThenTheCrumb() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).crumbTooManyRequests(2)
                    .retryAfterSeconds(3).start()) {
                HttpClient client = client(new CookieManager(), HttpClient.Redirect.NEVER);
                URI crumbUrl = yahoo.baseUrl().resolve("/v1/test/getcrumb");
                HttpResponse<String> withoutSession = get(client, crumbUrl);
                assertThat(withoutSession.statusCode()).as("refused before the session is looked at").isEqualTo(429);
                get(client, yahoo.baseUrl().resolve("/"));

                HttpResponse<String> refused = get(client, crumbUrl);
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.body()).as("what a careless client would send as its crumb")
                        .isEqualTo("Too Many Requests\r\n");
                assertThat(refused.headers().firstValue("content-type")).hasValue("text/plain;charset=utf-8");
                assertThat(refused.headers().firstValue("retry-after")).hasValue("3");
                assertThat(get(client, crumbUrl).body()).isEqualTo(yahoo.crumb());

                yahoo.refuseNextCrumbs(1);
                assertThat(get(client, crumbUrl).statusCode()).isEqualTo(429);
                assertThat(get(client, crumbUrl).body()).isEqualTo(yahoo.crumb());
                assertThat(yahoo.count(YahooEndpoint.CRUMB, 429)).isEqualTo(3);
                assertThat(yahoo.count(YahooEndpoint.CRUMB, 200)).isEqualTo(2);
                assertThat(get(client, chartUrl(yahoo, "FIXA", "2024-01-01", "2024-04-01")).statusCode())
                        .as("data requests are not throttled with the crumb").isEqualTo(200);
            }
        }

        @Test
        void browserOnlyRefusesEveryRequestWithoutABrowsersUserAgent() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).requireBrowserUserAgent(true).start()) {
                HttpClient client = client(new CookieManager(), HttpClient.Redirect.NEVER);
                String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
                URI chart = chartUrl(yahoo, "FIXA", "2024-01-01", "2024-04-01");

                // Java's own User-Agent ("Java-http-client/...") is a script's
                assertThat(get(client, chart).statusCode()).isEqualTo(429);
                assertThat(get(client, yahoo.baseUrl().resolve("/")).statusCode()).isEqualTo(429);
                assertThat(getAs(client, chart, "curl/8.5.0").statusCode()).isEqualTo(429);
                assertThat(getAs(client, chart, "Mozilla/4.0 (compatible; MSIE 6.0)").statusCode()).isEqualTo(429);

                assertThat(getAs(client, chart, firefox).statusCode()).isEqualTo(200);
                assertThat(getAs(client, yahoo.baseUrl().resolve("/"), firefox).statusCode()).isEqualTo(200);
                assertThat(getAs(client, yahoo.baseUrl().resolve("/v1/test/getcrumb"), firefox).body()).isEqualTo(yahoo.crumb());
                assertThat(yahoo.requestsByEndpoint(true)).containsEntry(YahooEndpoint.CHART, 1L)
                        .containsEntry(YahooEndpoint.COOKIE_PAGE, 1L).containsEntry(YahooEndpoint.CRUMB, 1L);
                assertThat(yahoo.requestsByEndpoint()).containsEntry(YahooEndpoint.CHART, 4L)
                        .containsEntry(YahooEndpoint.COOKIE_PAGE, 2L);
            }
        }

        @Test
        void withoutBrowserOnlyAnyUserAgentIsServed() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(fixture)) {
                HttpClient client = client(new CookieManager(), HttpClient.Redirect.NEVER);
                assertThat(getAs(client, chartUrl(yahoo, "FIXA", "2024-01-01", "2024-04-01"), "curl/8.5.0").statusCode())
                        .isEqualTo(200);
            }
        }

        @Test
        void the429sAreTheSameForTheSameSeed() throws Exception {
            assertThat(refusedPaths(11)).isEqualTo(refusedPaths(11)).isNotEqualTo(refusedPaths(12));
        }

        @Test
        void evenAtRateOneAUrlIsNever429TwiceInARow() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).tooManyRequestsRate(1.0).start()) {
                HttpClient client = sessionClient(yahoo);
                URI url = quoteSummaryUrl(yahoo, "FIXA", yahoo.crumb(), "");
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    statuses.add(get(client, url).statusCode());
                }
                assertThat(statuses).containsExactly(429, 200, 429, 200, 429, 200);
            }
        }

        @Test
        void latencyDelaysEveryAnswerWithoutSerialisingConcurrentOnes() throws Exception {
            Duration latency = Duration.ofMillis(300);
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).latency(latency).start()) {
                HttpClient client = client(new CookieManager(), HttpClient.Redirect.NEVER);
                long start = System.nanoTime();
                assertThat(get(client, yahoo.baseUrl().resolve("/v1/test/getcrumb")).statusCode()).isEqualTo(401);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(latency);

                start = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 10)
                        .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(yahoo.baseUrl().resolve("/?n=" + i)).build(),
                                HttpResponse.BodyHandlers.ofString()))
                        .toList();
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
                Duration together = Duration.ofNanos(System.nanoTime() - start);
                assertThat(together).isGreaterThanOrEqualTo(latency).isLessThan(latency.multipliedBy(4));
            }
        }

        @Test
        void theLogCountsEachSymbolsDataRequests() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).tooManyRequestsRate(1.0).start()) {
                HttpClient client = sessionClient(yahoo);
                for (String symbol : List.of("FIXA", "FIXE")) {
                    retryingGet(client, chartUrl(yahoo, symbol, "2024-01-01", "2024-04-01"));
                    retryingGet(client, quoteSummaryUrl(yahoo, symbol, yahoo.crumb(), ""));
                }

                assertThat(yahoo.dataRequestsBySymbolAndEndpoint(true)).containsExactly(
                        Map.entry(DataRequest.chart("FIXA"), 1L), Map.entry(DataRequest.quoteSummary("FIXA"), 1L),
                        Map.entry(DataRequest.chart("FIXE"), 1L), Map.entry(DataRequest.quoteSummary("FIXE"), 1L));
                assertThat(yahoo.dataRequestsBySymbolAndEndpoint(false)).containsEntry(DataRequest.chart("FIXA"), 2L);
                assertThat(yahoo.count("/v8/finance/chart/")).isEqualTo(4);
                assertThat(yahoo.count("/")).isEqualTo(10);
                LoggedRequest first = yahoo.requests().get(0);
                assertThat(first.method()).isEqualTo("GET");
                assertThat(first.path()).isEqualTo("/");
                assertThat(first.endpoint()).isEqualTo(YahooEndpoint.COOKIE_PAGE);
                assertThat(yahoo.requests().get(2).query()).contains("period1=").contains("interval=1d");
                assertThat(yahoo.requests().get(2).status()).isEqualTo(429);

                yahoo.resetLog();
                assertThat(yahoo.requests()).isEmpty();
            }
        }

        @Test
        void runsAsAProcessThatPrintsItsUrlAndItsRequestCountOnSigterm() throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), YahooStandIn.class.getName(),
                    "--data", fixture.toString(), "--latency-ms", "1", "--rate-429", "0.5", "--consent")
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertThat(first).matches("YAHOO_STANDIN_URL=http://127\\.0\\.0\\.1:\\d+");
                URI base = URI.create(first.substring("YAHOO_STANDIN_URL=".length()));
                assertThat(get(client(new CookieManager(), HttpClient.Redirect.NEVER), base.resolve("/")).statusCode())
                        .as("--consent").isEqualTo(307);

                process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(out.lines().collect(Collectors.toList()))
                        .containsExactly("YAHOO_STANDIN_REQUESTS=1", "YAHOO_STANDIN_STATUS=307:1");
            } finally {
                process.destroyForcibly();
            }
        }

        @Test
        void asAProcessItThrottlesCrumbsLimitsQuotesAndServesBrowsersOnly() throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), YahooStandIn.class.getName(),
                    "--data", fixture.toString(), "--crumb-429", "1", "--quote-limit", "2", "--browser-only")
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertThat(first).matches("YAHOO_STANDIN_URL=http://127\\.0\\.0\\.1:\\d+");
                URI base = URI.create(first.substring("YAHOO_STANDIN_URL=".length()));
                HttpClient client = client(new CookieManager(), HttpClient.Redirect.NEVER);
                String browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";

                assertThat(get(client, base.resolve("/")).statusCode()).as("--browser-only").isEqualTo(429);
                assertThat(getAs(client, base.resolve("/"), browser).statusCode()).isEqualTo(200);
                assertThat(getAs(client, base.resolve("/v1/test/getcrumb"), browser).statusCode()).as("--crumb-429").isEqualTo(429);
                String crumb = getAs(client, base.resolve("/v1/test/getcrumb"), browser).body();
                assertThat(getAs(client, base.resolve("/v7/finance/quote?symbols=FIXA,FIXE,NOPX&crumb=" + crumb), browser)
                        .statusCode()).as("--quote-limit").isEqualTo(400);

                process.toHandle().destroy();
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(out.lines().collect(Collectors.toList()))
                        .containsExactly("YAHOO_STANDIN_REQUESTS=5", "YAHOO_STANDIN_STATUS=200:2,400:1,429:2");
            } finally {
                process.destroyForcibly();
            }
        }

        private List<String> refusedPaths(long seed) throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(fixture).tooManyRequestsRate(0.3).seed(seed).start()) {
                HttpClient client = sessionClient(yahoo);
                for (URI url : distinctChartUrls(yahoo, 50)) {
                    get(client, url);
                }
                return yahoo.requests().stream().filter(request -> request.status() == 429)
                        .map(request -> request.path() + "?" + request.query()).toList();
            }
        }
    }

    @Nested
    class RealMarketData {

        @BeforeAll
        static void needsTheSharedFolder() {
            assumeTrue(Files.isRegularFile(REAL_DATA.resolve("fundamentals.csv")),
                    "real market data not found at " + REAL_DATA.toAbsolutePath() + " (set -Dmarket.data)");
        }

        @Test
        void msftBarsEqualTheCsvRowsAtTheOpenInWinterAndSummer() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(REAL_DATA)) {
                JsonNode winter = chartResult(get(sessionClient(yahoo), chartUrl(yahoo, "MSFT", "2022-12-05", "2022-12-06")));
                String[] row = csvRow(REAL_DATA.resolve("ohlcv/MSFT.csv"), "2022-12-05");

                assertThat(winter.get("timestamp")).extracting(JsonNode::asLong).containsExactly(epoch("2022-12-05T14:30:00Z"));
                JsonNode quote = winter.get("indicators").get("quote").get(0);
                assertThat(quote.get("close").get(0).asDouble()).isEqualTo(Double.parseDouble(row[4])).isEqualTo(250.199997);
                assertThat(winter.get("indicators").get("adjclose").get(0).get("adjclose").get(0).asDouble())
                        .isEqualTo(Double.parseDouble(row[5])).isEqualTo(247.543228);
                assertThat(quote.get("volume").get(0).asLong()).isEqualTo(Long.parseLong(row[6]));
                assertThat(winter.get("meta").get("chartPreviousClose").asDouble())
                        .isEqualTo(Double.parseDouble(csvRow(REAL_DATA.resolve("ohlcv/MSFT.csv"), "2022-12-02")[4]));

                JsonNode summer = chartResult(get(sessionClient(yahoo), chartUrl(yahoo, "MSFT", "2022-06-01", "2022-06-02")));
                assertThat(summer.get("timestamp")).extracting(JsonNode::asLong).containsExactly(epoch("2022-06-01T13:30:00Z"));
            }
        }

        @Test
        void fxPairsAreChartsOfTheirPriceFilesEncodedOrNot() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(REAL_DATA)) {
                HttpClient noSession = client(new CookieManager(), HttpClient.Redirect.NEVER);
                for (String pair : List.of("EURUSD=X", "JPYUSD=X", "GBPEUR=X")) {
                    String[] row = csvRow(REAL_DATA.resolve("ohlcv/" + pair + ".csv"), "2022-12-05");
                    for (String asked : List.of(pair, pair.replace("=", "%3D"))) {
                        JsonNode chart = chartResult(get(noSession, chartUrl(yahoo, asked, "2022-12-05", "2022-12-06")));
                        assertThat(chart.get("meta").get("symbol").asString()).as(asked).isEqualTo(pair);
                        assertThat(chart.get("indicators").get("quote").get(0).get("close").get(0).asDouble()).as(asked)
                                .isEqualTo(Double.parseDouble(row[4]));
                    }
                }
                assertThat(yahoo.dataRequestsBySymbolAndEndpoint(true)).containsEntry(DataRequest.chart("JPYUSD=X"), 2L);
            }
        }

        @Test
        void fundamentalsInYahoosShapeWithYahooSectorNames() throws Exception {
            try (YahooStandIn yahoo = YahooStandIn.serving(REAL_DATA)) {
                HttpClient client = sessionClient(yahoo);
                JsonNode apple = quoteSummaryResult(get(client, quoteSummaryUrl(yahoo, "AAPL", yahoo.crumb(), "")));
                assertThat(apple.get("summaryDetail").get("trailingPE").asDouble()).isEqualTo(41.1875);
                assertThat(apple.get("summaryDetail").get("dividendYield").asDouble()).isEqualTo(0.004);
                assertThat(apple.get("assetProfile").get("sector").asString()).isEqualTo("Technology");
                assertThat(apple.get("price").get("longName").asString()).isEqualTo("Apple Inc.");

                JsonNode jpm = quoteSummaryResult(get(client, quoteSummaryUrl(yahoo, "JPM", yahoo.crumb(), "")));
                assertThat(jpm.get("assetProfile").get("sectorKey").asString()).isEqualTo("financial-services");

                JsonNode xlv = quoteSummaryResult(get(client, quoteSummaryUrl(yahoo, "XLV", yahoo.crumb(), "")));
                assertThat(xlv.get("price").get("quoteType").asString()).isEqualTo("ETF");
                assertThat(xlv.get("assetProfile").has("sector")).isFalse();
            }
        }

        @Test
        void throughTheYahooClientEveryFundHasTheCsvFoldersBreakdownInYahoosTerms() throws Exception {
            // Yahoo's sector keys back to GICS, its positions to asset classes (commodities are "Other")
            Map<String, String> gics = Map.ofEntries(Map.entry("technology", "Information Technology"),
                    Map.entry("healthcare", "Health Care"), Map.entry("financial_services", "Financials"),
                    Map.entry("consumer_cyclical", "Consumer Discretionary"),
                    Map.entry("communication_services", "Communication Services"), Map.entry("industrials", "Industrials"),
                    Map.entry("consumer_defensive", "Consumer Staples"), Map.entry("energy", "Energy"),
                    Map.entry("utilities", "Utilities"), Map.entry("realestate", "Real Estate"),
                    Map.entry("basic_materials", "Materials"));
            List<String> funds = Files.readAllLines(REAL_DATA.resolve("funds.csv")).stream().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.substring(0, line.indexOf(','))).distinct().toList();
            assertThat(funds).contains("SPY", "QQQ", "IWDA.AS", "GLD");
            try (YahooStandIn yahoo = YahooStandIn.serving(REAL_DATA);
                 YahooFinanceMarketData client = new YahooFinanceMarketData(YahooSettings.defaults().pointingAt(yahoo.baseUrl()));
                 CsvFolderMarketData csv = new CsvFolderMarketData(REAL_DATA)) {
                for (String symbol : funds) {
                    FundBreakdown fromCsv = csv.fundamentals(symbol).join().fund();
                    Fundamentals viaYahoo = client.profile(symbol).join();
                    assertThat(viaYahoo.isEtf()).as(symbol).isTrue();
                    assertThat(viaYahoo.country()).as(symbol).isNull();
                    Map<String, Double> sectors = new LinkedHashMap<>();
                    viaYahoo.fund().sectors().forEach((key, weight) -> sectors.put(gics.get(key), weight));
                    assertThat(sectors).as(symbol).isEqualTo(fromCsv.sectors());
                    Map<String, Double> assetClasses = new LinkedHashMap<>();
                    fromCsv.assetClasses().forEach((assetClass, weight) ->
                            assetClasses.merge(assetClass.equals("Commodities") ? "Other" : assetClass, weight, Double::sum));
                    assertThat(viaYahoo.fund().assetClasses()).as(symbol).isEqualTo(assetClasses);
                    assertThat(viaYahoo.fund().category()).as(symbol).isEqualTo(fromCsv.category());
                    assertThat(viaYahoo.fund().regions()).as(symbol).isEmpty();
                }
                assertThat(client.profile("ROG.SW").join().country()).isEqualTo("Switzerland");
                assertThat(client.profile("QQQ").join().fund().sectors()).containsEntry("technology", 0.489182);
            }
        }

        @Test
        void aRetryingClientGetsEverySymbolsChartAndFundamentalsAnswered200ExactlyOnce() throws Exception {
            // every symbol with both prices and fundamentals (most S&P 500 rows have no prices)
            List<String> symbols = Files.readAllLines(REAL_DATA.resolve("fundamentals.csv")).stream().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.substring(0, line.indexOf(',')))
                    .filter(symbol -> Files.exists(REAL_DATA.resolve("ohlcv").resolve(symbol + ".csv"))).toList();
            assertThat(symbols).hasSizeGreaterThan(100).contains("MSFT", "EWJ", "MC.PA", "7203.T");
            try (YahooStandIn yahoo = YahooStandIn.builder().dataDir(REAL_DATA).tooManyRequestsRate(0.2).start()) {
                HttpClient client = sessionClient(yahoo);
                for (String symbol : symbols) {
                    assertThat(retryingGet(client, chartUrl(yahoo, symbol, "2018-06-19", "2022-12-06")).statusCode())
                            .as(symbol).isEqualTo(200);
                    assertThat(retryingGet(client, quoteSummaryUrl(yahoo, symbol, yahoo.crumb(), "")).statusCode())
                            .as(symbol).isEqualTo(200);
                }

                Map<DataRequest, Long> answered = yahoo.dataRequestsBySymbolAndEndpoint(true);
                assertThat(answered).hasSize(2 * symbols.size()).allSatisfy((request, count) -> assertThat(count).isEqualTo(1));
                // a fifth of the data requests refused, retried until answered: about a quarter as many 429s
                long requests = 2L * symbols.size();
                assertThat(yahoo.count(YahooEndpoint.CHART, 429) + yahoo.count(YahooEndpoint.QUOTE_SUMMARY, 429))
                        .isBetween(requests / 8, requests * 2 / 5);
                assertThat(yahoo.count(YahooEndpoint.CHART, 200)).isEqualTo(symbols.size());
            }
        }
    }

    // ---- client side helpers ----




    private static HttpResponse<String> getAs(HttpClient client, URI uri, String userAgent)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("User-Agent", userAgent).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET, once more after a 429 (the stand-in never answers 429 twice in a row for one URL). */
    private static HttpResponse<String> retryingGet(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(client, uri);
        return answer.statusCode() == 429 ? get(client, uri) : answer;
    }

    private static URI chartUrl(YahooStandIn yahoo, String symbol, String fromUtcDay, String toUtcDay) {
        return yahoo.baseUrl().resolve("/v8/finance/chart/" + symbol + "?period1=" + utcMidnight(fromUtcDay)
                + "&period2=" + utcMidnight(toUtcDay) + "&interval=1d&events=div,split");
    }

    private static URI quoteSummaryUrl(YahooStandIn yahoo, String symbol, String crumb, String extra) {
        return quoteSummaryUrl(yahoo, symbol, crumb, MODULES, extra);
    }

    private static URI quoteSummaryUrl(YahooStandIn yahoo, String symbol, String crumb, String modules, String extra) {
        return yahoo.baseUrl().resolve("/v10/finance/quoteSummary/" + symbol + "?modules="
                + URLEncoder.encode(modules, StandardCharsets.UTF_8) + "&crumb=" + crumb + extra);
    }

    /** Chart URLs that differ by their period1, so each is a new URL for the 429 policy. */
    private static List<URI> distinctChartUrls(YahooStandIn yahoo, int count) {
        return IntStream.range(0, count).mapToObj(i -> yahoo.baseUrl().resolve("/v8/finance/chart/FIXA?period1="
                + (utcMidnight("2023-01-01") + i) + "&period2=" + utcMidnight("2024-04-01") + "&interval=1d")).toList();
    }

    private static JsonNode chartResult(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("chart").get("result").get(0);
    }

    private static JsonNode quoteSummaryResult(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("quoteSummary").get("result").get(0);
    }

    private static Map<String, String> hiddenInputs(String html) {
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        Map<String, String> fields = new LinkedHashMap<>();
        while (input.find()) {
            fields.put(input.group(1), input.group(2).replace("&#x3D;", "=").replace("&amp;", "&"));
        }
        return fields;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String[] csvRow(Path file, String date) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(date + ",")).findFirst()
                .orElseThrow().split(",");
    }

    private static long utcMidnight(String day) {
        return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static long epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }
}
