package com.marketopportunities.marketdata.yahoo;

import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.text.ShortList;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Yahoo Finance as it behaves since 2025 (DATA.md): daily history from v8 chart with no cookie or
 * crumb; fundamentals of many symbols at once from v7 quote ({@link QuoteBatches}); a profile
 * (sector, country, a fund's holdings) from v10 quoteSummary only where it is asked for. Quote and
 * quoteSummary want the session's cookie and crumb ({@link YahooSession}, renewed once on a 401
 * such as "Invalid Crumb"); every request carries the configured browser headers; all within the
 * bounds of {@link PoliteCalls}.
 *
 * <p>A 404 is Yahoo's word that it has no data for the symbol: a {@link NoDataException} with
 * Yahoo's own description; so is a symbol that a quote answer leaves out. Unreachable, refusing or
 * failing after retries: a {@link MarketDataUnavailableException}. Close it to stop its request
 * threads.
 */
public final class YahooFinanceMarketData implements MarketData, AutoCloseable {

    private static final String PROFILE_MODULES = "price,summaryDetail,defaultKeyStatistics,assetProfile,topHoldings,fundProfile";

    private final YahooSettings settings;
    private final HttpClient http;
    private final YahooSession session;
    private final PoliteCalls calls;
    private final QuoteBatches quotes;
    private final FetchObserver observer;

    public YahooFinanceMarketData(YahooSettings settings) {
        this(settings, httpClient(settings));
    }

    private YahooFinanceMarketData(YahooSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.session = new YahooSession(http, settings);
        this.calls = new PoliteCalls(settings);
        this.quotes = new QuoteBatches(settings.quoteBatchSize(), settings.quoteLinger(), this::quoteCall);
        this.observer = FetchObserver.NONE;
    }

    private YahooFinanceMarketData(YahooFinanceMarketData shared, FetchObserver observer) {
        this.settings = shared.settings;
        this.http = shared.http;
        this.session = shared.session;
        this.calls = shared.calls;
        this.quotes = shared.quotes;
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
        URI uri = URI.create(settings.apiUrl() + "/v8/finance/chart/" + encode(symbol) + "?period1="
                + from.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + "&period2="
                + to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() + "&interval=1d&events=div%2Csplit");
        String what = "price history of " + symbol;
        observer.upstreamCall();
        return calls.submit(what, () -> YahooResponses.chart(symbol, fetchWithoutCrumb(uri, what, symbol)).upTo(to));
    }

    /** Name, type, currency and valuation, from a v7 quote call shared with the symbols asked for meanwhile. */
    @Override
    public CompletableFuture<Fundamentals> fundamentals(String symbol) {
        return quotes.quote(symbol.toUpperCase(Locale.ROOT), observer);
    }

    /** Everything {@link #fundamentals} has, and the sector, country and a fund's breakdown, from quoteSummary. */
    @Override
    public CompletableFuture<Fundamentals> profile(String symbol) {
        String what = "profile of " + symbol;
        observer.upstreamCall();
        return calls.submit(what, () -> YahooResponses.quoteSummary(symbol, fetchInSession(what, symbol,
                crumb -> URI.create(settings.apiUrl() + "/v10/finance/quoteSummary/" + encode(symbol) + "?modules="
                        + encode(PROFILE_MODULES) + "&crumb=" + encode(crumb)))));
    }

    /** The fundamentals about to be asked for go out in one call as soon as the last of them is asked for. */
    @Override
    public void prefetch(java.util.Collection<String> histories, java.util.Collection<String> fundamentals,
                         java.util.Collection<String> profiles, LocalDate from, LocalDate to) {
        quotes.expect(fundamentals.stream().map(symbol -> symbol.toUpperCase(Locale.ROOT)).toList());
    }

    /** One v7 quote call for {@code symbols} (at most the batch size): what Yahoo knows of each, by symbol. */
    private CompletableFuture<Map<String, Fundamentals>> quoteCall(List<String> symbols) {
        String what = "fundamentals of " + symbols.size() + (symbols.size() == 1 ? " symbol (" : " symbols (")
                + ShortList.of(symbols, 5) + ")";
        return calls.submit(what, () -> YahooResponses.quotes(fetchInSession(what, symbols.get(0),
                crumb -> URI.create(settings.apiUrl() + "/v7/finance/quote?symbols=" + encode(String.join(",", symbols))
                        + "&formatted=false&crumb=" + encode(crumb))), what));
    }

    /**
     * A request that needs no session (a chart). Should Yahoo want a cookie after all (a 401), the
     * session is made and the request tried once more with it.
     */
    private JsonNode fetchWithoutCrumb(URI uri, String what, String symbol) throws IOException, InterruptedException {
        String before = session.current();
        try {
            return fetch(uri, what, symbol);
        } catch (SessionExpiredException expired) {
            session.refresh(before);
            try {
                return fetch(uri, what, symbol);
            } catch (SessionExpiredException again) {
                throw new MarketDataUnavailableException(what + ": Yahoo Finance refused it even with a session (HTTP 401: "
                        + again.getMessage() + ")");
            }
        }
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
        return new YahooFinanceMarketData(this, newObserver);
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
        HttpResponse<String> response = http.send(settings.request(uri).GET().build(),
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
            throw new YahooStatusException(what, status, YahooStatusException.retryAfter(response));
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
