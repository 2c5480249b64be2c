package com.marketopportunities.rebalance;

import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.marketdata.PriceHistory;

/**
 * Money put into one symbol to fill a bucket's gap (the gap's best candidate worth buying, see
 * {@link BuyPlan}).
 *
 * @param amount   in the base currency
 * @param history  the symbol's bars in the base currency, or {@code null} when unknown (it then
 *                 counts in the allocation but not in the risk)
 * @param exposure what the symbol holds: the impact adds the amount to each of its buckets
 */
public record Purchase(String symbol, String bucket, double amount, PriceHistory history, HoldingExposure exposure) {

    /** The gap's money put into one of its options, which holds {@code exposure}. */
    public static Purchase into(String bucket, double amount, PurchaseOption option, HoldingExposure exposure) {
        return new Purchase(option.symbol(), bucket, amount, option.history(), exposure);
    }
}
