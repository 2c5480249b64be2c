package com.marketopportunities.marketdata.yahoo.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yahoo's session handshake: the cookie page, the EU consent flow and the crumb.
 *
 * <p>A session is an {@code A3} cookie this stand-in issued. Without consent redirect, the cookie
 * page sets {@code A1}/{@code A3} at once. With it, as the 2025 recordings of an EU visitor show:
 * the cookie page answers 307 to {@code /consent?sessionId=S} with a {@code GUCS} cookie; that
 * page is the consent form; posting it with {@code agree=agree}, the form's {@code csrfToken} and
 * {@code sessionId} answers 302 to {@code /copyConsent?sessionId=S}, which sets {@code A1}/{@code A3}
 * and answers 302 back to the page first asked for (with {@code ?guccounter=1}), which then answers
 * 200.
 *
 * <p>The crumb can be throttled: the next n crumb requests are then refused 429 (see
 * {@link #takeCrumbRefusal()}), as Yahoo refuses a client that asks for crumbs too often. Thread-safe.
 */
final class Handshake {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TOKEN_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String COOKIE_PAGE = """
            <!DOCTYPE html>
            <html lang="en-us"><head><meta charset="utf-8"><title>Yahoo Finance (stand-in)</title></head>
            <body><p>Yahoo Finance stand-in: this page only sets the session cookies.</p></body></html>
            """;

    /** One visitor's way through the consent form. */
    private static final class ConsentSession {
        final String id;
        final String csrfToken;
        final String gucs;
        final String doneUrl;
        volatile boolean agreed;

        ConsentSession(String id, String csrfToken, String gucs, String doneUrl) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.gucs = gucs;
            this.doneUrl = doneUrl;
        }
    }

    private final URI base;
    private final boolean consentRedirect;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> issuedA3 = ConcurrentHashMap.newKeySet();
    private final Map<String, ConsentSession> sessionsById = new ConcurrentHashMap<>();
    private final Map<String, ConsentSession> sessionsByGucs = new ConcurrentHashMap<>();
    private final String consentFormTemplate;
    private final AtomicInteger crumbRefusals = new AtomicInteger();
    private volatile String crumb;

    Handshake(URI base, boolean consentRedirect, String crumb, int crumbRefusals) {
        this.base = base;
        this.consentRedirect = consentRedirect;
        this.crumbRefusals.set(crumbRefusals);
        this.crumb = crumb == null ? token(11) : crumb;
        this.consentFormTemplate = resource("/yahoo-standin/collect-consent.html");
    }

    String crumb() {
        return crumb;
    }

    /** A new crumb replaces the current one, as Yahoo's crumbs expire: the old one is then refused. */
    String rotateCrumb() {
        String fresh;
        do {
            fresh = token(11);
        } while (fresh.equals(crumb));
        crumb = fresh;
        return fresh;
    }

    /** The next {@code n} crumb requests are to be refused (replacing any refusals still pending). */
    void refuseNextCrumbs(int n) {
        crumbRefusals.set(n);
    }

    /**
     * Whether this crumb request is one of those to refuse; counts it off if so. Asked before the
     * session is looked at: a throttled client is refused whatever cookies it holds.
     */
    boolean takeCrumbRefusal() {
        return crumbRefusals.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }

    /** Forgets every issued cookie and consent, as if every session had expired. */
    void forgetSessions() {
        issuedA3.clear();
        sessionsById.clear();
        sessionsByGucs.clear();
    }

    /** Whether the request carries an {@code A3} cookie this stand-in issued. */
    boolean hasSession(Incoming request) {
        String a3 = request.cookies().get("A3");
        return a3 != null && issuedA3.contains(a3);
    }

    /** Whether the request's {@code crumb} parameter is the current crumb. */
    boolean hasCrumb(Incoming request) {
        return request.param("crumb").filter(crumb::equals).isPresent();
    }

    /** {@code GET /} or {@code GET /quote/{SYMBOL}}. */
    Reply cookiePage(Incoming request) {
        if (hasSession(request)) {
            return Reply.html(200, COOKIE_PAGE);
        }
        if (!consentRedirect) {
            return withSessionCookies(Reply.html(200, COOKIE_PAGE));
        }
        Optional<ConsentSession> known = Optional.ofNullable(request.cookies().get("GUCS")).map(sessionsByGucs::get);
        if (known.isPresent() && known.get().agreed) {
            return withSessionCookies(Reply.html(200, COOKIE_PAGE));
        }
        ConsentSession session = known.orElseGet(() -> newConsentSession(request.path()));
        return Reply.redirect(307, base + "/consent?sessionId=" + session.id)
                .withHeader("Set-Cookie", "GUCS=" + session.gucs + "; Max-Age=1800; Path=/");
    }

    /** {@code GET /consent?sessionId=S}: the consent form, in the shape of Yahoo's collectConsent page. */
    Reply consentForm(Incoming request) {
        Optional<ConsentSession> session = request.param("sessionId").map(sessionsById::get);
        if (session.isEmpty()) {
            return Reply.html(400, "<html><body><p>Unknown consent session</p></body></html>");
        }
        String page = consentFormTemplate
                .replace("{{csrfToken}}", escape(session.get().csrfToken))
                .replace("{{sessionId}}", escape(session.get().id))
                .replace("{{originalDoneUrl}}", escape(session.get().doneUrl));
        return Reply.html(200, page);
    }

    /** {@code POST /consent?sessionId=S} with the form's fields and {@code agree=agree}. */
    Reply consentSubmit(Incoming request) {
        Optional<ConsentSession> session = request.param("sessionId").or(() -> request.field("sessionId"))
                .map(sessionsById::get);
        if (session.isEmpty()
                || !request.field("sessionId").filter(session.get().id::equals).isPresent()
                || !request.field("csrfToken").filter(session.get().csrfToken::equals).isPresent()
                || !request.form().getOrDefault("agree", List.of()).contains("agree")) {
            return Reply.html(400, "<html><body><p>Consent not recorded: the form needs its csrfToken, "
                    + "sessionId and agree=agree</p></body></html>");
        }
        session.get().agreed = true;
        return Reply.redirect(302, base + "/copyConsent?sessionId=" + session.get().id + "&lang=en-GB");
    }

    /** {@code GET /copyConsent?sessionId=S}: sets the session cookies once the form was agreed. */
    Reply copyConsent(Incoming request) {
        Optional<ConsentSession> session = request.param("sessionId").map(sessionsById::get);
        if (session.isEmpty()) {
            return Reply.html(400, "<html><body><p>Unknown consent session</p></body></html>");
        }
        if (!session.get().agreed) {
            return Reply.redirect(302, base + "/consent?sessionId=" + session.get().id);
        }
        return withSessionCookies(Reply.redirect(302, session.get().doneUrl));
    }

    /** {@code GET /v1/test/getcrumb}: the crumb as plain text for a session, else 401 "Invalid Cookie". */
    Reply crumbAnswer(Incoming request) {
        return hasSession(request) ? Reply.text(200, crumb) : invalidCookie();
    }

    /** Yahoo's answer to an API request without a valid session cookie. */
    static Reply invalidCookie() {
        return financeError(401, "Unauthorized", "Invalid Cookie");
    }

    /** Yahoo's answer to a quoteSummary request whose crumb is missing or stale. */
    static Reply invalidCrumb() {
        return financeError(401, "Unauthorized", "Invalid Crumb");
    }

    static Reply financeError(int status, String code, String description) {
        ObjectNode body = NODES.objectNode();
        ObjectNode finance = body.putObject("finance");
        finance.putNull("result");
        ObjectNode error = finance.putObject("error");
        error.put("code", code);
        error.put("description", description);
        return Reply.json(status, body);
    }

    private ConsentSession newConsentSession(String path) {
        String doneUrl = base + (path.isEmpty() ? "/" : path) + "?guccounter=1";
        ConsentSession session = new ConsentSession("3_cc-session_" + UUID.randomUUID(), token(7), token(8), doneUrl);
        sessionsById.put(session.id, session);
        sessionsByGucs.put(session.gucs, session);
        return session;
    }

    /**
     * Sets A1 and A3 (same value, attributes as Yahoo's, Expires included) as host-only cookies,
     * the stand-in being 127.0.0.1 without TLS: no Domain, no Secure.
     */
    private Reply withSessionCookies(Reply reply) {
        String value = "d=" + token(43) + "&S=" + token(27);
        issuedA3.add(value);
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusYears(1));
        String lifetime = "; Expires=" + expires + "; Max-Age=31536000; Path=/";
        return reply
                .withHeader("Set-Cookie", "A1=" + value + lifetime + "; SameSite=Lax; HttpOnly")
                .withHeader("Set-Cookie", "A3=" + value + lifetime + "; SameSite=None; HttpOnly");
    }

    private String token(int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(TOKEN_CHARACTERS.charAt(random.nextInt(TOKEN_CHARACTERS.length())));
        }
        return token.toString();
    }

    /** HTML attribute escaping as Yahoo's page does it ('=' too: {@code guccounter&#x3D;1}). */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#x27;").replace("=", "&#x3D;");
    }

    private static String resource(String name) {
        try (InputStream in = Handshake.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
