package com.marketopportunities.returns;

/**
 * The statistics of daily returns that scores and risk share: one place for each.
 */
public final class ReturnStatistics {

    private ReturnStatistics() {
    }

    /**
     * {@code (close[-1] / close[-k] - 1) * 100}: the return in percent from the k-th close from the
     * end to the last.
     */
    public static double percentChange(double[] closes, int k) {
        return (closes[closes.length - 1] / closes[closes.length - k] - 1) * 100;
    }

    /** Daily simple returns {@code close[i]/close[i-1] - 1}, one fewer than the closes. */
    public static double[] simpleReturns(double[] closes) {
        if (closes.length < 2) {
            return new double[0];
        }
        double[] returns = new double[closes.length - 1];
        for (int i = 1; i < closes.length; i++) {
            returns[i - 1] = closes[i] / closes[i - 1] - 1;
        }
        return returns;
    }

    /** Sample standard deviation (n - 1); {@code NaN} for fewer than two values. */
    public static double sampleStdev(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** Annualized volatility of daily returns as a fraction (0.25 = 25 %): {@code stdev * sqrt(days)}. */
    public static double annualizedVolatility(double[] dailyReturns, int tradingDaysPerYear) {
        return sampleStdev(dailyReturns) * Math.sqrt(tradingDaysPerYear);
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Pearson correlation of two equally long series; {@code NaN} when either is constant or too short. */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("series differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < a.length; i++) {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
            varianceB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varianceA == 0 || varianceB == 0 ? Double.NaN : covariance / Math.sqrt(varianceA * varianceB);
    }
}
