package com.marketopportunities.portfolio;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One holding of a portfolio, as read from a file.
 *
 * <p>Which currency the money is in is the {@link Portfolio}'s to say: the value is in
 * {@link Portfolio#valueCurrency(Position)} (the file's {@code currency} column, else the base
 * currency; for a Saxo export always the account currency, the base), the prices in
 * {@link Portfolio#priceCurrency(Position)}. Optional fields are {@code null} when the file does
 * not give them.
 *
 * @param symbol       provider symbol (Yahoo convention, e.g. {@code BRK-B}, {@code SLHN.SW})
 * @param sourceSymbol the symbol exactly as the file wrote it (e.g. {@code BRKb:xnys})
 * @param name         display name, or {@code null}
 * @param marketValue  current value in {@link Portfolio#valueCurrency(Position)}, {@code >= 0}
 * @param quantity     number of units, or {@code null}
 * @param currentPrice current price per unit in {@link Portfolio#priceCurrency(Position)}, or {@code null}
 * @param entryPrice   average entry price per unit, in the same currency, or {@code null}
 * @param currency     the currency the file names for the position (its {@code currency} or
 *                     {@code Devise} column), or {@code null}: ISO codes upper-cased ({@code USD}),
 *                     the provider's minor units kept as written ({@code GBp} pence, {@code ZAc}
 *                     cents), since upper-casing {@code GBp} would make pounds of pence
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

    /** This position worth {@code newValue} (in another currency, once converted). */
    public Position withMarketValue(double newValue) {
        return new Position(symbol, sourceSymbol, name, newValue, quantity, currentPrice, entryPrice,
                currency, sector, assetType, acquired, sourceLine, region, country, isin);
    }

    public Position withSector(String newSector) {
        return new Position(symbol, sourceSymbol, name, marketValue, quantity, currentPrice, entryPrice,
                currency, newSector, assetType, acquired, sourceLine, region, country, isin);
    }
}
