package com.marketopportunities.portfolio;

import java.util.List;
import java.util.Objects;

/**
 * A portfolio: its positions, its base currency (the currency every figure of a scan is given
 * in) and which currency each position's {@link Position#marketValue()} is in.
 *
 * <p>The base currency (EXPOSURE.md 3): the file's (a Saxo export's account currency, JSON
 * {@code base_currency}), else the user's choice ({@link #withBaseCurrencyChoice}), else
 * {@link #DEFAULT_BASE_CURRENCY}. {@link #baseCurrencyOrigin()} remembers which one it is, so that
 * a choice made after the file was read does not override the file.
 *
 * <p>A position's value is in {@link #valueCurrency(Position)}: the base currency when the file
 * gives every value in it ({@link Values#IN_BASE_CURRENCY}: a Saxo export, whose values are in
 * the account currency whatever the instrument's; or a portfolio already converted), else the
 * position's own {@link Position#currency()}, else the base currency.
 *
 * @param baseCurrency       an upper-case currency code; {@code null} or blank is {@link #DEFAULT_BASE_CURRENCY}
 *                           (and then the origin is {@link BaseCurrencyOrigin#DEFAULT})
 * @param baseCurrencyOrigin who named the base currency
 * @param values             which currency the positions' values are in
 * @param positions          the holdings, in the order of the file
 */
public record Portfolio(String baseCurrency, BaseCurrencyOrigin baseCurrencyOrigin, Values values,
                        List<Position> positions) {

    public static final String DEFAULT_BASE_CURRENCY = "USD";

    /** Who named a portfolio's base currency, from the strongest to the weakest. */
    public enum BaseCurrencyOrigin {
        /** The portfolio itself: a Saxo export's value header, JSON {@code base_currency}, a caller's code. */
        PORTFOLIO,
        /** The user, because the portfolio names none ({@code --base-currency}, {@code base_currency}). */
        USER,
        /** Nobody: {@link #DEFAULT_BASE_CURRENCY}. */
        DEFAULT
    }

    /** Which currency the values of a portfolio's positions are in. */
    public enum Values {
        /** Each position's value is in its own {@link Position#currency()}, or the base currency when it has none. */
        IN_POSITION_CURRENCY,
        /** Every value is in the base currency, whatever the position's currency (a Saxo export, a converted portfolio). */
        IN_BASE_CURRENCY
    }

    public Portfolio {
        if (baseCurrency == null || baseCurrency.isBlank()) {
            baseCurrency = DEFAULT_BASE_CURRENCY;
            baseCurrencyOrigin = BaseCurrencyOrigin.DEFAULT;
        } else {
            baseCurrency = baseCurrency.trim().toUpperCase(java.util.Locale.ROOT);
        }
        Objects.requireNonNull(baseCurrencyOrigin, "baseCurrencyOrigin");
        Objects.requireNonNull(values, "values");
        positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
    }

    /**
     * A portfolio whose values are each in their position's currency (else the base currency); a
     * given base currency is the portfolio's own, {@code null} the default.
     */
    public Portfolio(String baseCurrency, List<Position> positions) {
        this(baseCurrency, BaseCurrencyOrigin.PORTFOLIO, Values.IN_POSITION_CURRENCY, positions);
    }

    /**
     * The currency of the position's {@link Position#marketValue()}: the base currency when
     * {@link #values()} says every value is in it, else the position's currency, else the base
     * currency. A code as the file wrote it, minor units included ({@code GBp}).
     */
    public String valueCurrency(Position position) {
        return values == Values.IN_BASE_CURRENCY ? baseCurrency : currencyOrBase(position);
    }

    /**
     * The currency of the position's prices (and so of its price history, as far as the file
     * knows): its {@link Position#currency()}, else the base currency.
     */
    public String priceCurrency(Position position) {
        return currencyOrBase(position);
    }

    /**
     * This portfolio with the base currency the user chose, unless the portfolio names its own
     * (the file's comes first, EXPOSURE.md 3). A {@code null} choice changes nothing.
     *
     * @param currency an upper-case ISO 4217 code, or {@code null}
     */
    public Portfolio withBaseCurrencyChoice(String currency) {
        if (currency == null || baseCurrencyOrigin == BaseCurrencyOrigin.PORTFOLIO) {
            return this;
        }
        return new Portfolio(currency, BaseCurrencyOrigin.USER, values, positions);
    }

    /**
     * The sum of the positions' values as they are: a figure in the base currency only when every
     * value is in it ({@link Values#IN_BASE_CURRENCY}, or every {@link #valueCurrency} the base).
     */
    public double totalValue() {
        return positions.stream().mapToDouble(Position::marketValue).sum();
    }

    private String currencyOrBase(Position position) {
        return position.currency() != null ? position.currency() : baseCurrency;
    }
}
