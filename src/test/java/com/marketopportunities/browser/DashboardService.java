package com.marketopportunities.browser;

import com.marketopportunities.api.ServiceApplication;
import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.SharedMarketData;
import com.marketopportunities.scan.MarketDataFolder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The service and its dashboard, started in this JVM on a free loopback port, with an admin token
 * and no API keys. Its market data is the real {@code ../shared/market-data} when present (realistic
 * screenshots), else a small generated folder holding the same symbols; either way prices end on
 * {@link #AS_OF}. {@link #scan} and {@link #cacheStats} ask the API directly, so that a test can
 * hold what the page shows against what the service answered.
 */
final class DashboardService implements AutoCloseable {

    static final String AS_OF = "2022-12-05";
    static final String ADMIN_TOKEN = "browser-test-admin-token";

    final URI base;
    final boolean realMarketData;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DashboardService(Path workDir) throws IOException {
        Path shared = SharedMarketData.folder();
        realMarketData = Files.isDirectory(shared);
        Path data = realMarketData ? shared : generatedMarketData(Files.createDirectories(workDir.resolve("market")));
        context = new SpringApplication(ServiceApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--market-opportunities.warm-up=false",
                "--market-opportunities.data=" + data.toAbsolutePath(),
                "--market-opportunities.admin-token=" + ADMIN_TOKEN,
                "--market-opportunities.portfolio-dir=" + Files.createDirectories(workDir.resolve("portfolios")),
                "--market-opportunities.upstream-calls-per-minute=1000000");
        base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/");
    }

    /** The API's report for a CSV portfolio at {@link #AS_OF} with the dashboard's default min gap of 5. */
    JsonNode scan(Path portfolio, String horizon) throws Exception {
        return scan(portfolio, horizon, "");
    }

    /** The same, with more query parameters ({@code "&cash=10000"}). */
    JsonNode scan(Path portfolio, String horizon, String moreParameters) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/bourse/opportunities?min_gap_pct=5&horizon="
                        + horizon + "&as_of=" + AS_OF + moreParameters))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(portfolio)).build();
        return json(request);
    }

    /** What {@code GET /api/bourse/cache/stats} answers the admin now. */
    JsonNode cacheStats() throws Exception {
        return json(HttpRequest.newBuilder(base.resolve("api/bourse/cache/stats"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build());
    }

    private JsonNode json(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JsonFormat.mapper().readTree(response.body());
    }

    /** SPY, the sector and region ETFs and the symbols of examples/tech-heavy.csv, with distinct trends. */
    private static Path generatedMarketData(Path dir) throws IOException {
        LocalDate from = LocalDate.of(2020, 1, 2);
        LocalDate to = LocalDate.parse(AS_OF);
        MarketDataFolder market = new MarketDataFolder(dir);
        String[][] etfs = {{"SPY", "Equity"}, {"XLK", "Technology"}, {"XLV", "Healthcare"}, {"XLF", "Financials"},
                {"XLY", "Consumer Discretionary"}, {"XLC", "Communication Services"}, {"XLI", "Industrials"},
                {"XLP", "Consumer Staples"}, {"XLE", "Energy"}, {"XLU", "Utilities"}, {"XLRE", "Real Estate"},
                {"XLB", "Materials"}, {"VGK", "Europe"}, {"VPL", "Asia Pacific"}, {"VWO", "Emerging Markets"},
                {"EWJ", "Japan"}};
        String[][] stocks = {{"AAPL", "Information Technology"}, {"MSFT", "Information Technology"},
                {"NVDA", "Information Technology"}, {"AVGO", "Information Technology"},
                {"AMD", "Information Technology"}, {"INTC", "Information Technology"},
                {"GOOGL", "Communication Services"}, {"META", "Communication Services"},
                {"NFLX", "Communication Services"}, {"AMZN", "Consumer Discretionary"},
                {"TSLA", "Consumer Discretionary"}, {"JPM", "Financials"}, {"JNJ", "Health Care"},
                {"UNH", "Health Care"}, {"PG", "Consumer Staples"}, {"KO", "Consumer Staples"},
                {"XOM", "Energy"}, {"CVX", "Energy"}, {"HON", "Industrials"}, {"CAT", "Industrials"}};
        int i = 0;
        for (String[] etf : etfs) {
            market.prices(etf[0], from, to, 50 + 10 * i, 0.0008 - 0.0001 * (i % 7), 0.004 + 0.001 * (i % 5))
                    .fundamentals(etf[0], "ETF", etf[1], "", "");
            i++;
        }
        for (String[] stock : stocks) {
            market.prices(stock[0], from, to, 40 + 7 * i, 0.0009 - 0.00015 * (i % 9), 0.006 + 0.002 * (i % 4))
                    .fundamentals(stock[0], "EQUITY", stock[1], String.valueOf(10 + i % 25), "0.0" + (i % 4));
            i++;
        }
        return market.write();
    }

    @Override
    public void close() {
        context.close();
    }
}
