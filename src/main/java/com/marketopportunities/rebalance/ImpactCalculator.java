package com.marketopportunities.rebalance;

import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.returns.DailyReturnSeries;
import com.marketopportunities.returns.ValuedHistory;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out the allocation and the risk of the portfolio before and after a rebalance: the
 * trims applied (value taken out of a holding's exposures pro rata), each gap's money put into
 * its top-scored candidate, which adds to every bucket it holds in both dimensions (VGK adds to
 * Europe and to its sectors). Shares are of the equity value before and after. Risk is the
 * annualized volatility of the value-weighted daily returns over the horizon's window, from the
 * real price histories in the base currency.
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
        Exposures before = new Exposures();
        Exposures after = new Exposures();
        for (Holding holding : holdings) {
            double kept = holding.value() - soldBySymbol.getOrDefault(holding.symbol(), 0.0);
            valueBefore.merge(holding.symbol(), holding.value(), Double::sum);
            valueAfter.merge(holding.symbol(), kept, Double::sum);
            before.add(holding.value(), holding.exposure());
            after.add(kept, holding.exposure());
            if (holding.history() != null) {
                histories.put(holding.symbol(), holding.history());
            }
        }
        double invested = 0;
        for (Purchase purchase : purchases) {
            invested += purchase.amount();
            valueAfter.merge(purchase.symbol(), purchase.amount(), Double::sum);
            after.add(purchase.amount(), purchase.exposure());
            if (purchase.history() != null) {
                histories.putIfAbsent(purchase.symbol(), purchase.history());
            }
        }
        Map<String, Double> pctBefore = new LinkedHashMap<>();
        Map<String, Double> pctAfter = new LinkedHashMap<>();
        Map<String, Dimension> dimensionOf = new LinkedHashMap<>();
        Map<String, Double> drift = new LinkedHashMap<>();
        for (Bucket bucket : taxonomy.buckets()) {
            pctBefore.put(bucket.name(), before.pct(bucket));
            pctAfter.put(bucket.name(), after.pct(bucket));
            dimensionOf.put(bucket.name(), bucket.dimension());
            drift.put(bucket.name(), bucket.driftPct(after.pct(bucket)));
        }
        return new Impact(pctBefore, pctAfter, dimensionOf, riskPct(valueBefore, histories, from, to),
                riskPct(valueAfter, histories, from, to), trims.freed(), invested, invested - trims.freed(), drift);
    }

    /** Equity value in total and per bucket of both dimensions. */
    private static final class Exposures {
        private final Map<Dimension, Map<String, Double>> values = new HashMap<>();
        private double equity;

        void add(double value, HoldingExposure exposure) {
            double equityPart = value * exposure.equityShare();
            equity += equityPart;
            for (Dimension dimension : Dimension.values()) {
                exposure.weights(dimension).byBucket().forEach((bucket, weight) -> values
                        .computeIfAbsent(dimension, key -> new HashMap<>()).merge(bucket, equityPart * weight,
                                Double::sum));
            }
        }

        double pct(Bucket bucket) {
            double value = values.getOrDefault(bucket.dimension(), Map.of()).getOrDefault(bucket.name(), 0.0);
            return equity <= 0 ? 0 : value / equity * 100;
        }
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
