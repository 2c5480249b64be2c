package com.marketopportunities.portfolio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number the way brokers and spreadsheets write it: {@code 7387.1}, {@code 0,06%},
 * {@code 860 USD}, {@code 8 679 USD} (plain, no-break or narrow no-break space between
 * thousands), {@code 1,234.56}, {@code 1.234,56}, {@code 1'234.5}, {@code -12}, {@code (12)}.
 *
 * <p>A single comma without a dot is a decimal separator ({@code 12,5} is 12.5): the exports that
 * write commas are European. A US-style {@code 1,234} therefore reads as 1.234; write thousands
 * with a space or with both separators ({@code 1,234.00}). A trailing percent sign is dropped, not
 * applied: {@code 0,06%} is 0.06. A currency code or sign before or after the number is dropped.
 */
final class NumberText {

    private static final Pattern SPACES_AND_APOSTROPHES = Pattern.compile("[\\s'’]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CURRENCY_PREFIX = Pattern.compile("^(?:[A-Za-z]{3}|[$€£¥])");
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("(?:[A-Za-z]{3}|[$€£¥])$");
    private static final Pattern NUMERAL = Pattern.compile("(\\d[\\d.,]*)([eE][-+]?\\d+)?");

    private NumberText() {
    }

    /**
     * @throws IllegalArgumentException with a message naming the text, when it is not a number
     */
    static double parse(String text) {
        String rest = SPACES_AND_APOSTROPHES.matcher(text).replaceAll("");
        boolean negative = false;
        if (rest.length() > 2 && rest.startsWith("(") && rest.endsWith(")")) {
            // accounting notation for a negative amount
            negative = true;
            rest = rest.substring(1, rest.length() - 1);
        }
        if (rest.endsWith("%")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        rest = CURRENCY_SUFFIX.matcher(rest).replaceFirst("");
        for (int pass = 0; pass < 2; pass++) {
            // the sign may stand before or after a leading currency: "-$5", "USD -5"
            if (rest.startsWith("-") || rest.startsWith("−")) {
                negative = !negative;
                rest = rest.substring(1);
            } else if (rest.startsWith("+")) {
                rest = rest.substring(1);
            }
            if (pass == 0) {
                rest = CURRENCY_PREFIX.matcher(rest).replaceFirst("");
            }
        }
        Matcher numeral = NUMERAL.matcher(rest);
        if (!numeral.matches()) {
            throw notANumber(text);
        }
        String exponent = numeral.group(2) == null ? "" : numeral.group(2);
        double value = Double.parseDouble(withDotDecimal(numeral.group(1), text) + exponent);
        if (!Double.isFinite(value)) {
            throw notANumber(text);
        }
        return negative ? -value : value;
    }

    /** Rewrites digits with grouping and decimal separators as Java reads them: no grouping, a dot. */
    private static String withDotDecimal(String digits, String original) {
        int commas = count(digits, ',');
        int dots = count(digits, '.');
        char decimal;
        char grouping;
        if (commas > 0 && dots > 0) {
            decimal = digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.';
            grouping = decimal == ',' ? '.' : ',';
        } else if (commas + dots == 0) {
            return digits;
        } else {
            char separator = commas > 0 ? ',' : '.';
            boolean single = commas + dots == 1;
            decimal = single ? separator : 0;
            grouping = single ? 0 : separator;
        }
        String integerPart = digits;
        String fraction = "";
        if (decimal != 0) {
            int at = digits.lastIndexOf(decimal);
            if (digits.indexOf(decimal) != at) {
                throw notANumber(original);
            }
            integerPart = digits.substring(0, at);
            fraction = digits.substring(at + 1);
        }
        if (!fraction.chars().allMatch(Character::isDigit)) {
            throw notANumber(original);
        }
        if (grouping != 0 && integerPart.indexOf(grouping) >= 0) {
            if (!integerPart.matches("\\d{1,3}(" + Pattern.quote(String.valueOf(grouping)) + "\\d{3})+")) {
                throw notANumber(original);
            }
            integerPart = integerPart.replace(String.valueOf(grouping), "");
        }
        return fraction.isEmpty() ? integerPart : integerPart + "." + fraction;
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(c -> c == wanted).count();
    }

    private static IllegalArgumentException notANumber(String text) {
        return new IllegalArgumentException(Cell.quote(text) + " is not a number");
    }
}
