package com.marketopportunities.scan;

import com.marketopportunities.currency.CurrencyUnit;
import com.marketopportunities.currency.ParsedCurrency;
import com.marketopportunities.text.Excerpt;
import java.util.Locale;

/**
 * The values a user chooses for one scan, each with the one rule it must follow: a number its
 * range, the base currency an ISO 4217 code. Requests are checked here, once, where the value
 * enters; the configuration's defaults use the same ranges. Each door names a parameter as its
 * users type it ({@code --min-gap}, {@code min_gap_pct}).
 */
public enum ScanParameter {

    /** The smallest gap reported, in percent points. */
    MIN_GAP(0, 50, "percent points"),
    /** Blue chips per gap besides its ETF. */
    TOP_N(0, 20, "blue chips per gap"),
    /** The base currency, when the portfolio file names none: a code, no range ({@link #checkCurrency}). */
    BASE_CURRENCY(Double.NaN, Double.NaN, "an ISO 4217 currency code such as EUR"),
    /** The amount to invest (PLAN.md), in the base currency. */
    CASH(0, 1e12, "an amount in the base currency"),
    /** The most purchases a plan makes. */
    MAX_POSITIONS(1, 100, "purchases"),
    /** The smallest purchase of a plan, in the base currency; at most the amount to invest. */
    MIN_TICKET(0, 1e12, "an amount in the base currency"),
    /** The lowest score a plan buys. */
    MIN_SCORE(0, 100, "a score");

    private final double min;
    private final double max;
    private final String unit;

    ScanParameter(double min, double max, String unit) {
        this.min = min;
        this.max = max;
        this.unit = unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /**
     * @return {@code value}
     * @throws InvalidScanParameterException when it is outside the range (or not a number)
     */
    public double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new InvalidScanParameterException(this, String.format(Locale.ROOT,
                    "must be between %s and %s (%s), got %s", plain(min), plain(max), unit, plain(value)));
        }
        return value;
    }

    /**
     * @return the code of the whole currency, upper case ({@code eur} is {@code EUR})
     * @throws InvalidScanParameterException when it is no ISO 4217 code, or a minor unit ({@code GBp})
     * @throws IllegalStateException when this parameter is a number
     */
    public String checkCurrency(String code) {
        if (this != BASE_CURRENCY) {
            throw new IllegalStateException(name() + " is a number, not a currency");
        }
        ParsedCurrency parsed = CurrencyUnit.parseBase(code);
        if (parsed instanceof ParsedCurrency.Unknown unknown) {
            throw new InvalidScanParameterException(this, "must be " + unit + ", got "
                    + Excerpt.quoted(unknown.written()) + " (" + unknown.reason() + ")");
        }
        return ((ParsedCurrency.Known) parsed).unit().iso();
    }

    /** A rule broken by this parameter's value against another's (a ticket larger than the amount). */
    public InvalidScanParameterException invalid(String rule) {
        return new InvalidScanParameterException(this, rule);
    }

    static String plain(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
