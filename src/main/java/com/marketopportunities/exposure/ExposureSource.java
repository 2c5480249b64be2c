package com.marketopportunities.exposure;

import java.util.Locale;

/** Which rule of EXPOSURE.md 2 gave a holding's weights in a dimension. */
public enum ExposureSource {
    /** A column of the portfolio file ({@code sector}, {@code region}, {@code country}). */
    FILE,
    /** The market-data provider's breakdown of the fund. */
    PROVIDER_FUND,
    /** The product's known-fund table. */
    KNOWN_FUND,
    /** The provider's fund category, through the category table. */
    FUND_CATEGORY,
    /** The candidate universe, which lists blue chips with their sector and country. */
    UNIVERSE,
    /** The provider's company profile (sector, country). */
    PROFILE,
    /** The ISIN's country prefix (a stock's). */
    ISIN,
    /** The listing exchange's suffix (a stock's). */
    LISTING,
    /** No rule applied: the weight is all Unclassified. */
    UNCLASSIFIED;

    /** The name the answer writes: {@code provider_fund}, {@code known_fund}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
