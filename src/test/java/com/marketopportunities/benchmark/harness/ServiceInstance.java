package com.marketopportunities.benchmark.harness;

import com.marketopportunities.api.ServiceApplication;
import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.store.SharedStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One instance of the service, started in this JVM on a free loopback port against a Yahoo stand-in
 * and a Redis: its own Spring context, caches, Yahoo client and in-process level, as a separate
 * process would have (only the JIT-compiled code is shared). Scans and admin calls go over HTTP.
 */
final class ServiceInstance implements AutoCloseable {

    /** Longest a harness request may take; a scan that takes longer counts as failed. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    final String name;
    final URI base;
    /** From {@code run(...)} to a listening server. */
    final Duration startTime;
    private final ConfigurableApplicationContext context;
    private final String adminToken;
    private final HttpClient http;

    private ServiceInstance(String name, ConfigurableApplicationContext context, String adminToken, Duration startTime) {
        this.name = name;
        this.context = context;
        this.adminToken = adminToken;
        this.startTime = startTime;
        this.base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        this.http = newClient();
    }

    /**
     * Starts an instance on Yahoo at {@code yahooUrl} and Redis at {@code redisUrl}.
     *
     * @param warmUp whether its scheduled warm-up runs (5 s after start, then every interval)
     * @param config a properties file over the defaults, or {@code null}
     */
    static ServiceInstance start(String name, URI yahooUrl, String redisUrl, String adminToken, boolean warmUp,
                                 Path config) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--market-opportunities.data=yahoo",
                "--market-opportunities.yahoo-url=" + yahooUrl,
                "--market-opportunities.redis-url=" + redisUrl,
                "--market-opportunities.admin-token=" + adminToken,
                "--market-opportunities.upstream-calls-per-minute=1000000",
                "--market-opportunities.warm-up=" + warmUp,
                "--market-opportunities.portfolio-dir=target/benchmarks/portfolios"));
        if (config != null) {
            args.add("--market-opportunities.config=" + config);
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplication(ServiceApplication.class)
                .run(args.toArray(String[]::new));
        return new ServiceInstance(name, context, adminToken, Duration.ofNanos(System.nanoTime() - started));
    }

    /** An HTTP/1.1 client, as a browser or curl talks to the service (one connection per client thread). */
    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Scans {@code portfolioCsv} through this instance's client. */
    ScanOutcome scan(String portfolioCsv, String horizon, LocalDate asOf) {
        return scan(http, portfolioCsv, horizon, asOf);
    }

    /**
     * Scans {@code portfolioCsv} ({@code text/csv}) through {@code client}; never throws: a failure is an
     * outcome with status 0 (no answer) or the HTTP status, and the reason.
     */
    ScanOutcome scan(HttpClient client, String portfolioCsv, String horizon, LocalDate asOf) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/bourse/opportunities?horizon=" + horizon
                        + "&as_of=" + asOf))
                .header("Content-Type", "text/csv").timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(portfolioCsv)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - started) / 1e6;
            return ScanOutcome.of(response.statusCode(), millis, response.body());
        } catch (IOException e) {
            return ScanOutcome.failed((System.nanoTime() - started) / 1e6, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScanOutcome.failed((System.nanoTime() - started) / 1e6, "interrupted");
        }
    }

    /**
     * This instance's shared level itself, for probes that must see what the instance sees (a failover's
     * timings): a write through it goes where the instance's own writes go, a read asks what its scans ask.
     */
    SharedStore sharedStore() {
        return context.getBean(SharedStore.class);
    }

    /** {@code GET /api/bourse/cache/stats} with the admin token. */
    JsonNode cacheStats() {
        return admin(HttpRequest.newBuilder(base.resolve("/api/bourse/cache/stats")).GET());
    }

    /** {@code POST /api/bourse/cache/clear?pattern=...}: how many entries were deleted. */
    long clear(String pattern) {
        return admin(HttpRequest.newBuilder(base.resolve("/api/bourse/cache/clear?pattern=" + pattern))
                .POST(HttpRequest.BodyPublishers.noBody())).path("deleted").asLong();
    }

    private JsonNode admin(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + adminToken)
                    .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + request.build().uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JsonFormat.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
