package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.portfolio.Position;

/**
 * A position with what a rebalance needs to know about it.
 *
 * @param bucket   the bucket it was classified in
 * @param history  its daily bars up to the as-of date, or {@code null} when none could be had
 */
public record Holding(Position position, String bucket, PriceHistory history) {

    public String symbol() {
        return position.symbol();
    }

    public double value() {
        return position.marketValue();
    }
}
