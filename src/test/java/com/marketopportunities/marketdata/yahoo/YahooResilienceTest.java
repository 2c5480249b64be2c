package com.marketopportunities.marketdata.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.PriceHistory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the client behaves when Yahoo refuses, fails, stalls or is not there. */
class YahooResilienceTest {

    static final LocalDate FROM = LocalDate.of(2024, 3, 4);
    static final LocalDate TO = LocalDate.of(2024, 3, 4);
    static final String ONE_BAR = """
            {"chart":{"result":[{"meta":{"exchangeTimezoneName":"America/New_York"},"timestamp":[1709562600],
              "indicators":{"quote":[{"close":[10.0]}],"adjclose":[{"adjclose":[9.5]}]}}],"error":null}}""";

    /** What the chart endpoint answers, in order; when the script runs out, 200 with one bar. */
    final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    final AtomicInteger chartRequests = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    volatile Duration delay = Duration.ZERO;
    HttpServer server;
    YahooFinanceMarketData yahoo;

    record Reply(int status, String retryAfter) {
    }

    YahooFinanceMarketData start(YahooSettings settings) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
        yahoo = new YahooFinanceMarketData(settings.pointingAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
        return yahoo;
    }

    static YahooSettings fast() {
        return settings(Duration.ofMillis(500), 8, 1000, 4, 10);
    }

    /** Short timeouts and backoffs; the URLs are replaced by the test server's. */
    static YahooSettings settings(Duration readTimeout, int maxConcurrent, int requestsPerSecond, int maxAttempts,
                                  int breakerWindow) {
        return new YahooSettings(URI.create("http://unused/"), URI.create("http://unused/"), URI.create("http://unused"),
                Duration.ofMillis(500), readTimeout, maxConcurrent, requestsPerSecond, maxAttempts, Duration.ofMillis(20),
                Duration.ofSeconds(2), 50, breakerWindow, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (yahoo != null) {
            yahoo.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a429IsRetriedAfterTheServersRetryAfter() throws IOException {
        start(fast());
        script.add(new Reply(429, "1"));
        long started = System.nanoTime();

        PriceHistory history = yahoo.history("FIX", FROM, TO).join();

        assertThat(history.bars()).hasSize(1);
        assertThat(chartRequests.get()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void serverErrorsAreRetriedUpToTheMaximumThenReportedAsUnavailable() throws IOException {
        start(fast());
        for (int i = 0; i < 4; i++) {
            script.add(new Reply(503, null));
        }

        assertThatThrownBy(() -> yahoo.history("FIX", FROM, TO).join())
                .cause().isInstanceOf(MarketDataUnavailableException.class)
                .hasMessageContaining("failed after retries").hasMessageContaining("HTTP 503");
        assertThat(chartRequests.get()).isEqualTo(4);
    }

    @Test
    void twoFailuresThenSuccessSucceeds() throws IOException {
        start(fast());
        script.add(new Reply(500, null));
        script.add(new Reply(502, null));

        assertThat(yahoo.history("FIX", FROM, TO).join().bars()).hasSize(1);
        assertThat(chartRequests.get()).isEqualTo(3);
    }

    @Test
    void aStalledResponseTimesOutAndIsRetried() throws IOException {
        start(settings(Duration.ofMillis(200), 8, 1000, 2, 10));
        delay = Duration.ofSeconds(2);
        long started = System.nanoTime();

        assertThatThrownBy(() -> yahoo.history("FIX", FROM, TO).join())
                .cause().isInstanceOf(MarketDataUnavailableException.class).hasMessageContaining("failed after retries");
        assertThat(chartRequests.get()).isEqualTo(2);
        // two tries of 200 ms and a short backoff, far from the server's 2 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndLaterCallsDoNotReachYahoo() throws IOException {
        start(settings(Duration.ofMillis(500), 1, 1000, 1, 4));
        for (int i = 0; i < 100; i++) {
            script.add(new Reply(500, null));
        }
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> yahoo.history("FIX", FROM, TO).join()).cause()
                    .isInstanceOf(MarketDataUnavailableException.class);
        }
        int reachedBeforeOpen = chartRequests.get();

        assertThatThrownBy(() -> yahoo.history("FIX", FROM, TO).join()).cause()
                .isInstanceOf(MarketDataUnavailableException.class).hasMessageContaining("circuit breaker open");
        assertThat(reachedBeforeOpen).isEqualTo(4);
        assertThat(chartRequests.get()).isEqualTo(4);
    }

    @Test
    void tooManyRequestsThatRetriesGetPastDoNotOpenTheBreaker() throws IOException {
        start(settings(Duration.ofMillis(500), 1, 1000, 2, 4));
        for (int i = 0; i < 8; i++) {
            // every call is refused once, then answered: half of all requests are 429s
            script.add(new Reply(429, "0"));
            assertThat(yahoo.history("S" + i, FROM, TO).join().bars()).hasSize(1);
            script.clear();
        }

        assertThat(chartRequests.get()).isEqualTo(16);
        assertThat(yahoo.history("LAST", FROM, TO).join().bars()).hasSize(1);
    }

    @Test
    void noMoreThanTheConfiguredRequestsAreInFlightAtOnce() throws IOException {
        start(settings(Duration.ofSeconds(5), 3, 1000, 1, 10));
        delay = Duration.ofMillis(150);
        List<CompletableFuture<PriceHistory>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(yahoo.history("S" + i, FROM, TO));
        }
        requests.forEach(CompletableFuture::join);

        assertThat(mostInFlight.get()).isEqualTo(3);
        assertThat(chartRequests.get()).isEqualTo(12);
    }

    @Test
    void theRequestRateIsLimited() throws IOException {
        start(settings(Duration.ofMillis(500), 8, 5, 1, 10));
        long started = System.nanoTime();
        List<CompletableFuture<PriceHistory>> requests = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            requests.add(yahoo.history("S" + i, FROM, TO));
        }
        requests.forEach(CompletableFuture::join);

        // 5 a second: the 11th request cannot start before the third period, 2 s after the first
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aServerThatIsNotThereIsUnavailableAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        yahoo = new YahooFinanceMarketData(fast().pointingAt(URI.create("http://127.0.0.1:" + closedPort)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> yahoo.history("FIX", FROM, TO).join()).cause()
                .isInstanceOf(MarketDataUnavailableException.class).hasMessageContaining("cannot be reached");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
            exchange.getResponseHeaders().add("Set-Cookie", "A3=session; Path=/");
            send(exchange, 200, "<html></html>");
        } else if (path.equals("/v1/test/getcrumb")) {
            send(exchange, 200, "crumb123");
        } else {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            chartRequests.incrementAndGet();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            Reply reply = script.poll();
            if (reply == null) {
                send(exchange, 200, ONE_BAR);
            } else {
                if (reply.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
                }
                send(exchange, reply.status(), "error");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        } finally {
            exchange.close();
        }
    }
}
