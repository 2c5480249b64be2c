package com.marketopportunities.api;

import com.marketopportunities.config.SourceOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: the HTTP service, its JSON API and the dashboard, until stopped (Ctrl-C, SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts the HTTP service: the dashboard, the JSON API, health and metrics.",
                "The dashboard is at /, the API under /api/bourse/, health and metrics under /actuator/, "
                        + "OpenAPI at /v3/api-docs and /swagger-ui.html. Runs until stopped (Ctrl-C, SIGTERM).",
                "Security: API_KEYS=\"key1:user1,key2:user2\" binds API keys to users; without keys the service "
                        + "listens on 127.0.0.1 only. ADMIN_TOKEN guards cache management, metrics and health "
                        + "details; when it is not set, a token is generated and printed once."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:PORT:-8080}", description = "Default: ${DEFAULT-VALUE} (environment PORT).")
    int port;

    @Mixin
    SourceOptions source;

    @Option(names = "--portfolio-dir", paramLabel = "DIR", defaultValue = "${env:PORTFOLIO_DIR:-portfolios}",
            description = "Server-side portfolios for GET /api/bourse/opportunities?user_id=...: DIR/{user_id}/. "
                    + "Default: ${DEFAULT-VALUE} (environment PORTFOLIO_DIR).")
    String portfolioDir;

    @Option(names = "--no-warm-up", description = "Do not warm the cache at start-up and on its schedule.")
    boolean noWarmUp;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> args = springArguments();
        CountDownLatch closed = new CountDownLatch(1);
        SpringApplication application = new SpringApplication(ServiceApplication.class);
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        ApiAccess access = context.getBean(ApiAccess.class);
        String host = access.keysConfigured() ? "0.0.0.0" : "127.0.0.1";
        out.println("Market Opportunities is listening on http://" + host + ":" + actualPort + "/ (dashboard), "
                + "/api/bourse/ (API), /swagger-ui.html (OpenAPI), /actuator/health");
        if (!access.keysConfigured()) {
            out.println("No API_KEYS configured: listening on 127.0.0.1 only, scans need no key.");
        }
        access.generatedAdminToken().ifPresent(token ->
                out.println("Admin token for cache management (shown once; set ADMIN_TOKEN to choose it): " + token));
        out.flush();
        closed.await();
        return 0;
    }

    /**
     * The service's properties from these options: only what the user chose on the command line
     * goes in, so the environment ({@code WARM_UP}, {@code API_KEYS}, ...) keeps its say.
     */
    List<String> springArguments() {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                "--market-opportunities.data=" + source.data(),
                "--market-opportunities.portfolio-dir=" + portfolioDir));
        if (noWarmUp) {
            args.add("--market-opportunities.warm-up=false");
        }
        if (source.redisUrl() != null && !source.redisUrl().isBlank()) {
            args.add("--market-opportunities.redis-url=" + source.redisUrl());
        }
        if (source.yahooUrl() != null) {
            args.add("--market-opportunities.yahoo-url=" + source.yahooUrl());
        }
        if (source.config() != null) {
            args.add("--market-opportunities.config=" + source.config());
        }
        return args;
    }
}
