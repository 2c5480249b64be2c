package com.marketopportunities.store;

import java.time.Duration;

/**
 * How the shared level talks to Redis.
 *
 * @param url             {@code redis://}, {@code rediss://user:password@host:port/db},
 *                        {@code redis-sentinel://host:26379/0#master}, or
 *                        {@code redis-cluster://host1:port,host2:port}; {@code null}: no Redis
 * @param commandTimeout  the longest a request waits on one command (about 250 ms)
 * @param connectTimeout  the longest one connection attempt takes
 * @param breakerFailures consecutive-ish failures (of the last {@code 2 x breakerFailures} commands,
 *                        half failing) that stop using Redis for {@code breakerOpenFor}
 * @param breakerOpenFor  how long Redis is skipped before it is probed again
 */
public record RedisSettings(String url, Duration commandTimeout, Duration connectTimeout, int breakerFailures,
                            Duration breakerOpenFor) {

    public static RedisSettings defaults(String url) {
        return new RedisSettings(url, Duration.ofMillis(250), Duration.ofMillis(250), 3, Duration.ofSeconds(2));
    }

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The URL with a password replaced by {@code ****}. */
    public String maskedUrl() {
        return url == null ? null : url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@").replaceAll("(://)[^:/@]+@", "$1****@");
    }
}
