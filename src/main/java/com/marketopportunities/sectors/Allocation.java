package com.marketopportunities.sectors;

import com.marketopportunities.portfolio.Position;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Money per bucket, in the portfolio's base currency, and the share of each in percent.
 * Other and Unknown count in the total like any bucket.
 */
public record Allocation(Map<String, Double> valueByBucket) {

    public Allocation {
        valueByBucket = Collections.unmodifiableMap(new LinkedHashMap<>(valueByBucket));
    }

    /**
     * The positions' market values added up per bucket: every bucket of the taxonomy, in its order,
     * even when empty, then Other and Unknown as the positions bring them.
     *
     * @param buckets each position's bucket, in the positions' order
     */
    public static Allocation of(List<Position> positions, List<String> buckets, Taxonomy taxonomy) {
        if (positions.size() != buckets.size()) {
            throw new IllegalArgumentException("one bucket per position is needed: " + positions.size()
                    + " positions, " + buckets.size() + " buckets");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        taxonomy.buckets().forEach(bucket -> values.put(bucket.name(), 0.0));
        for (int i = 0; i < positions.size(); i++) {
            values.merge(buckets.get(i), positions.get(i).marketValue(), Double::sum);
        }
        return new Allocation(values);
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
