package com.marketopportunities.rebalance;

import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.returns.DailyReturnSeries;
import com.marketopportunities.returns.ValuedHistory;
import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Taxonomy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out the allocation and the risk of the portfolio before and after a rebalance: the
 * trims applied, each gap's money put into its top-scored candidate. Risk is the annualized
 * volatility of the value-weighted daily returns over the horizon's window, from the real
 * price histories.
 */
public final class ImpactCalculator {

    private final Taxonomy taxonomy;
    private final int tradingDaysPerYear;

    public ImpactCalculator(Taxonomy taxonomy, int tradingDaysPerYear) {
        this.taxonomy = taxonomy;
        this.tradingDaysPerYear = tradingDaysPerYear;
    }

    /**
     * @param from first day of the risk window (inclusive)
     * @param to   the as-of date (inclusive)
     */
    public Impact impact(List<Holding> holdings, TrimPlan trims, List<Purchase> purchases, LocalDate from, LocalDate to) {
        Map<String, Double> soldBySymbol = new HashMap<>();
        trims.sales().forEach(sale -> soldBySymbol.merge(sale.symbol(), sale.saleValue(), Double::sum));

        Map<String, Double> valueBefore = new LinkedHashMap<>();
        Map<String, Double> valueAfter = new LinkedHashMap<>();
        Map<String, PriceHistory> histories = new HashMap<>();
        Map<String, Double> bucketBefore = new LinkedHashMap<>();
        Map<String, Double> bucketAfter = new LinkedHashMap<>();
        for (Bucket bucket : taxonomy.buckets()) {
            bucketBefore.put(bucket.name(), 0.0);
            bucketAfter.put(bucket.name(), 0.0);
        }
        for (Holding holding : holdings) {
            double after = holding.value() - soldBySymbol.getOrDefault(holding.symbol(), 0.0);
            valueBefore.merge(holding.symbol(), holding.value(), Double::sum);
            valueAfter.merge(holding.symbol(), after, Double::sum);
            bucketBefore.merge(holding.bucket(), holding.value(), Double::sum);
            bucketAfter.merge(holding.bucket(), after, Double::sum);
            if (holding.history() != null) {
                histories.put(holding.symbol(), holding.history());
            }
        }
        double invested = 0;
        for (Purchase purchase : purchases) {
            invested += purchase.amount();
            valueAfter.merge(purchase.symbol(), purchase.amount(), Double::sum);
            bucketAfter.merge(purchase.bucket(), purchase.amount(), Double::sum);
            if (purchase.history() != null) {
                histories.putIfAbsent(purchase.symbol(), purchase.history());
            }
        }
        Allocation before = new Allocation(bucketBefore);
        Allocation after = new Allocation(bucketAfter);
        Map<String, Double> drift = new LinkedHashMap<>();
        for (Bucket bucket : taxonomy.buckets()) {
            drift.put(bucket.name(), bucket.driftPct(after.pct(bucket.name())));
        }
        return new Impact(shares(before), shares(after), riskPct(valueBefore, histories, from, to),
                riskPct(valueAfter, histories, from, to), trims.freed(), invested, invested - trims.freed(), drift);
    }

    private static Map<String, Double> shares(Allocation allocation) {
        Map<String, Double> shares = new LinkedHashMap<>();
        allocation.valueByBucket().keySet().forEach(bucket -> shares.put(bucket, allocation.pct(bucket)));
        return shares;
    }

    /** Annualized volatility of the value-weighted returns, in percent, or {@code null}. */
    private Double riskPct(Map<String, Double> values, Map<String, PriceHistory> histories, LocalDate from,
                           LocalDate to) {
        List<ValuedHistory> positions = values.entrySet().stream()
                .map(entry -> new ValuedHistory(histories.get(entry.getKey()), entry.getValue())).toList();
        double volatility = DailyReturnSeries.valueWeighted(positions, from, to)
                .annualizedVolatility(tradingDaysPerYear);
        return Double.isNaN(volatility) ? null : volatility * 100;
    }
}
