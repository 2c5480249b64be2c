package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.portfolio.Lot;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.returns.DailyReturnSeries;
import com.marketopportunities.returns.ValuedHistory;
import java.time.LocalDate;
import java.util.List;

/**
 * A position with what a rebalance needs to know about it.
 *
 * @param bucket   the bucket it was classified in
 * @param history  its daily bars up to the as-of date, or {@code null} when none could be had
 * @param lots     what each row of the file held of it, with its acquisition date
 */
public record Holding(Position position, String bucket, PriceHistory history, List<Lot> lots) {

    public Holding {
        lots = List.copyOf(lots);
    }

    /** A position on one row of the file: one lot. */
    public Holding(Position position, String bucket, PriceHistory history) {
        this(position, bucket, history, List.of(Lot.of(position)));
    }

    public String symbol() {
        return position.symbol();
    }

    public double value() {
        return position.marketValue();
    }

    /** The value-weighted daily returns of the holdings over {@code from..to}, on which fit is measured. */
    public static DailyReturnSeries portfolioReturns(List<Holding> holdings, LocalDate from, LocalDate to) {
        return DailyReturnSeries.valueWeighted(holdings.stream()
                .map(holding -> new ValuedHistory(holding.history(), holding.value())).toList(), from, to);
    }
}
