package com.marketopportunities.rebalance;

/** A position that is not suggested for a trim, and the guard that kept it. */
public record ExcludedPosition(String symbol, String guard) {
}
