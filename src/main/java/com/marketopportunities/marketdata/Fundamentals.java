package com.marketopportunities.marketdata;

import java.util.Locale;
import java.util.Set;

/**
 * Fundamentals and profile of one symbol. Every number is {@code null} when the provider has none.
 *
 * @param instrumentType  "ETF", "EQUITY", ... as the provider says, or {@code null}
 * @param sector          the provider's sector name, unmapped (e.g. "Consumer Cyclical",
 *                        "Information Technology"), or {@code null}
 * @param pegRatio        PEG ratio, or else the trailing PEG ratio, or {@code null}
 * @param dividendYield   dividend yield as a FRACTION (0.025 = 2.5 %), or {@code null}
 * @param country         the company's country as the provider writes it (Yahoo
 *                        {@code assetProfile.country}, e.g. "Switzerland"), or {@code null}
 *                        (always for a fund: where a fund is domiciled says nothing of what it holds)
 * @param fund            a fund's breakdown (EXPOSURE.md 2a), or {@code null} when the symbol is
 *                        not a fund or the provider has none
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
        Double dividendYield,
        String country,
        FundBreakdown fund) {

    private static final Set<String> FUND_TYPES = Set.of("ETF", "MUTUALFUND", "FUND", "ETP");

    /** Fundamentals without country or fund breakdown. */
    public Fundamentals(String symbol, String name, String instrumentType, String sector, String currency,
                        Double trailingPe, Double forwardPe, Double pegRatio, Double dividendYield) {
        this(symbol, name, instrumentType, sector, currency, trailingPe, forwardPe, pegRatio, dividendYield, null,
                null);
    }

    /** No fundamentals known: every pillar that needs them falls back to its neutral value. */
    public static Fundamentals none(String symbol) {
        return new Fundamentals(symbol, null, null, null, null, null, null, null, null);
    }

    public boolean isEtf() {
        return "ETF".equalsIgnoreCase(instrumentType);
    }

    /**
     * Whether a provider's instrument type is a fund's: "ETF" or "MUTUALFUND" (Yahoo's words),
     * "FUND" or "ETP", any case.
     */
    public static boolean isFundType(String instrumentType) {
        return instrumentType != null && FUND_TYPES.contains(instrumentType.toUpperCase(Locale.ROOT));
    }
}
