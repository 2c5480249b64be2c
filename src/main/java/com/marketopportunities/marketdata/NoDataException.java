package com.marketopportunities.marketdata;

/** The provider has no data for a symbol: it is reported unscored with this reason. */
public class NoDataException extends RuntimeException {

    private final String symbol;

    public NoDataException(String symbol, String reason) {
        super(reason);
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
