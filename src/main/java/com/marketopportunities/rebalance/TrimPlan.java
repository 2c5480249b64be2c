package com.marketopportunities.rebalance;

import java.util.List;

/**
 * The trims that fund the gaps. Money in the base currency.
 *
 * @param sufficient whether {@code freed} reaches the configured share of {@code needed}
 */
public record TrimPlan(List<TrimSuggestion> sales, List<ExcludedPosition> excluded, double needed, double freed,
                       boolean sufficient) {

    public TrimPlan {
        sales = List.copyOf(sales);
        excluded = List.copyOf(excluded);
    }
}
