package com.marketopportunities.returns;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Daily simple returns keyed by date: the return on day {@code days[i]} (an epoch day, as
 * {@link LocalDate#toEpochDay()}) is that day's close over the previous bar's close, minus one. Days
 * are ascending. Days are kept as numbers, not dates: a warm scan aligns a few hundred series.
 */
public record DailyReturnSeries(int[] days, double[] returns) {

    public DailyReturnSeries {
        if (days.length != returns.length) {
            throw new IllegalArgumentException("one return per day is needed");
        }
    }

    /** The returns of the bars dated {@code from..to} inclusive (the first bar has no return). */
    public static DailyReturnSeries of(PriceHistory history, LocalDate from, LocalDate to) {
        List<DailyBar> bars = history.between(from, to);
        int count = Math.max(bars.size() - 1, 0);
        int[] days = new int[count];
        double[] returns = new double[count];
        DailyBar previous = count == 0 ? null : bars.get(0);
        for (int i = 0; i < count; i++) {
            DailyBar bar = bars.get(i + 1);
            days[i] = (int) bar.date().toEpochDay();
            returns[i] = bar.scoringClose() / previous.scoringClose() - 1;
            previous = bar;
        }
        return new DailyReturnSeries(days, returns);
    }

    /** The days as dates. */
    public List<LocalDate> dates() {
        return Arrays.stream(days).mapToObj(LocalDate::ofEpochDay).toList();
    }

    /**
     * The value-weighted daily returns of a portfolio over {@code from..to} inclusive: on each date,
     * the mean of the returns of the positions that traded that day, weighted by their values.
     * Positions without bars or without a positive value are left out. The portfolio's fit
     * (correlation) and its risk before and after a rebalance are measured on these returns.
     *
     * @param positions each position's bars and value (values need not add up to anything)
     */
    public static DailyReturnSeries valueWeighted(List<ValuedHistory> positions, LocalDate from, LocalDate to) {
        // one slot per calendar day of the window: each position's returns are added into their day's slot
        long first = from.toEpochDay();
        int days = (int) Math.max(0, to.toEpochDay() - first + 1);
        double[] weighted = new double[days];
        double[] weights = new double[days];
        for (ValuedHistory position : positions) {
            if (position.history() == null || position.value() <= 0) {
                continue;
            }
            DailyReturnSeries series = of(position.history(), from, to);
            for (int i = 0; i < series.returns.length; i++) {
                int day = (int) (series.days[i] - first);
                weighted[day] += position.value() * series.returns[i];
                weights[day] += position.value();
            }
        }
        int[] traded = new int[days];
        double[] returns = new double[days];
        int count = 0;
        for (int day = 0; day < days; day++) {
            if (weights[day] > 0) {
                traded[count] = (int) (first + day);
                returns[count++] = weighted[day] / weights[day];
            }
        }
        return new DailyReturnSeries(Arrays.copyOf(traded, count), Arrays.copyOf(returns, count));
    }

    public int size() {
        return returns.length;
    }

    /** Annualized volatility as a fraction, or {@code NaN} with fewer than two returns. */
    public double annualizedVolatility(int tradingDaysPerYear) {
        return ReturnStatistics.annualizedVolatility(returns, tradingDaysPerYear);
    }

    /**
     * Pearson correlation over the dates both series have, or {@code NaN} when they share fewer
     * than {@code minOverlap} dates.
     */
    public double correlation(DailyReturnSeries other, int minOverlap) {
        // both series are in date order: the shared dates are found in one pass over each
        double[] mine = new double[Math.min(returns.length, other.returns.length)];
        double[] theirs = new double[mine.length];
        int shared = 0;
        for (int i = 0, j = 0; i < returns.length && j < other.returns.length; ) {
            int order = Integer.compare(days[i], other.days[j]);
            if (order == 0) {
                mine[shared] = returns[i++];
                theirs[shared++] = other.returns[j++];
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        if (shared < minOverlap) {
            return Double.NaN;
        }
        return ReturnStatistics.pearson(Arrays.copyOf(mine, shared), Arrays.copyOf(theirs, shared));
    }
}
