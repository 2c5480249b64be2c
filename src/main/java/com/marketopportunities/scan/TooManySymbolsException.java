package com.marketopportunities.scan;

/**
 * A portfolio with more distinct symbols than one scan may cost upstream ({@code scan.max-symbols}):
 * bad input the user can fix by splitting the portfolio, or the operator by raising the bound.
 */
public final class TooManySymbolsException extends IllegalArgumentException {

    TooManySymbolsException(int symbols, int max) {
        super(String.format(java.util.Locale.ROOT, "The portfolio holds %,d distinct symbols; one scan takes at most "
                + "%,d (scan.max-symbols), each costing market-data calls. Split the portfolio, or raise the bound.",
                symbols, max));
    }
}
