package com.marketopportunities.rebalance;

import java.util.Map;

/**
 * The portfolio before and after the suggested trims and purchases (SCANNER.md 6).
 *
 * @param before          share of each bucket before, in percent
 * @param after           share of each bucket after, in percent
 * @param riskBefore      annualized volatility of the value-weighted daily returns before, in
 *                        percent, or {@code null} when the histories are too short
 * @param riskAfter       the same after
 * @param totalFreed      money freed by the trims, in the base currency
 * @param totalInvested   money put into the gaps
 * @param netChange       {@code totalInvested - totalFreed}: new cash needed (negative: cash left)
 * @param remainingDrift  per target bucket, how far its share after lies outside its target
 *                        range, in percent points (negative below, positive above, 0 inside)
 */
public record Impact(Map<String, Double> before, Map<String, Double> after, Double riskBefore, Double riskAfter,
                     double totalFreed, double totalInvested, double netChange, Map<String, Double> remainingDrift) {
}
