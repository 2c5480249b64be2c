package com.marketopportunities.plan;

import java.util.Map;
import java.util.Objects;

/**
 * An instrument the plan may buy: an ETF or a blue chip of a gap, with its score and what one unit of
 * money in it adds to each bucket (its look-through, EXPOSURE.md 2: the equity part times the
 * dimension's weight).
 *
 * @param score   composite score, 0-100
 * @param weights bucket name to the fraction of the purchase that counts in it, per dimension (a
 *                fund's sectors add up to its equity part, and so do its regions)
 */
public record PlanCandidate(String symbol, String name, String type, double score, Map<String, Double> weights) {

    public PlanCandidate {
        Objects.requireNonNull(symbol, "symbol");
        weights = Map.copyOf(weights);
    }

    /** The fraction of the purchase that counts in {@code bucket}. */
    public double weight(String bucket) {
        return weights.getOrDefault(bucket, 0.0);
    }
}
