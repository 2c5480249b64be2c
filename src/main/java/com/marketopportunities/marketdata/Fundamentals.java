package com.marketopportunities.marketdata;

/**
 * Fundamentals and profile of one symbol. Every number is {@code null} when the provider has none.
 *
 * @param instrumentType  "ETF", "EQUITY", ... as the provider says, or {@code null}
 * @param sector          the provider's sector name, unmapped (e.g. "Consumer Cyclical",
 *                        "Information Technology"), or {@code null}
 * @param pegRatio        PEG ratio, or else the trailing PEG ratio, or {@code null}
 * @param dividendYield   dividend yield as a FRACTION (0.025 = 2.5 %), or {@code null}
 */
public record Fundamentals(
        String symbol,
        String name,
        String instrumentType,
        String sector,
        String currency,
        Double trailingPe,
        Double forwardPe,
        Double pegRatio,
        Double dividendYield) {

    /** No fundamentals known: every pillar that needs them falls back to its neutral value. */
    public static Fundamentals none(String symbol) {
        return new Fundamentals(symbol, null, null, null, null, null, null, null, null);
    }

    public boolean isEtf() {
        return "ETF".equalsIgnoreCase(instrumentType);
    }
}
