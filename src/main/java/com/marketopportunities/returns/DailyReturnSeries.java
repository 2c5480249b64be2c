package com.marketopportunities.returns;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        TreeMap<LocalDate, double[]> sums = new TreeMap<>();
        for (ValuedHistory position : positions) {
            if (position.history() == null || position.value() <= 0) {
                continue;
            }
            DailyReturnSeries series = of(position.history(), from, to);
            for (int i = 0; i < series.returns.length; i++) {
                double[] sum = sums.computeIfAbsent(series.dates.get(i), date -> new double[2]);
                sum[0] += position.value() * series.returns[i];
                sum[1] += position.value();
            }
        }
        double[] returns = sums.values().stream().mapToDouble(sum -> sum[0] / sum[1]).toArray();
        return new DailyReturnSeries(new ArrayList<>(sums.keySet()), returns);
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
        Map<LocalDate, Double> mine = new TreeMap<>();
        for (int i = 0; i < returns.length; i++) {
            mine.put(dates.get(i), returns[i]);
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < other.returns.length; i++) {
            Double own = mine.get(other.dates.get(i));
            if (own != null) {
                pairs.add(new double[] {own, other.returns[i]});
            }
        }
        if (pairs.size() < minOverlap) {
            return Double.NaN;
        }
        return ReturnStatistics.pearson(pairs.stream().mapToDouble(pair -> pair[0]).toArray(),
                pairs.stream().mapToDouble(pair -> pair[1]).toArray());
    }
}
