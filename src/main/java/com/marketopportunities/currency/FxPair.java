package com.marketopportunities.currency;

import java.util.regex.Pattern;

/**
 * An FX pair in Yahoo's convention: {@code {FROM}{TO}=X} is the price of one {@code from} in
 * {@code to} ({@code CHFEUR=X}: euros per Swiss franc).
 *
 * @param from the ISO 4217 code of the currency priced
 * @param to   the ISO 4217 code of the currency it is priced in
 */
public record FxPair(String from, String to) {

    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");

    public FxPair {
        requireCode(from);
        requireCode(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("an FX pair is of two currencies, got " + from + " twice");
        }
    }

    /** @throws IllegalArgumentException when the code is not three upper-case letters */
    static String requireCode(String code) {
        if (code == null || !ISO_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("expected an upper-case ISO 4217 code such as EUR, got " + code);
        }
        return code;
    }

    /** The provider's symbol of the pair: {@code CHFEUR=X}. */
    public String symbol() {
        return from + to + "=X";
    }

    /** The pair the other way round: {@code EURCHF} for {@code CHFEUR}. */
    public FxPair inverse() {
        return new FxPair(to, from);
    }

    @Override
    public String toString() {
        return symbol();
    }
}
