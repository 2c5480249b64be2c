package com.marketopportunities.testredis;

/**
 * The test Redis could not be started, signalled or stopped. The message carries what the server printed when
 * there is anything to show, so a failing test explains itself.
 */
public final class RealRedisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RealRedisException(String message) {
        super(message);
    }

    public RealRedisException(String message, Throwable cause) {
        super(message, cause);
    }
}
