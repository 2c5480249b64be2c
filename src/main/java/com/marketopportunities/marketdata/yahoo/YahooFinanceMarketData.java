package com.marketopportunities.marketdata.yahoo;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Yahoo Finance: daily history from v8 chart, fundamentals, profile and a fund's holdings from
 * v10 quoteSummary (cookie and crumb, renewed once on a 401 such as "Invalid Crumb"), within the
 * bounds of {@link PoliteCalls}.
 *
 * <p>A 404 is Yahoo's word that it has no data for the symbol: a {@link NoDataException} with
 * Yahoo's own description. Unreachable, refusing or failing after retries: a
 * {@link MarketDataUnavailableException}. Close it to stop its request threads.
 */
public final class YahooFinanceMarketData implements MarketData, AutoCloseable {

    private static final String MODULES = "price,summaryDetail,defaultKeyStatistics,assetProfile,topHoldings,fundProfile";

    private final YahooSettings settings;
    private final HttpClient http;
    private final YahooSession session;
    private final PoliteCalls calls;
    private final FetchObserver observer;

    public YahooFinanceMarketData(YahooSettings settings) {
        this(settings, httpClient(settings));
    }

    private YahooFinanceMarketData(YahooSettings settings, HttpClient http) {
        this(settings, http, new YahooSession(http, settings), new PoliteCalls(settings), FetchObserver.NONE);
    }

    private YahooFinanceMarketData(YahooSettings settings, HttpClient http, YahooSession session, PoliteCalls calls,
                                   FetchObserver observer) {
        this.settings = settings;
        this.http = http;
        this.session = session;
        this.calls = calls;
        this.observer = observer;
    }

    private static HttpClient httpClient(YahooSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    @Override
    public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
        // period2 is exclusive: the day after the last one asked for
        String query = "?period1=" + from.atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                + "&period2=" + to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                + "&interval=1d&events=div%2Csplit";
        String what = "price history of " + symbol;
        observer.upstreamCall();
        return calls.submit(what, () -> YahooResponses.chart(symbol, fetchInSession(what, symbol,
                crumb -> URI.create(settings.apiUrl() + "/v8/finance/chart/" + encode(symbol) + query))).upTo(to));
    }

    @Override
    public CompletableFuture<Fundamentals> fundamentals(String symbol) {
        String what = "fundamentals of " + symbol;
        observer.upstreamCall();
        return calls.submit(what, () -> YahooResponses.quoteSummary(symbol, fetchInSession(what, symbol,
                crumb -> URI.create(settings.apiUrl() + "/v10/finance/quoteSummary/" + encode(symbol) + "?modules="
                        + encode(MODULES) + "&crumb=" + encode(crumb)))));
    }

    /**
     * A request within the session: on a 401 (crumb or cookie no longer valid) the session is
     * renewed once and the request made again.
     */
    private JsonNode fetchInSession(String what, String symbol, Function<String, URI> uriWithCrumb)
            throws IOException, InterruptedException {
        String crumb = session.crumb();
        try {
            return fetch(uriWithCrumb.apply(crumb), what, symbol);
        } catch (SessionExpiredException expired) {
            String fresh = session.refresh(crumb);
            try {
                return fetch(uriWithCrumb.apply(fresh), what, symbol);
            } catch (SessionExpiredException again) {
                throw new MarketDataUnavailableException(what + ": Yahoo Finance refused a fresh session too (HTTP 401: "
                        + again.getMessage() + ")");
            }
        }
    }

    @Override
    public MarketData observedBy(FetchObserver newObserver) {
        return new YahooFinanceMarketData(settings, http, session, calls, newObserver);
    }

    @Override
    public java.util.Optional<String> breakerState() {
        return java.util.Optional.of(calls.breakerState().name());
    }

    @Override
    public String describe() {
        return "Yahoo Finance (" + settings.apiUrl().getHost() + ")";
    }

    /**
     * One request: the parsed body of a 200; {@link NoDataException} for a 404; a retryable
     * {@link YahooStatusException} for 429 and 5xx.
     */
    private JsonNode fetch(URI uri, String what, String symbol) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("User-Agent", YahooSettings.USER_AGENT).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200) {
            return parse(response, what);
        }
        if (status == 404) {
            JsonNode body = parseQuietly(response.body());
            JsonNode error = body.path("chart").path("error").isMissingNode() ? body.path("quoteSummary").path("error")
                    : body.path("chart").path("error");
            throw new NoDataException(symbol, "no data for " + symbol + ": " + YahooResponses.errorText(error));
        }
        if (status == 401) {
            throw new SessionExpiredException(YahooResponses.errorText(parseQuietly(response.body()).path("finance").path("error")));
        }
        if (YahooStatusException.isRetryable(status)) {
            throw new YahooStatusException(what, status, retryAfter(response));
        }
        throw new MarketDataUnavailableException(what + ": Yahoo Finance answered HTTP " + status);
    }

    private static JsonNode parse(HttpResponse<String> response, String what) {
        try {
            return JsonFormat.mapper().readTree(response.body());
        } catch (JacksonException e) {
            throw new MarketDataUnavailableException(what + ": Yahoo Finance sent a body that is not JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return JsonFormat.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return JsonFormat.mapper().createObjectNode();
        }
    }

    /** Retry-After in seconds (Yahoo's form); an HTTP date or garbage is ignored. */
    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        try {
            return header.map(value -> Duration.ofSeconds(Long.parseLong(value.trim()))).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        calls.close();
    }

    /** Yahoo's 401 ("Invalid Crumb", "Invalid Cookie"): the session needs renewing. */
    private static final class SessionExpiredException extends RuntimeException {
        SessionExpiredException(String reason) {
            super(reason, null, false, false);
        }
    }
}
