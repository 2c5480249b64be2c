package com.marketopportunities.portfolio;

/** The portfolio file formats of DATA.md. */
public enum PortfolioFormat {
    /** {@code symbol,market_value,...} or {@code symbol,quantity,price,...}. */
    CSV,
    /** {@code {"base_currency": "EUR", "positions": [...]}} (also the API's request body). */
    JSON,
    /** Saxo Bank position export, French or English headers. */
    SAXO
}
