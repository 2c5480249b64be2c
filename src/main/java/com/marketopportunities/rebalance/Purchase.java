package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;

/**
 * Money put into one symbol to fill a bucket's gap (the gap's best candidate worth buying, see
 * {@link BuyPlan}).
 *
 * @param amount   in the base currency
 * @param history  the symbol's bars, or {@code null} when unknown (it then counts in the
 *                 allocation but not in the risk)
 */
public record Purchase(String symbol, String bucket, double amount, PriceHistory history) {

    /** The gap's money put into one of its options. */
    public static Purchase into(String bucket, double amount, PurchaseOption option) {
        return new Purchase(option.symbol(), bucket, amount, option.history());
    }
}
