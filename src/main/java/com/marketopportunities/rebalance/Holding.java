package com.marketopportunities.rebalance;

import com.marketopportunities.exposure.HoldingExposure;
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
 * @param value    its value in the base currency
 * @param exposure what it holds: asset classes, sectors, regions (EXPOSURE.md 2)
 * @param history  its daily bars up to the as-of date in the base currency, or {@code null} when
 *                 none could be had
 * @param lots     what each row of the file held of it, with its acquisition date (values in the
 *                 file's currency: only their proportions are used)
 */
public record Holding(Position position, double value, HoldingExposure exposure, PriceHistory history,
                      List<Lot> lots) {

    public Holding {
        lots = List.copyOf(lots);
    }

    /** A position on one row of the file, valued in the base currency as the file gives it: one lot. */
    public Holding(Position position, HoldingExposure exposure, PriceHistory history) {
        this(position, position.marketValue(), exposure, history, List.of(Lot.of(position)));
    }

    public String symbol() {
        return position.symbol();
    }

    /** The bucket a one-word answer names: its largest sector, else its asset class. */
    public String mainBucket() {
        return exposure.mainBucket();
    }

    /** Its equity value: the part of its value that has a sector and a region. */
    public double equityValue() {
        return value * exposure.equityShare();
    }

    /** The value-weighted daily returns of the holdings over {@code from..to}, on which fit is measured. */
    public static DailyReturnSeries portfolioReturns(List<Holding> holdings, LocalDate from, LocalDate to) {
        return DailyReturnSeries.valueWeighted(holdings.stream()
                .map(holding -> new ValuedHistory(holding.history(), holding.value())).toList(), from, to);
    }
}
