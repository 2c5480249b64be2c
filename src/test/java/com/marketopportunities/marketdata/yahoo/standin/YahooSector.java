package com.marketopportunities.marketdata.yahoo.standin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A sector as Yahoo's {@code assetProfile} names it ({@code sector}/{@code sectorDisp}) and keys it
 * ({@code sectorKey}: lower case, words joined by '-', as in every 2025 recording:
 * "consumer-cyclical", "basic-materials"), and as a fund's {@code topHoldings.sectorWeightings}
 * keys it ({@code weightingKey}: "consumer_cyclical", "realestate", as in the QQQ recording).
 */
record YahooSector(String name, String key, String weightingKey) {

    /** S&amp;P GICS sector names (as fundamentals.csv has them) to Yahoo's names. */
    private static final Map<String, String> FROM_GICS = Map.ofEntries(
            Map.entry("information technology", "Technology"),
            Map.entry("health care", "Healthcare"),
            Map.entry("consumer discretionary", "Consumer Cyclical"),
            Map.entry("consumer staples", "Consumer Defensive"),
            Map.entry("financials", "Financial Services"),
            Map.entry("materials", "Basic Materials"),
            Map.entry("communication services", "Communication Services"),
            Map.entry("industrials", "Industrials"),
            Map.entry("energy", "Energy"),
            Map.entry("utilities", "Utilities"),
            Map.entry("real estate", "Real Estate"));

    /** Yahoo's own names pass through unchanged (fundamentals.csv uses some for ETFs). */
    private static final Map<String, String> YAHOO_NAMES = Map.ofEntries(
            Map.entry("technology", "Technology"),
            Map.entry("healthcare", "Healthcare"),
            Map.entry("consumer cyclical", "Consumer Cyclical"),
            Map.entry("consumer defensive", "Consumer Defensive"),
            Map.entry("financial services", "Financial Services"),
            Map.entry("basic materials", "Basic Materials"));

    /** Yahoo's names to the keys of {@code topHoldings.sectorWeightings} (all eleven in the QQQ recording). */
    private static final Map<String, String> WEIGHTING_KEYS = Map.ofEntries(
            Map.entry("Technology", "technology"),
            Map.entry("Healthcare", "healthcare"),
            Map.entry("Consumer Cyclical", "consumer_cyclical"),
            Map.entry("Consumer Defensive", "consumer_defensive"),
            Map.entry("Financial Services", "financial_services"),
            Map.entry("Basic Materials", "basic_materials"),
            Map.entry("Communication Services", "communication_services"),
            Map.entry("Industrials", "industrials"),
            Map.entry("Energy", "energy"),
            Map.entry("Utilities", "utilities"),
            Map.entry("Real Estate", "realestate"));

    /**
     * Yahoo's sector for a GICS (or already Yahoo) sector name; empty for a blank or unknown name
     * (such as "Diversified"), which Yahoo's profile then leaves out.
     */
    static Optional<YahooSector> of(String sectorName) {
        String lower = sectorName == null ? "" : sectorName.trim().toLowerCase(Locale.ROOT);
        String name = FROM_GICS.getOrDefault(lower, YAHOO_NAMES.get(lower));
        return Optional.ofNullable(name)
                .map(found -> new YahooSector(found, found.toLowerCase(Locale.ROOT).replace(' ', '-'),
                        WEIGHTING_KEYS.get(found)));
    }
}
