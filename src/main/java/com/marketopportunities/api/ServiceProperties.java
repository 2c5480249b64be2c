package com.marketopportunities.api;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings ({@code market-opportunities.*} in application.properties, or
 * flags of {@code serve}); the scanner's numbers stay in market-opportunities.properties.
 *
 * @param data              {@code yahoo} or a folder of CSV files
 * @param config            a properties file overriding the scanner's settings, or {@code null}
 * @param redisUrl          the shared cache, or blank
 * @param yahooUrl          every Yahoo request to this server instead, or blank
 * @param portfolioDir      server-side portfolios: {@code {dir}/{user_id}/}
 * @param apiKeys           {@code key1:user1,key2:user2}; blank: no keys, loopback only
 * @param adminToken        the cache management token; blank: generated at start-up
 * @param upstreamCallsPerMinute market-data calls the scans of one API key (or one address) may
 *                          cost per minute; each scan costs at least one
 * @param warmUp            whether the cache warms at start-up and on its schedule
 */
@ConfigurationProperties("market-opportunities")
public record ServiceProperties(String data, String config, String redisUrl, String yahooUrl, Path portfolioDir,
                                String apiKeys, String adminToken, int upstreamCallsPerMinute, boolean warmUp) {
}
