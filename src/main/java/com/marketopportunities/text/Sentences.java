package com.marketopportunities.text;

import java.util.Locale;

/**
 * Sentences with numbers in them, as the product writes them in rationales, reasons and warnings:
 * a dot before the decimals and commas between thousands, whatever the machine's locale.
 */
public final class Sentences {

    /**
     * Writes numbers as {@link Locale#ROOT} does (the same digits and separators), and is the one
     * locale {@link java.util.Formatter} writes without looking its symbols up: half the cost of a
     * format, of which a warm scan makes a few hundred.
     */
    private static final Locale NUMBERS = Locale.US;

    private Sentences() {
    }

    /** {@link String#format} with numbers written as above. */
    public static String format(String pattern, Object... args) {
        return String.format(NUMBERS, pattern, args);
    }
}
