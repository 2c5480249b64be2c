package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;

/**
 * Money put into one symbol to fill a bucket's gap (the gap's top-scored candidate).
 *
 * @param amount   in the base currency
 * @param history  the symbol's bars, or {@code null} when unknown (it then counts in the
 *                 allocation but not in the risk)
 */
public record Purchase(String symbol, String bucket, double amount, PriceHistory history) {
}
