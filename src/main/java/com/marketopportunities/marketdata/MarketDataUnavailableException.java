package com.marketopportunities.marketdata;

/** The provider cannot answer now (unreachable, timing out, rate-limited, circuit open). */
public class MarketDataUnavailableException extends RuntimeException {

    public MarketDataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public MarketDataUnavailableException(String message) {
        super(message);
    }
}
