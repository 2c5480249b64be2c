package com.marketopportunities.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The buckets' percents of a portfolio with some purchases added, and how far they drift from their
 * ranges. A purchase adds to each bucket its amount times its weight there; the percents are of the
 * equity value plus the amount bought (PLAN.md: the total is fixed once the amount is, which keeps the
 * program convex).
 */
final class Allocation {

    private Allocation() {
    }

    /** Each bucket's percent, in the order of {@code problem.buckets()}, with {@code bought} added. */
    static Map<String, Double> pcts(PlanProblem problem, Map<PlanCandidate, Double> bought) {
        double total = problem.equityValue() + bought.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> pcts = new LinkedHashMap<>();
        for (PlanBucket bucket : problem.buckets()) {
            double value = problem.bucketValues().getOrDefault(bucket.name(), 0.0);
            for (Map.Entry<PlanCandidate, Double> purchase : bought.entrySet()) {
                value += purchase.getValue() * purchase.getKey().weight(bucket.name());
            }
            pcts.put(bucket.name(), total > 0 ? 100 * value / total : 0);
        }
        return pcts;
    }

    /** The sum over the buckets of the squared points outside their ranges. */
    static double drift(List<PlanBucket> buckets, Map<String, Double> pcts) {
        double drift = 0;
        for (PlanBucket bucket : buckets) {
            double distance = bucket.distance(pcts.getOrDefault(bucket.name(), 0.0));
            drift += distance * distance;
        }
        return drift;
    }

    /** Whether some bucket lies below its range. */
    static boolean anyBelow(List<PlanBucket> buckets, Map<String, Double> pcts) {
        return buckets.stream().anyMatch(bucket -> pcts.getOrDefault(bucket.name(), 0.0) < bucket.minPct() - 1e-9);
    }
}
