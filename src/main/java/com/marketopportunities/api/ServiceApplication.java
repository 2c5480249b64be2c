package com.marketopportunities.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The HTTP service and the dashboard: a thin door onto the same scan and cache code as the
 * command line. Started by {@code market-opportunities serve}.
 */
@SpringBootApplication
public class ServiceApplication {
}
