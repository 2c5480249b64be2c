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
 *       {@code {"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Cookie"}}}}.</li>
 *   <li>{@code GET /v8/finance/chart/{symbol}}: daily bars (see {@link ChartResponses} for the range rule);
 *       401 "Invalid Cookie" without a session cookie; 404 Yahoo's "No data found, symbol may be
 *       delisted" for a symbol without price file.</li>
 *   <li>{@code GET /v10/finance/quoteSummary/{symbol}?modules=...&crumb=...}: fundamentals (see
 *       {@link QuoteSummaryResponses}); 401 "Invalid Cookie" without session cookie, then 401
 *       {@code {"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}}
 *       with a missing or stale crumb; 404 for a symbol without fundamentals row.</li>
 * </ul>
 *
 * <p>Failure on demand: a share of chart and quoteSummary requests answered 429 with
 * {@code Retry-After} (reproducible for a seed, never twice in a row for one URL), a latency added
 * to every answer, {@link #rotateCrumb()} and {@link #forgetSessions()} to expire crumb and cookies.
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

    private final HttpServer server;
    private final ExecutorService workers;
    private final URI baseUrl;
    private final Duration latency;
    private final long retryAfterSeconds;
    private final Handshake handshake;
    private final TooManyRequestsPolicy tooManyRequests;
    private final ChartResponses charts;
    private final QuoteSummaryResponses quoteSummaries;
    private final List<LoggedRequest> log = new ArrayList<>();

    private YahooStandIn(Builder settings) throws IOException {
        DataFolder data = new DataFolder(settings.dataDir);
        this.latency = settings.latency;
        this.retryAfterSeconds = settings.retryAfterSeconds;
        this.tooManyRequests = new TooManyRequestsPolicy(settings.tooManyRequestsRate, settings.seed);
        this.charts = new ChartResponses(data);
        this.quoteSummaries = new QuoteSummaryResponses(data);
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
        this.handshake = new Handshake(baseUrl, settings.consentRedirect, settings.crumb);
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
     * Chart and quoteSummary requests counted per endpoint and symbol, sorted by symbol then endpoint;
     * with {@code excluding429} the 429 answers are not counted, so a client that asked each symbol's
     * data once (retries of 429 aside) shows 1 everywhere.
     */
    public Map<DataRequest, Long> dataRequestsBySymbolAndEndpoint(boolean excluding429) {
        return Collections.unmodifiableMap(requests().stream()
                .filter(request -> request.endpoint().carriesData())
                .filter(request -> !excluding429 || request.status() != 429)
                .collect(Collectors.groupingBy(request -> new DataRequest(request.endpoint(), request.symbol()),
                        () -> new TreeMap<>(Comparator.comparing(DataRequest::symbol).thenComparing(DataRequest::endpoint)),
                        Collectors.counting())));
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
        if (endpoint.carriesData() && get && tooManyRequests.refuses(request.pathAndQuery())) {
            return Reply.text(429, "Too Many Requests\r\n").withHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        return switch (endpoint) {
            case COOKIE_PAGE -> get ? handshake.cookiePage(request) : notAllowed("GET");
            case CONSENT -> consent(request);
            case CRUMB -> get ? handshake.crumbAnswer(request) : notAllowed("GET");
            case CHART -> get ? chart(request) : notAllowed("GET");
            case QUOTE_SUMMARY -> get ? quoteSummary(request) : notAllowed("GET");
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

    private Reply chart(Incoming request) {
        if (!handshake.hasSession(request)) {
            return Handshake.invalidCookie();
        }
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

        /** Share (0..1) of chart and quoteSummary requests answered 429 (default 0). */
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
     * {@code --data DIR [--port N] [--latency-ms N] [--rate-429 X] [--retry-after S] [--seed N] [--consent] [--crumb C] [--threads N]}.
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
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (builder.dataDir == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
        } catch (IllegalArgumentException wrong) {
            System.err.println("yahoo stand-in: " + wrong.getMessage());
            System.err.println("usage: --data DIR [--port N] [--latency-ms N] [--rate-429 0..1] [--retry-after S]"
                    + " [--seed N] [--consent] [--crumb C] [--threads N]");
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
