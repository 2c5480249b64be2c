package com.marketopportunities.returns;

import com.marketopportunities.marketdata.PriceHistory;

/**
 * One position as a portfolio's daily returns weigh it.
 *
 * @param history its daily bars, or {@code null} when none could be had (it is then left out)
 * @param value   its value in the base currency (left out unless positive)
 */
public record ValuedHistory(PriceHistory history, double value) {
}
