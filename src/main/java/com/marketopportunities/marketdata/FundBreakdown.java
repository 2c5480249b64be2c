package com.marketopportunities.marketdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fund holds, as the provider breaks it down (EXPOSURE.md 2a). Weights are fractions
 * (0.25 = 25 %) as the provider gives them: they are neither checked nor normalized here, for
 * the exposure rules say what to do with weights that do not add up. A map is empty when the
 * provider has no breakdown in that dimension.
 *
 * @param sectors      sector name as the provider writes it (Yahoo {@code technology},
 *                     {@code financial_services}; the CSV folder's GICS names) -> weight
 * @param regions      region name (EXPOSURE.md: North America, Europe, Japan, Asia Pacific,
 *                     Emerging Markets) -> weight; Yahoo has none
 * @param assetClasses Equity, Fixed Income, Commodities, Cash or Other -> weight
 * @param category     the provider's fund category (Yahoo {@code fundProfile.categoryName},
 *                     e.g. "Large Growth"), or {@code null}
 * @param asOf         the date of the figures as the provider gives it, or {@code null}
 * @param source       where the figures come from, for the answer (e.g. "Yahoo topHoldings",
 *                     "funds.csv: iShares ACWI holdings 2024-12-24"), or {@code null}
 */
public record FundBreakdown(Map<String, Double> sectors, Map<String, Double> regions,
                            Map<String, Double> assetClasses, String category, String asOf, String source) {

    public FundBreakdown {
        sectors = copy(sectors);
        regions = copy(regions);
        assetClasses = copy(assetClasses);
    }

    /** Whether the provider said anything at all about the fund. */
    public boolean isEmpty() {
        return sectors.isEmpty() && regions.isEmpty() && assetClasses.isEmpty() && category == null;
    }

    /**
     * A fund's breakdown gathered from the rows of a long table ({@code funds.csv}, the known-fund
     * table: {@code symbol,exposure,bucket,weight,as_of,source}), as they are read. A bucket given
     * twice is summed; the first category, date and source win. Not thread-safe: one reader's.
     */
    public static final class Builder {
        private final Map<String, Double> sectors = new LinkedHashMap<>();
        private final Map<String, Double> regions = new LinkedHashMap<>();
        private final Map<String, Double> assetClasses = new LinkedHashMap<>();
        private String category;
        private String asOf;
        private String source;

        /**
         * @param exposure {@code sector}, {@code region}, {@code asset_class} or {@code category}
         *                 (any case; the caller has checked it is one of them)
         * @param weight   the fraction; ignored for a category, whose bucket is its name
         * @param asOf     the row's date, or {@code null}
         * @param source   the row's source, or {@code null}
         */
        public Builder add(String exposure, String bucket, Double weight, String asOf, String source) {
            switch (exposure.toLowerCase(java.util.Locale.ROOT)) {
                case "sector" -> sectors.merge(bucket, weight, Double::sum);
                case "region" -> regions.merge(bucket, weight, Double::sum);
                case "asset_class" -> assetClasses.merge(bucket, weight, Double::sum);
                case "category" -> category = category == null ? bucket : category;
                default -> throw new IllegalArgumentException("not an exposure: " + exposure);
            }
            this.asOf = this.asOf == null ? asOf : this.asOf;
            this.source = this.source == null ? source : this.source;
            return this;
        }

        /** @param origin where the table is, prefixed to the rows' source ("funds.csv", "known-fund table") */
        public FundBreakdown build(String origin) {
            return new FundBreakdown(sectors, regions, assetClasses, category, asOf,
                    source == null ? origin : origin + ": " + source);
        }
    }

    private static Map<String, Double> copy(Map<String, Double> weights) {
        return weights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }
}
