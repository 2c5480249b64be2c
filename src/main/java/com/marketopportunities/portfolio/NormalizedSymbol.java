package com.marketopportunities.portfolio;

import java.util.Objects;

/**
 * A symbol in the market-data provider's (Yahoo's) convention, and what the user should know
 * about how it was obtained.
 *
 * @param symbol the provider symbol, e.g. {@code BRK-B}, {@code SLHN.SW}
 * @param note   why the symbol may not be what the file meant (e.g. an unknown exchange), or
 *               {@code null} when the conversion is certain
 */
public record NormalizedSymbol(String symbol, String note) {

    public NormalizedSymbol {
        Objects.requireNonNull(symbol, "symbol");
    }
}
