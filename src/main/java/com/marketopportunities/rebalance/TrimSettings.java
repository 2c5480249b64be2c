package com.marketopportunities.rebalance;

/**
 * The numbers of SCANNER.md section 5 (suggested trims), as configuration.
 *
 * @param protectedTopN       the largest holdings never suggested for a trim (2)
 * @param minHoldingDays      positions held fewer days than this are not trimmed (30)
 * @param maxSalePct          the most of one position a trim sells, in percent (30)
 * @param minSaleScore        a position is sellable from this sale score (10)
 * @param sufficientRatio     capital is sufficient when freed >= this share of what is needed (0.95)
 * @param returnBars          bars of the recent return signal (60, about 3 months)
 */
public record TrimSettings(int protectedTopN, int minHoldingDays, double maxSalePct, double minSaleScore,
                           double sufficientRatio, int returnBars) {

    public static TrimSettings defaults() {
        return new TrimSettings(2, 30, 30, 10, 0.95, 60);
    }
}
