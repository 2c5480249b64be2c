package com.marketopportunities.currency;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A currency as files and the provider write it: an ISO 4217 currency counted in whole units
 * ({@code GBP}), or in the minor unit the provider quotes some markets in (Yahoo's {@code GBp}
 * or {@code GBX} pence for London, {@code ZAc} or {@code ZAC} cents for Johannesburg, {@code ILA}
 * agorot for Tel Aviv).
 *
 * @param written  the code as read, tidied: {@code GBp}, {@code ZAc}, {@code USD}
 * @param iso      the ISO 4217 code of the whole currency: {@code GBP} for {@code GBp}
 * @param perWhole how many written units make one whole unit: 1, or 100 for a minor unit
 */
public record CurrencyUnit(String written, String iso, int perWhole) {

    /** Minor units spelled with one small letter, as Yahoo writes them; case matters ({@code GBP} is pounds). */
    private static final Map<String, String> MINOR_AS_WRITTEN = Map.of("GBp", "GBP", "ZAc", "ZAR");
    /** Minor units with a code of their own, in any case. */
    private static final Map<String, String> MINOR_CODES = Map.of("GBX", "GBP", "ZAC", "ZAR", "ILA", "ILS");
    private static final int MINOR_PER_WHOLE = 100;
    /** How Yahoo spells a minor unit: the currency's first two capitals and a small letter. */
    private static final Pattern YAHOO_MINOR_SPELLING = Pattern.compile("[A-Z]{2}[a-z]");
    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Za-z]{3}");
    private static final String MINOR_UNITS_KNOWN = "GBp, GBX, ZAc, ZAC, ILA";

    public CurrencyUnit {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(iso, "iso");
        if (perWhole < 1) {
            throw new IllegalArgumentException("perWhole must be 1 or more, got " + perWhole);
        }
    }

    /**
     * Reads a currency code: the provider's minor units first (case-sensitive for {@code GBp} and
     * {@code ZAc}), then any ISO 4217 code in any case ({@code chf} is {@code CHF}).
     *
     * @param text the code as a file or a provider wrote it, or {@code null}
     * @return {@link ParsedCurrency.Known}, or {@link ParsedCurrency.Unknown} with the reason in plain words
     */
    public static ParsedCurrency parse(String text) {
        String code = text == null ? "" : text.strip();
        if (code.isEmpty()) {
            return new ParsedCurrency.Unknown(code, "no currency code");
        }
        if (!THREE_LETTERS.matcher(code).matches()) {
            return new ParsedCurrency.Unknown(code, "not a currency code; expected three letters such as EUR");
        }
        String minorOf = MINOR_AS_WRITTEN.get(code);
        if (minorOf == null && YAHOO_MINOR_SPELLING.matcher(code).matches()) {
            // USd, EUr: written like a minor unit, but not one the provider quotes in
            return new ParsedCurrency.Unknown(code, "not an ISO 4217 code, nor a minor unit the provider quotes in ("
                    + MINOR_UNITS_KNOWN + ")");
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (minorOf == null) {
            minorOf = MINOR_CODES.get(upper);
        }
        if (minorOf != null) {
            return new ParsedCurrency.Known(new CurrencyUnit(code, minorOf, MINOR_PER_WHOLE));
        }
        try {
            return new ParsedCurrency.Known(new CurrencyUnit(upper, Currency.getInstance(upper).getCurrencyCode(), 1));
        } catch (IllegalArgumentException notIso) {
            return new ParsedCurrency.Unknown(code, "not an ISO 4217 code");
        }
    }

    /**
     * Reads the code of a base currency: a whole ISO 4217 currency, in any case; a minor unit is
     * refused (a portfolio is not counted in pence).
     */
    public static ParsedCurrency parseBase(String text) {
        ParsedCurrency parsed = parse(text);
        if (parsed instanceof ParsedCurrency.Known known && known.unit().isMinor()) {
            return new ParsedCurrency.Unknown(known.unit().written(), "a minor unit (1/" + known.unit().perWhole()
                    + " " + known.unit().iso() + "); expected a whole currency such as " + known.unit().iso());
        }
        return parsed;
    }

    /**
     * The unit of a code known to be valid (tests, constants).
     *
     * @throws IllegalArgumentException with the reason, when it is not
     */
    public static CurrencyUnit of(String text) {
        ParsedCurrency parsed = parse(text);
        if (parsed instanceof ParsedCurrency.Unknown unknown) {
            throw new IllegalArgumentException("currency '" + unknown.written() + "': " + unknown.reason());
        }
        return ((ParsedCurrency.Known) parsed).unit();
    }

    /** Whether the unit is a hundredth of its currency ({@code GBp}). */
    public boolean isMinor() {
        return perWhole != 1;
    }

    /** An amount of this unit in whole units of {@link #iso()}: 9,550 GBp are 95.50 GBP. */
    public double toWhole(double amount) {
        return amount / perWhole;
    }
}
