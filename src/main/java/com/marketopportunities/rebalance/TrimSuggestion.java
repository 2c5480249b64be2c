package com.marketopportunities.rebalance;

/**
 * A suggested partial sale. Money in the base currency; {@code salePct} in percent of the position.
 *
 * @param stopLossSafe false when the position is 5-10 % under its entry price: selling it now
 *                     would realize a loss near a typical stop-loss level
 */
public record TrimSuggestion(String symbol, String name, String bucket, double currentValue, double salePct,
                             double saleValue, double saleScore, String rationale, boolean stopLossSafe) {
}
