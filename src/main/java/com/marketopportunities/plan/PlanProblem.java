package com.marketopportunities.plan;

import java.util.List;
import java.util.Map;

/**
 * What a plan is asked: an amount to spend on a portfolio as it stands (PLAN.md "Inputs").
 *
 * @param amount        the money to invest, in base currency (the cash, plus the trims' proceeds when used)
 * @param equityValue   the portfolio's equity value before the purchases (after the trims, when used)
 * @param bucketValues  each bucket's value in base currency before the purchases, both dimensions
 * @param buckets       every bucket of both dimensions, with its range
 * @param candidates    what may be bought (already scored at least the minimum)
 * @param maxPositions  at most this many purchases
 * @param minTicket     no purchase is smaller
 * @param lambda        weight of the score tie-break (PLAN.md: 1, never more than a point of drift)
 * @param greedyShares  the greedy split to compare with: symbol to its share of the amount (shares add
 *                      up to 1; empty when the greedy rule buys nothing)
 * @param now           each bucket's percent of the portfolio as it is, when it differs from the one the
 *                      purchases start from (trims sold first); {@code null}: the same
 */
public record PlanProblem(double amount, double equityValue, Map<String, Double> bucketValues, List<PlanBucket> buckets,
                          List<PlanCandidate> candidates, int maxPositions, double minTicket, double lambda,
                          Map<String, Double> greedyShares, Map<String, Double> now) {

    public PlanProblem {
        if (!(amount >= 0) || !(equityValue >= 0) || maxPositions < 1 || !(minTicket >= 0)) {
            throw new IllegalArgumentException("a plan needs an amount and an equity value of at least 0, at least one"
                    + " position and a ticket of at least 0");
        }
        bucketValues = Map.copyOf(bucketValues);
        buckets = List.copyOf(buckets);
        candidates = List.copyOf(candidates);
        greedyShares = Map.copyOf(greedyShares);
        now = now == null ? null : Map.copyOf(now);
    }

    /** A plan that starts from the portfolio as it is. */
    public PlanProblem(double amount, double equityValue, Map<String, Double> bucketValues, List<PlanBucket> buckets,
                       List<PlanCandidate> candidates, int maxPositions, double minTicket, double lambda,
                       Map<String, Double> greedyShares) {
        this(amount, equityValue, bucketValues, buckets, candidates, maxPositions, minTicket, lambda, greedyShares, null);
    }
}
