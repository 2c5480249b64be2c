package com.marketopportunities.marketdata.yahoo;

import com.marketopportunities.marketdata.MarketDataUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Yahoo's session: a cookie from a first page (through the EU consent form where Yahoo asks for
 * it), then a crumb from {@code /v1/test/getcrumb} that quote and quoteSummary want beside the
 * cookie. Charts need neither, so the handshake happens only when a call that needs the crumb
 * comes.
 *
 * <p>A crumb is a short token. An answer that is not one (HTTP 429, or a body such as
 * {@code Too Many Requests}, which one client once took for a crumb) is Yahoo throttling: a
 * retryable {@link YahooStatusException}, so that the call backs off and asks again, and the body is
 * never used as a crumb. The cookie, once had, is not asked for again on such a retry.
 *
 * <p>Thread-safe: the first caller performs the handshake while the others wait for it. The
 * cookie lives in the {@link HttpClient}'s cookie handler, so every later request carries it.
 */
final class YahooSession {

    private static final Pattern CONSENT_FORM = Pattern.compile("<form[^>]*class=\"consent-form\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    /** What a crumb looks like: a short token of letters, digits and a few marks (Yahoo's are 11 characters). */
    private static final Pattern CRUMB = Pattern.compile("[A-Za-z0-9./_\\-]{4,64}");

    private final HttpClient http;
    private final YahooSettings settings;
    /** Written under the lock, read without it ({@link #current}), so that a chart never waits on a handshake. */
    private volatile String crumb;
    private boolean cookieTaken;

    YahooSession(HttpClient http, YahooSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** The session's crumb, shaking hands first when there is none. */
    synchronized String crumb() throws IOException, InterruptedException {
        if (crumb == null) {
            crumb = handshake();
        }
        return crumb;
    }

    /** The session's crumb, {@code null} before the first handshake; never waits for one in progress. */
    String current() {
        return crumb;
    }

    /**
     * A new session (cookie page, then crumb) after Yahoo refused the one of {@code stale} ({@code null}:
     * no session yet) with a 401; a caller whose stale crumb another thread already replaced gets the
     * replacement without a new handshake.
     */
    synchronized String refresh(String stale) throws IOException, InterruptedException {
        if (crumb == null || crumb.equals(stale)) {
            cookieTaken = false;
            crumb = handshake();
        }
        return crumb;
    }

    private String handshake() throws IOException, InterruptedException {
        if (!cookieTaken) {
            HttpResponse<String> page = http.send(get(settings.cookieUrl()), HttpResponse.BodyHandlers.ofString());
            if (CONSENT_FORM.matcher(page.body() == null ? "" : page.body()).find()) {
                acceptConsent(page);
            }
            cookieTaken = true;
        }
        HttpResponse<String> answer = http.send(get(settings.crumbUrl()), HttpResponse.BodyHandlers.ofString());
        String text = answer.body() == null ? "" : answer.body().trim();
        if (YahooStatusException.isRetryable(answer.statusCode())) {
            throw new YahooStatusException("the session's crumb (" + settings.crumbUrl() + ")", answer.statusCode(),
                    YahooStatusException.retryAfter(answer));
        }
        if (answer.statusCode() == 200 && !CRUMB.matcher(text).matches()) {
            // "Too Many Requests" with a 200, an HTML page: throttling in disguise, never a crumb
            throw new YahooStatusException("the session's crumb (" + settings.crumbUrl() + " answered '"
                    + abbreviate(text) + "', not a crumb)", 429, null);
        }
        if (answer.statusCode() != 200) {
            throw new MarketDataUnavailableException("Yahoo Finance gave no crumb (" + settings.crumbUrl() + " answered HTTP "
                    + answer.statusCode() + "): its session handshake has changed or is refused");
        }
        return text;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }

    /** Submits the consent form's hidden fields with "agree", as a person clicking "Accept all" does. */
    private void acceptConsent(HttpResponse<String> page) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(page.body());
        while (input.find()) {
            fields.put(input.group(1), input.group(2).replace("&#x3D;", "=").replace("&amp;", "&"));
        }
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")) + "&agree=agree&agree=agree";
        URI target = page.uri();
        HttpResponse<Void> submitted = http.send(settings.request(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (submitted.statusCode() >= 400) {
            throw new MarketDataUnavailableException("Yahoo Finance refused the consent form (HTTP "
                    + submitted.statusCode() + " from " + target + ")");
        }
    }

    private HttpRequest get(URI uri) {
        return settings.request(uri).GET().build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
