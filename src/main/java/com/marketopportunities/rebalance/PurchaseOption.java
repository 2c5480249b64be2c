package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A candidate a gap's money may go into.
 *
 * @param score    its own composite score 0-100, or {@code null} when it could not be scored
 * @param history  its bars in the base currency, or {@code null} when unknown
 */
public record PurchaseOption(String symbol, Double score, PriceHistory history) {

    /**
     * The top-scored of a gap's options (SCANNER.md 6), the first of equal scores; empty when none
     * is scored, for an unscored option is never bought.
     */
    public static Optional<PurchaseOption> best(List<PurchaseOption> options) {
        return options.stream().filter(option -> option.score() != null)
                .max(Comparator.comparingDouble(PurchaseOption::score));
    }
}
