package com.marketopportunities.returns;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Daily simple returns keyed by date: the return on {@code dates[i]} is that day's close over the
 * previous bar's close, minus one. Dates are ascending.
 */
public record DailyReturnSeries(List<LocalDate> dates, double[] returns) {

    public DailyReturnSeries {
        dates = List.copyOf(dates);
        if (dates.size() != returns.length) {
            throw new IllegalArgumentException("one return per date is needed");
        }
    }

    /** The returns of the bars dated {@code from..to} inclusive (the first bar has no return). */
    public static DailyReturnSeries of(PriceHistory history, LocalDate from, LocalDate to) {
        List<DailyBar> bars = history.between(from, to);
        List<LocalDate> dates = new ArrayList<>(Math.max(bars.size() - 1, 0));
        double[] returns = new double[Math.max(bars.size() - 1, 0)];
        for (int i = 1; i < bars.size(); i++) {
            dates.add(bars.get(i).date());
            returns[i - 1] = bars.get(i).scoringClose() / bars.get(i - 1).scoringClose() - 1;
        }
        return new DailyReturnSeries(dates, returns);
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
        // each position's returns are in date order: merged pairwise, as in a merge sort, with no map per date
        List<LocalDate> dates = List.of();
        double[] weighted = new double[0];
        double[] weights = new double[0];
        for (ValuedHistory position : positions) {
            if (position.history() == null || position.value() <= 0) {
                continue;
            }
            DailyReturnSeries series = of(position.history(), from, to);
            int n = dates.size();
            int m = series.returns.length;
            List<LocalDate> mergedDates = new ArrayList<>(n + m);
            double[] mergedWeighted = new double[n + m];
            double[] mergedWeights = new double[n + m];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < n || j < m) {
                int order = i == n ? 1 : j == m ? -1 : dates.get(i).compareTo(series.dates.get(j));
                if (order <= 0) {
                    mergedDates.add(dates.get(i));
                    mergedWeighted[k] = weighted[i];
                    mergedWeights[k] = weights[i];
                    i++;
                } else {
                    mergedDates.add(series.dates.get(j));
                }
                if (order >= 0) {
                    mergedWeighted[k] += position.value() * series.returns[j];
                    mergedWeights[k] += position.value();
                    j++;
                }
                k++;
            }
            dates = mergedDates;
            weighted = Arrays.copyOf(mergedWeighted, k);
            weights = Arrays.copyOf(mergedWeights, k);
        }
        double[] returns = new double[dates.size()];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = weighted[i] / weights[i];
        }
        return new DailyReturnSeries(dates, returns);
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
            int order = dates.get(i).compareTo(other.dates.get(j));
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
