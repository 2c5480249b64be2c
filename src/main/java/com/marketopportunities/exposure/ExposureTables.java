package com.marketopportunities.exposure;

import com.marketopportunities.marketdata.FundBreakdown;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The product's own tables behind EXPOSURE.md 2, each a resource file a user can replace.
 *
 * @param knownFunds     symbol -> the fund's figures (rule 2b), each with its date and source
 * @param fundCategories fund category (Morningstar, as Yahoo writes it) -> region weights (rule 2c)
 * @param countries      country -> region, ISIN prefixes and listing suffixes (rule 3)
 */
public record ExposureTables(Map<String, FundBreakdown> knownFunds, Map<String, Map<String, Double>> fundCategories,
                             Countries countries) {

    public ExposureTables {
        Map<String, FundBreakdown> funds = new LinkedHashMap<>();
        knownFunds.forEach((symbol, figures) -> funds.put(symbol.toUpperCase(Locale.ROOT), figures));
        knownFunds = Map.copyOf(funds);
        Map<String, Map<String, Double>> categories = new LinkedHashMap<>();
        fundCategories.forEach((category, weights) -> categories.put(key(category), Map.copyOf(weights)));
        fundCategories = Map.copyOf(categories);
    }

    public Optional<FundBreakdown> knownFund(String symbol) {
        return Optional.ofNullable(knownFunds.get(symbol.toUpperCase(Locale.ROOT)));
    }

    /** The region weights of a category, matched ignoring case and spacing. */
    public Optional<Map<String, Double>> categoryRegions(String category) {
        return category == null ? Optional.empty() : Optional.ofNullable(fundCategories.get(key(category)));
    }

    private static String key(String category) {
        return category.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
