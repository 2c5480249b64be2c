package com.marketopportunities.rebalance;

import com.marketopportunities.sectors.Dimension;
import java.util.Map;

/**
 * The portfolio before and after the suggested trims and purchases (SCANNER.md 6, EXPOSURE.md 4),
 * both dimensions recomputed with each instrument's own exposure.
 *
 * @param before          share of each target bucket (sectors, then regions) in the equity value
 *                        before, in percent
 * @param after           the same after
 * @param dimensionOf     the dimension of each bucket of {@code before}
 * @param riskBefore      annualized volatility of the value-weighted daily returns before, in
 *                        percent, or {@code null} when the histories are too short
 * @param riskAfter       the same after
 * @param totalFreed      money freed by the trims, in the base currency
 * @param totalInvested   money put into the gaps
 * @param netChange       {@code totalInvested - totalFreed}: new cash needed (negative: cash left)
 * @param remainingDrift  per target bucket, how far its share after lies outside its target
 *                        range, in percent points (negative below, positive above, 0 inside)
 */
public record Impact(Map<String, Double> before, Map<String, Double> after, Map<String, Dimension> dimensionOf,
                     Double riskBefore, Double riskAfter, double totalFreed, double totalInvested, double netChange,
                     Map<String, Double> remainingDrift) {
}
