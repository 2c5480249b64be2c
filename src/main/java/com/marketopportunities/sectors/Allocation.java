package com.marketopportunities.sectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Money per bucket of one dimension, in the portfolio's base currency, and the share of each in
 * percent of the total. Unclassified counts in the total like any bucket.
 */
public record Allocation(Map<String, Double> valueByBucket) {

    public Allocation {
        valueByBucket = Collections.unmodifiableMap(new LinkedHashMap<>(valueByBucket));
    }

    public double total() {
        return valueByBucket.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double value(String bucket) {
        return valueByBucket.getOrDefault(bucket, 0.0);
    }

    /** The bucket's share of the total, in percent (0 for an empty portfolio). */
    public double pct(String bucket) {
        double total = total();
        return total <= 0 ? 0 : value(bucket) / total * 100;
    }

}
