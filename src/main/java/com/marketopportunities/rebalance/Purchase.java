package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;
import java.util.Comparator;
import java.util.List;

/**
 * Money put into one symbol to fill a bucket's gap (the gap's top-scored candidate).
 *
 * @param amount   in the base currency
 * @param history  the symbol's bars, or {@code null} when unknown (it then counts in the
 *                 allocation but not in the risk)
 */
public record Purchase(String symbol, String bucket, double amount, PriceHistory history) {

    /**
     * The gap's money put into its top-scored option (SCANNER.md 6); the first of equal scores
     * wins, and the first option (the gap's ETF) when none is scored.
     *
     * @param options the gap's candidates, its ETF first; at least one
     */
    public static Purchase intoBest(String bucket, double amount, List<PurchaseOption> options) {
        PurchaseOption best = options.stream().filter(option -> option.score() != null)
                .max(Comparator.comparingDouble(PurchaseOption::score))
                .orElse(options.get(0));
        return new Purchase(best.symbol(), bucket, amount, best.history());
    }
}
