package com.marketopportunities.plan;

import java.util.List;
import java.util.Map;

/**
 * The answer to "what should I buy with this amount?" (PLAN.md "Output").
 *
 * @param method          how the purchases were found
 * @param purchases       largest first; their amounts add up to {@code amount} to the cent, or there are none
 * @param driftBefore     sum over the buckets of the squared points outside their ranges, now
 * @param driftAfter      the same after the purchases
 * @param greedyDriftAfter the same after the greedy split of the amount, for comparison
 * @param before          each bucket's percent of the equity value now
 * @param after           each bucket's percent after the purchases
 * @param notes           what a reader should know: why nothing is bought, why greedy was kept, an amount
 *                        larger than the gaps
 */
public record Plan(double amount, Method method, List<Purchase> purchases, double driftBefore, double driftAfter,
                   double greedyDriftAfter, Map<String, Double> before, Map<String, Double> after, List<String> notes) {

    public Plan {
        purchases = List.copyOf(purchases);
        before = Map.copyOf(before);
        after = Map.copyOf(after);
        notes = List.copyOf(notes);
    }

    /** How a plan's purchases were found. */
    public enum Method {
        /** The convex program, with the cardinality and ticket limits. */
        OPTIMIZED,
        /** The greedy split: the optimiser's answer was no better. */
        GREEDY,
        /** Nothing to buy. */
        NONE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One purchase.
     *
     * @param fills points each bucket's percent moves up by this purchase alone
     * @param why   what it fills and why it was chosen over the other candidates of its bucket
     */
    public record Purchase(PlanCandidate candidate, double amount, Map<String, Double> fills, String why) {
        public Purchase {
            fills = Map.copyOf(fills);
        }
    }
}
