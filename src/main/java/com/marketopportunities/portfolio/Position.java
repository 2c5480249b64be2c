package com.marketopportunities.portfolio;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One holding of a portfolio, as read from a file.
 *
 * <p>Money is in the portfolio's base currency unless {@code currency} says otherwise for the
 * prices; {@code marketValue} is always in the base currency. Optional fields are {@code null}
 * when the file does not give them.
 *
 * @param symbol       provider symbol (Yahoo convention, e.g. {@code BRK-B}, {@code SLHN.SW})
 * @param sourceSymbol the symbol exactly as the file wrote it (e.g. {@code BRKb:xnys})
 * @param name         display name, or {@code null}
 * @param marketValue  current value in the base currency, {@code >= 0}
 * @param quantity     number of units, or {@code null}
 * @param currentPrice current price per unit in the instrument's currency, or {@code null}
 * @param entryPrice   average entry price per unit, or {@code null}
 * @param currency     the instrument's trading currency, or {@code null}
 * @param sector       sector as given by the file (free text, mapped to GICS later), or {@code null}
 * @param assetType    asset type as given by the file (e.g. "ETF", "Stock"), or {@code null}
 * @param acquired     acquisition date, or {@code null}
 * @param sourceLine   the 1-based line of the file where the position starts (0 when not from a file)
 * @param region       region as given by the file (free text, mapped to a region bucket later), or {@code null}
 * @param country      the company's country as given by the file (e.g. "Switzerland"), or {@code null}
 * @param isin         the ISIN as given by the file (e.g. {@code CH0012032048}), or {@code null}
 */
public record Position(
        String symbol,
        String sourceSymbol,
        String name,
        double marketValue,
        Double quantity,
        Double currentPrice,
        Double entryPrice,
        String currency,
        String sector,
        String assetType,
        LocalDate acquired,
        int sourceLine,
        String region,
        String country,
        String isin) {

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is blank");
        }
        if (!(marketValue >= 0) || Double.isInfinite(marketValue)) {
            throw new IllegalArgumentException("market value must be a finite number >= 0, got " + marketValue);
        }
        if (sourceSymbol == null) {
            sourceSymbol = symbol;
        }
    }

    /** A position whose file says nothing of its region, country or ISIN. */
    public Position(String symbol, String sourceSymbol, String name, double marketValue, Double quantity,
                    Double currentPrice, Double entryPrice, String currency, String sector, String assetType,
                    LocalDate acquired, int sourceLine) {
        this(symbol, sourceSymbol, name, marketValue, quantity, currentPrice, entryPrice, currency, sector, assetType,
                acquired, sourceLine, null, null, null);
    }

    /** A position known only by symbol and value (tests, API callers). */
    public static Position of(String symbol, double marketValue) {
        return new Position(symbol, symbol, null, marketValue, null, null, null, null, null, null, null, 0);
    }

    /** Unrealized profit or loss in percent of the entry price, when both prices are known. */
    public Double unrealizedPnlPct() {
        if (entryPrice == null || currentPrice == null || entryPrice <= 0) {
            return null;
        }
        return (currentPrice / entryPrice - 1) * 100;
    }

    public Position withSector(String newSector) {
        return new Position(symbol, sourceSymbol, name, marketValue, quantity, currentPrice, entryPrice,
                currency, newSector, assetType, acquired, sourceLine, region, country, isin);
    }
}
