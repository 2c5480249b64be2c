package com.marketopportunities.marketdata.yahoo.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A local stand-in for the Yahoo Finance HTTP API, serving a CSV market-data folder in Yahoo's
 * formats on {@code 127.0.0.1}, for integration tests and benchmarks of the Yahoo client.
 *
 * <p>Paths are Yahoo's; point every base URL of the client at {@link #baseUrl()}:
 * <ul>
 *   <li>{@code GET /} and {@code GET /quote/{SYMBOL}}: the cookie page (sets {@code A1}/{@code A3};
 *       with {@link Builder#consentRedirect(boolean)} through the EU consent form, see {@link Handshake}).</li>
 *   <li>{@code GET /v1/test/getcrumb}: the crumb as text with a session cookie, else 401
 *       {@code {"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Cookie"}}}};
 *       429 {@code Too Many Requests} while crumbs are throttled ({@link Builder#crumbTooManyRequests(int)},
 *       {@link #refuseNextCrumbs(int)}).</li>
 *   <li>{@code GET /v8/finance/chart/{symbol}}: daily bars (see {@link ChartResponses} for the range rule),
 *       with or without cookie and crumb, as Yahoo serves charts (what Portfolio Performance lives on);
 *       404 Yahoo's "No data found, symbol may be delisted" for a symbol without price file.</li>
 *   <li>{@code GET /v10/finance/quoteSummary/{symbol}?modules=...&crumb=...}: fundamentals (see
 *       {@link QuoteSummaryResponses}); 401 "Invalid Cookie" without session cookie, then 401
 *       {@code {"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}}
 *       with a missing or stale crumb; 404 for a symbol without fundamentals row.</li>
 *   <li>{@code GET /v7/finance/quote?symbols=A,B,C&crumb=...}: quotes of many symbols at once with
 *       P/E and dividend yield (see {@link QuoteResponses}; its {@code dividendYield} is in percent);
 *       cookie and crumb as quoteSummary; unknown symbols left out of the 200 answer; more than
 *       {@link Builder#quoteSymbolLimit(int)} symbols (100, Yahoo's limit) 400.</li>
 * </ul>
 *
 * <p>Failure on demand: a share of chart, quoteSummary and quote requests answered 429 with
 * {@code Retry-After} (reproducible for a seed, never twice in a row for one URL), a latency added
 * to every answer, {@link #rotateCrumb()} and {@link #forgetSessions()} to expire crumb and cookies,
 * crumbs throttled n times, and every request refused 429 unless its {@code User-Agent} is a
 * browser's ({@link Builder#requireBrowserUserAgent(boolean)}), as Yahoo refuses scripts. Every 429
 * is the same answer: text {@code Too Many Requests\r\n} (the body a careless client took for its
 * crumb: yfinance issue 2441) with {@code Retry-After}.
 * Every answer is logged ({@link #requests()}) before it is written, so a client that has its answer
 * finds its request in the log.
 *
 * <p>Thread-safe. Requests are served by a pool of threads (64 by default), so latency does not
 * serialise concurrent clients. {@link #close()} stops at once.
 */
public final class YahooStandIn implements AutoCloseable {

    static {
        // The JDK server writes headers and body in two segments; with Nagle on, each answer then
        // waits ~40 ms for the client's delayed ACK. Read once, when the JDK server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How every browser's User-Agent starts, and what Yahoo lets through. */
    static final String BROWSER_USER_AGENT = "Mozilla/5.0";

    private final HttpServer server;
    private final ExecutorService workers;
    private final URI baseUrl;
    private final Duration latency;
    private final long retryAfterSeconds;
    private final boolean requireBrowserUserAgent;
    private final Handshake handshake;
    private final TooManyRequestsPolicy tooManyRequests;
    private final ChartResponses charts;
    private final QuoteSummaryResponses quoteSummaries;
    private final QuoteResponses quotes;
    private final List<LoggedRequest> log = new ArrayList<>();

    private YahooStandIn(Builder settings) throws IOException {
        DataFolder data = new DataFolder(settings.dataDir);
        this.latency = settings.latency;
        this.retryAfterSeconds = settings.retryAfterSeconds;
        this.requireBrowserUserAgent = settings.requireBrowserUserAgent;
        this.tooManyRequests = new TooManyRequestsPolicy(settings.tooManyRequestsRate, settings.seed);
        this.charts = new ChartResponses(data);
        this.quoteSummaries = new QuoteSummaryResponses(data);
        this.quotes = new QuoteResponses(data, settings.quoteSymbolLimit);
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.threads, settings.threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "yahoo-standin-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port), 512);
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.handshake = new Handshake(baseUrl, settings.consentRedirect, settings.crumb, settings.crumbTooManyRequests);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A stand-in with the defaults (no latency, no 429, no consent form, free port) serving {@code dataDir}. */
    public static YahooStandIn serving(Path dataDir) {
        return builder().dataDir(dataDir).start();
    }

    /** {@code http://127.0.0.1:PORT}, without trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    /** The crumb {@code /v1/test/getcrumb} hands out now. */
    public String crumb() {
        return handshake.crumb();
    }

    /**
     * Replaces the crumb, as Yahoo expires crumbs: requests with the old one get 401 "Invalid Crumb"
     * until the client fetches the new one from {@code /v1/test/getcrumb}. Returns the new crumb.
     */
    public String rotateCrumb() {
        return handshake.rotateCrumb();
    }

    /**
     * Throttles the crumb: the next {@code n} {@code GET /v1/test/getcrumb} are answered 429
     * {@code Too Many Requests} (with or without session), the ones after get the crumb again.
     * Replaces any refusals still pending; 0 ends the throttling.
     */
    public void refuseNextCrumbs(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        handshake.refuseNextCrumbs(n);
    }

    /** Forgets every issued cookie and consent: requests then get 401 "Invalid Cookie" until a new handshake. */
    public void forgetSessions() {
        handshake.forgetSessions();
    }

    /** The requests answered so far, oldest first (a snapshot). */
    public List<LoggedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** How many requests had a path starting with {@code pathPrefix} (decoded, e.g. "/v8/finance/chart/"). */
    public long count(String pathPrefix) {
        return count(request -> request.path().startsWith(pathPrefix));
    }

    /** How many requests to {@code endpoint} were answered with {@code status}. */
    public long count(YahooEndpoint endpoint, int status) {
        return count(request -> request.endpoint() == endpoint && request.status() == status);
    }

    /**
     * Chart, quoteSummary and quote requests counted per endpoint and symbol, sorted by symbol then
     * endpoint; a quote request counts once for each symbol it names ({@link LoggedRequest#symbols()}).
     * With {@code excluding429} the 429 answers are not counted, so a client that asked each symbol's
     * data once (retries of 429 aside) shows 1 everywhere.
     */
    public Map<DataRequest, Long> dataRequestsBySymbolAndEndpoint(boolean excluding429) {
        return Collections.unmodifiableMap(requests().stream()
                .filter(request -> request.endpoint().carriesData())
                .filter(request -> !excluding429 || request.status() != 429)
                .flatMap(request -> request.symbols().stream().map(symbol -> new DataRequest(request.endpoint(), symbol)))
                .collect(Collectors.groupingBy(Function.identity(),
                        () -> new TreeMap<>(Comparator.comparing(DataRequest::symbol).thenComparing(DataRequest::endpoint)),
                        Collectors.counting())));
    }

    /**
     * Requests per endpoint, every endpoint listed (0 when none), in {@link YahooEndpoint} order; a
     * quote request counts once however many symbols it names.
     */
    public Map<YahooEndpoint, Long> requestsByEndpoint() {
        return requestsByEndpoint(false);
    }

    /** {@link #requestsByEndpoint()}, with {@code excluding429} not counting the requests answered 429. */
    public Map<YahooEndpoint, Long> requestsByEndpoint(boolean excluding429) {
        Map<YahooEndpoint, Long> counts = new EnumMap<>(YahooEndpoint.class);
        for (YahooEndpoint endpoint : YahooEndpoint.values()) {
            counts.put(endpoint, 0L);
        }
        requests().stream().filter(request -> !excluding429 || request.status() != 429)
                .forEach(request -> counts.merge(request.endpoint(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** Empties the request log. */
    public void resetLog() {
        synchronized (log) {
            log.clear();
        }
    }

    /** Stops listening and stops the worker threads at once; requests in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private long count(Predicate<LoggedRequest> which) {
        return requests().stream().filter(which).count();
    }

    private void handle(HttpExchange exchange) {
        Instant at = Instant.now();
        Reply reply;
        String path = exchange.getRequestURI().getPath();
        String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
        try {
            reply = answer(Incoming.read(exchange));
        } catch (IOException | RuntimeException failure) {
            reply = Reply.text(500, "Yahoo stand-in failed: " + failure);
        }
        try {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            }
            synchronized (log) {
                log.add(new LoggedRequest(exchange.getRequestMethod(), path, query, reply.status(), at));
            }
            reply.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(reply.body());
                }
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The client hung up; nothing to answer.
        } finally {
            exchange.close();
        }
    }

    private Reply answer(Incoming request) {
        YahooEndpoint endpoint = YahooEndpoint.of(request.path());
        boolean get = request.method().equals("GET");
        if (requireBrowserUserAgent && !request.userAgent().startsWith(BROWSER_USER_AGENT)) {
            return tooManyRequests();
        }
        if (endpoint.carriesData() && get && tooManyRequests.refuses(request.pathAndQuery())) {
            return tooManyRequests();
        }
        return switch (endpoint) {
            case COOKIE_PAGE -> get ? handshake.cookiePage(request) : notAllowed("GET");
            case CONSENT -> consent(request);
            case CRUMB -> !get ? notAllowed("GET")
                    : handshake.takeCrumbRefusal() ? tooManyRequests() : handshake.crumbAnswer(request);
            case CHART -> get ? chart(request) : notAllowed("GET");
            case QUOTE_SUMMARY -> get ? quoteSummary(request) : notAllowed("GET");
            case QUOTE -> get ? quote(request) : notAllowed("GET");
            case OTHER -> Handshake.financeError(404, "Not Found", "HTTP 404 Not Found");
        };
    }

    private Reply consent(Incoming request) {
        if (request.path().equals("/consent")) {
            return switch (request.method()) {
                case "GET" -> handshake.consentForm(request);
                case "POST" -> handshake.consentSubmit(request);
                default -> notAllowed("GET, POST");
            };
        }
        return request.method().equals("GET") ? handshake.copyConsent(request) : notAllowed("GET");
    }

    /** Yahoo serves charts without cookie or crumb: none is looked at. */
    private Reply chart(Incoming request) {
        String symbol = YahooEndpoint.symbolOf(request.path());
        return symbol.isEmpty() || symbol.contains("/") ? ChartResponses.notFound() : charts.answer(symbol, request);
    }

    private Reply quoteSummary(Incoming request) {
        if (!handshake.hasSession(request)) {
            return Handshake.invalidCookie();
        }
        if (!handshake.hasCrumb(request)) {
            return Handshake.invalidCrumb();
        }
        String symbol = YahooEndpoint.symbolOf(request.path());
        return symbol.isEmpty() || symbol.contains("/")
                ? QuoteSummaryResponses.notFound(request.param("modules").orElse(""))
                : quoteSummaries.answer(symbol, request);
    }

    private Reply quote(Incoming request) {
        if (!handshake.hasSession(request)) {
            return Handshake.invalidCookie();
        }
        if (!handshake.hasCrumb(request)) {
            return Handshake.invalidCrumb();
        }
        return quotes.answer(request);
    }

    /** Yahoo's 429: the text a careless client has taken for a crumb, and when to come back. */
    private Reply tooManyRequests() {
        return Reply.text(429, "Too Many Requests\r\n").withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static Reply notAllowed(String allowed) {
        return Handshake.financeError(405, "Method Not Allowed", "HTTP 405 Method Not Allowed").withHeader("Allow", allowed);
    }

    /** Options of a stand-in; {@link #start()} binds the port and starts serving. */
    public static final class Builder {

        private Path dataDir;
        private Duration latency = Duration.ZERO;
        private double tooManyRequestsRate;
        private long retryAfterSeconds = 1;
        private long seed = 42;
        private boolean consentRedirect;
        private String crumb;
        private int port;
        private int threads = 64;
        private int quoteSymbolLimit = QuoteResponses.DEFAULT_SYMBOL_LIMIT;
        private boolean requireBrowserUserAgent;
        private int crumbTooManyRequests;

        private Builder() {
        }

        /** The CSV market-data folder to serve (required): {@code ohlcv/} or top-level price files, fundamentals.csv. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Time added before every answer (default none). */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + latency);
            }
            this.latency = latency;
            return this;
        }

        /** Share (0..1) of chart, quoteSummary and quote requests answered 429 (default 0). */
        public Builder tooManyRequestsRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("tooManyRequestsRate must be within 0..1: " + rate);
            }
            this.tooManyRequestsRate = rate;
            return this;
        }

        /** The {@code Retry-After} seconds of a 429 (default 1). */
        public Builder retryAfterSeconds(long seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + seconds);
            }
            this.retryAfterSeconds = seconds;
            return this;
        }

        /** Seed of the 429 choices (default 42): the same requests get the same 429s. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether the cookie page sends new visitors through the EU consent form (default false). */
        public Builder consentRedirect(boolean consentRedirect) {
            this.consentRedirect = consentRedirect;
            return this;
        }

        /** The crumb to hand out (default a random 11-character token of letters and digits). */
        public Builder crumb(String crumb) {
            if (crumb == null || crumb.isEmpty()) {
                throw new IllegalArgumentException("crumb must not be empty");
            }
            this.crumb = crumb;
            return this;
        }

        /** The port on 127.0.0.1 (default 0: a free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Threads serving requests (default 64): the number of answers that can wait out the latency together. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * The most symbols one {@code /v7/finance/quote} request may name (default 100, Yahoo's limit
         * since March 2025); more are answered 400. Duplicates count once.
         */
        public Builder quoteSymbolLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("quoteSymbolLimit must be at least 1: " + limit);
            }
            this.quoteSymbolLimit = limit;
            return this;
        }

        /**
         * Whether every request whose {@code User-Agent} does not start with {@code Mozilla/5.0} is
         * answered 429 Too Many Requests, as Yahoo answers non-browser clients (default false).
         */
        public Builder requireBrowserUserAgent(boolean require) {
            this.requireBrowserUserAgent = require;
            return this;
        }

        /**
         * How many of the first {@code GET /v1/test/getcrumb} are answered 429 {@code Too Many Requests}
         * (default 0); see {@link YahooStandIn#refuseNextCrumbs(int)} to throttle later.
         */
        public Builder crumbTooManyRequests(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("crumbTooManyRequests must not be negative: " + n);
            }
            this.crumbTooManyRequests = n;
            return this;
        }

        /** Binds and starts serving. Throws {@link UncheckedIOException} when the port cannot be bound. */
        public YahooStandIn start() {
            if (dataDir == null) {
                throw new IllegalStateException("dataDir is required");
            }
            try {
                return new YahooStandIn(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Yahoo stand-in on port " + port, e);
            }
        }
    }

    /**
     * Runs a stand-in as its own process until SIGTERM:
     * {@code --data DIR [--port N] [--latency-ms N] [--rate-429 X] [--retry-after S] [--seed N] [--consent] [--crumb C]
     * [--threads N] [--crumb-429 N] [--quote-limit N] [--browser-only]} ({@code --crumb-429}: the
     * first N crumbs refused 429; {@code --quote-limit}: symbols per quote request; {@code --browser-only}:
     * 429 unless the User-Agent starts with Mozilla/5.0).
     * Prints {@code YAHOO_STANDIN_URL=http://127.0.0.1:PORT} once listening; on shutdown
     * {@code YAHOO_STANDIN_REQUESTS=N} and {@code YAHOO_STANDIN_STATUS=200:n,429:n,...}.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder();
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                switch (flag) {
                    case "--consent" -> builder.consentRedirect(true);
                    case "--data" -> builder.dataDir(Path.of(value(args, ++i, flag)));
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i, flag)));
                    case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value(args, ++i, flag))));
                    case "--rate-429" -> builder.tooManyRequestsRate(Double.parseDouble(value(args, ++i, flag)));
                    case "--retry-after" -> builder.retryAfterSeconds(Long.parseLong(value(args, ++i, flag)));
                    case "--seed" -> builder.seed(Long.parseLong(value(args, ++i, flag)));
                    case "--crumb" -> builder.crumb(value(args, ++i, flag));
                    case "--threads" -> builder.threads(Integer.parseInt(value(args, ++i, flag)));
                    case "--crumb-429" -> builder.crumbTooManyRequests(Integer.parseInt(value(args, ++i, flag)));
                    case "--quote-limit" -> builder.quoteSymbolLimit(Integer.parseInt(value(args, ++i, flag)));
                    case "--browser-only" -> builder.requireBrowserUserAgent(true);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (builder.dataDir == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
        } catch (IllegalArgumentException wrong) {
            System.err.println("yahoo stand-in: " + wrong.getMessage());
            System.err.println("usage: --data DIR [--port N] [--latency-ms N] [--rate-429 0..1] [--retry-after S]"
                    + " [--seed N] [--consent] [--crumb C] [--threads N] [--crumb-429 N] [--quote-limit N] [--browser-only]");
            System.exit(2);
            return;
        }
        YahooStandIn standIn = builder.start();
        PrintStream out = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            List<LoggedRequest> answered = standIn.requests();
            out.println("YAHOO_STANDIN_REQUESTS=" + answered.size());
            out.println("YAHOO_STANDIN_STATUS=" + answered.stream()
                    .collect(Collectors.groupingBy(LoggedRequest::status, TreeMap::new, Collectors.counting()))
                    .entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue())
                    .collect(Collectors.joining(",")));
            out.flush();
        }, "yahoo-standin-shutdown"));
        out.println("YAHOO_STANDIN_URL=" + standIn.baseUrl());
        out.flush();
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }
}
