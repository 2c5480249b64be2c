package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;

/**
 * A candidate a gap's money may go into.
 *
 * @param score    its composite score 0-100, or {@code null} when it could not be scored
 * @param history  its bars, or {@code null} when unknown
 */
public record PurchaseOption(String symbol, Double score, PriceHistory history) {
}
