package com.marketopportunities.marketdata.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The crumb as Yahoo's throttling hands it out: "Too Many Requests" with a 200 (a body that one
 * client once took for a crumb) or an HTML page is no crumb; it is backed off and asked again.
 */
class YahooSessionTest {

    static final String CRUMB = "aB3dE6gH9jK";
    static final String QUOTE = "{\"quoteResponse\":{\"result\":[{\"symbol\":\"ABC\",\"quoteType\":\"EQUITY\","
            + "\"currency\":\"USD\",\"trailingPE\":18.5,\"dividendYield\":2.1}],\"error\":null}}";

    /** The crumb endpoint's answers, in order; then the crumb. */
    final Queue<String> crumbBodies = new ConcurrentLinkedQueue<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    HttpServer server;
    YahooFinanceMarketData yahoo;

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
    void aCrumbAnsweredTooManyRequestsWithA200IsThrottlingNotACrumb() throws IOException {
        crumbBodies.add("Too Many Requests");
        crumbBodies.add("<html><body>Will be right back...</body></html>");
        start();

        assertThat(yahoo.fundamentals("ABC").join().dividendYield()).isEqualTo(0.021);

        assertThat(log).filteredOn(line -> line.startsWith("/v1/test/getcrumb")).hasSize(3);
        assertThat(log).filteredOn(line -> line.startsWith("/v7/finance/quote"))
                .containsExactly("/v7/finance/quote?symbols=ABC&formatted=false&crumb=" + CRUMB);
        // the cookie page once: the session was had, only its crumb was throttled
        assertThat(log).filteredOn(line -> line.equals("/")).hasSize(1);
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        YahooSettings fast = YahooResilienceTest.fast();
        yahoo = new YahooFinanceMarketData(fast.pointingAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        log.add(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String body;
        if (path.equals("/")) {
            exchange.getResponseHeaders().add("Set-Cookie", "A3=d=session; Path=/");
            body = "<html>Yahoo</html>";
        } else if (path.equals("/v1/test/getcrumb")) {
            String next = crumbBodies.poll();
            body = next == null ? CRUMB : next;
        } else if (path.equals("/v7/finance/quote") && uri.getRawQuery().endsWith("crumb=" + CRUMB)) {
            body = QUOTE;
        } else {
            body = "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\",\"description\":\"Invalid Crumb\"}}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
