package com.marketopportunities.rebalance;

import com.marketopportunities.exposure.PortfolioExposure;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.returns.DailyReturnSeries;
import com.marketopportunities.returns.ValuedHistory;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
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
        List<PortfolioExposure.Valued> before = new ArrayList<>();
        List<PortfolioExposure.Valued> after = new ArrayList<>();
        for (Holding holding : holdings) {
            double kept = holding.value() - soldBySymbol.getOrDefault(holding.symbol(), 0.0);
            valueBefore.merge(holding.symbol(), holding.value(), Double::sum);
            valueAfter.merge(holding.symbol(), kept, Double::sum);
            before.add(new PortfolioExposure.Valued(holding.value(), holding.exposure()));
            after.add(new PortfolioExposure.Valued(kept, holding.exposure()));
            if (holding.history() != null) {
                histories.put(holding.symbol(), holding.history());
            }
        }
        double invested = 0;
        for (Purchase purchase : purchases) {
            invested += purchase.amount();
            valueAfter.merge(purchase.symbol(), purchase.amount(), Double::sum);
            after.add(new PortfolioExposure.Valued(purchase.amount(), purchase.exposure()));
            if (purchase.history() != null) {
                histories.putIfAbsent(purchase.symbol(), purchase.history());
            }
        }
        PortfolioExposure exposureBefore = PortfolioExposure.of(before, taxonomy);
        PortfolioExposure exposureAfter = PortfolioExposure.of(after, taxonomy);
        Map<String, Double> pctBefore = new LinkedHashMap<>();
        Map<String, Double> pctAfter = new LinkedHashMap<>();
        Map<String, Dimension> dimensionOf = new LinkedHashMap<>();
        Map<String, Double> drift = new LinkedHashMap<>();
        for (Bucket bucket : taxonomy.buckets()) {
            pctBefore.put(bucket.name(), exposureBefore.pct(bucket));
            pctAfter.put(bucket.name(), exposureAfter.pct(bucket));
            dimensionOf.put(bucket.name(), bucket.dimension());
            drift.put(bucket.name(), bucket.driftPct(exposureAfter.pct(bucket)));
        }
        return new Impact(pctBefore, pctAfter, dimensionOf, riskPct(valueBefore, histories, from, to),
                riskPct(valueAfter, histories, from, to), trims.freed(), invested, invested - trims.freed(), drift);
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
