package com.marketopportunities.exposure;

import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the whole portfolio holds (EXPOSURE.md 1): its value per asset class, and its equity value
 * per sector and per region. Both dimensions share one denominator, the equity value (the equity
 * parts of all holdings, classified or not), so a 60/40 investor is not told to buy every sector.
 * Money in the base currency.
 *
 * @param assetClasses value per asset class, in {@link AssetClass} order, those held only
 * @param sectors      equity value per sector: every sector of the taxonomy, then Unclassified when held
 * @param regions      equity value per region, likewise
 */
public record PortfolioExposure(Map<AssetClass, Double> assetClasses, Allocation sectors, Allocation regions) {

    public PortfolioExposure {
        EnumMap<AssetClass, Double> copy = new EnumMap<>(AssetClass.class);
        copy.putAll(assetClasses);
        assetClasses = Collections.unmodifiableMap(copy);
    }

    /** A holding's value in the base currency with what it is. */
    public record Valued(double value, HoldingExposure exposure) {
    }

    public static PortfolioExposure of(List<Valued> holdings, Taxonomy taxonomy) {
        Map<AssetClass, Double> classes = new EnumMap<>(AssetClass.class);
        for (Valued holding : holdings) {
            holding.exposure().assetClasses().forEach((assetClass, weight) ->
                    classes.merge(assetClass, holding.value() * weight, Double::sum));
        }
        return new PortfolioExposure(classes, allocation(holdings, taxonomy, Dimension.SECTOR),
                allocation(holdings, taxonomy, Dimension.REGION));
    }

    /**
     * The equity value per bucket of a dimension: the taxonomy's buckets in order, even when
     * empty, then Unclassified when anything is.
     */
    public static Allocation allocation(List<Valued> holdings, Taxonomy taxonomy, Dimension dimension) {
        Map<String, Double> values = new LinkedHashMap<>();
        taxonomy.buckets(dimension).forEach(bucket -> values.put(bucket.name(), 0.0));
        for (Valued holding : holdings) {
            double equity = holding.value() * holding.exposure().equityShare();
            holding.exposure().weights(dimension).byBucket().forEach((bucket, weight) ->
                    values.merge(bucket, equity * weight, Double::sum));
        }
        return new Allocation(values);
    }

    public Allocation allocation(Dimension dimension) {
        return dimension == Dimension.SECTOR ? sectors : regions;
    }

    /** The value of the equity parts of all holdings, classified or not: the denominator of both dimensions. */
    public double equityValue() {
        return assetClasses.getOrDefault(AssetClass.EQUITY, 0.0);
    }

    /** The value of the whole portfolio, every asset class. */
    public double totalValue() {
        return assetClasses.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each dimension's allocation, for the gaps. */
    public Map<Dimension, Allocation> byDimension() {
        return Map.of(Dimension.SECTOR, sectors, Dimension.REGION, regions);
    }

    /** The share of a target bucket in the equity value, in percent. */
    public double pct(Bucket bucket) {
        return allocation(bucket.dimension()).pct(bucket.name());
    }

    /** The share of the equity value that is Unclassified in a dimension, in percent. */
    public double unclassifiedPct(Dimension dimension) {
        return allocation(dimension).pct(Taxonomy.UNCLASSIFIED);
    }
}
