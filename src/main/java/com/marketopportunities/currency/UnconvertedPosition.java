package com.marketopportunities.currency;

import java.util.Objects;

/**
 * A position whose value could not be converted to the base currency: left out of every figure,
 * never summed raw (EXPOSURE.md 3).
 *
 * @param symbol   the position's provider symbol
 * @param currency its value's currency, as written
 * @param reason   why, in plain words: {@code not an ISO 4217 code}, or the pairs tried without a rate
 */
public record UnconvertedPosition(String symbol, String currency, String reason) {

    public UnconvertedPosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reason, "reason");
    }
}
