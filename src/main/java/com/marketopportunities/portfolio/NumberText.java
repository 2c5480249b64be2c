package com.marketopportunities.portfolio;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number the way brokers and spreadsheets write it: {@code 7387.1}, {@code 0,06%},
 * {@code 860 USD}, {@code 8 679 USD} (plain, no-break or narrow no-break space between
 * thousands), {@code 1,234.56}, {@code 1.234,56}, {@code 1'234.5}, {@code -12}, {@code (12)}.
 *
 * <p>Most numbers say which of {@code ,} and {@code .} is their decimal separator: the last of
 * the two when both appear, the one that is not repeated ({@code 1,234,567}), one followed by
 * other than three digits ({@code 12,5}, {@code 7387.1}) or after a leading zero, more than
 * three digits or grouping spaces ({@code 0,500}, {@code 1234.567}, {@code 1 234,567}). A lone
 * separator between one to three digits and exactly three ({@code 2,000}, {@code 1.500}) could be
 * either: such a number is {@linkplain #isAmbiguous ambiguous} and is read with the separator its
 * column settles ({@link NumberColumns}), never guessed. A trailing percent sign is dropped, not
 * applied: {@code 0,06%} is 0.06. A currency code or sign before or after the number is dropped.
 */
final class NumberText {

    private static final Pattern SPACES_AND_APOSTROPHES = Pattern.compile("[\\s'’]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GROUPED_BY_SPACES = Pattern.compile("\\d[\\s'’]+\\d", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CURRENCY_PREFIX = Pattern.compile("^(?:[A-Za-z]{3}|[$€£¥])");
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("(?:[A-Za-z]{3}|[$€£¥])$");
    private static final Pattern NUMERAL = Pattern.compile("(\\d[\\d.,]*)([eE][-+]?\\d+)?");

    private NumberText() {
    }

    /**
     * Reads a number that needs no column to say its decimal separator.
     *
     * @throws IllegalArgumentException with a message naming the text, when it is not a number or
     *                                  is {@linkplain #isAmbiguous ambiguous}
     */
    static double parse(String text) {
        return parse(text, null);
    }

    /**
     * Reads a number; {@code columnSeparator} decides only an {@linkplain #isAmbiguous ambiguous}
     * one, a number that says its own separator is read with it.
     *
     * @param columnSeparator the separator the number's column settled, or {@code null}
     * @throws IllegalArgumentException with a message naming the text, when it is not a number, or
     *                                  is ambiguous and no separator is given
     */
    static double parse(String text, DecimalSeparator columnSeparator) {
        Numeral numeral = Numeral.of(text);
        DecimalSeparator separator = numeral.separator == Said.EITHER ? columnSeparator : numeral.separator.decimal;
        if (numeral.separator == Said.EITHER && separator == null) {
            throw new IllegalArgumentException(ambiguity(text));
        }
        double value = Double.parseDouble(numeral.withDotDecimal(separator, text) + numeral.exponent);
        if (!Double.isFinite(value)) {
            throw notANumber(text);
        }
        return numeral.negative ? -value : value;
    }

    /** The decimal separator the text says by itself; empty when it has none, could be either, or is not a number. */
    static Optional<DecimalSeparator> decimalSeparatorOf(String text) {
        try {
            return Optional.ofNullable(Numeral.of(text).separator.decimal);
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /** Whether the text is a number with a lone separator that could be decimal or thousands ({@code 2,000}). */
    static boolean isAmbiguous(String text) {
        try {
            return Numeral.of(text).separator == Said.EITHER;
        } catch (IllegalArgumentException notANumber) {
            return false;
        }
    }

    /** What a numeral says about its decimal separator. */
    private enum Said {
        NOTHING(null), DOT(DecimalSeparator.DOT), COMMA(DecimalSeparator.COMMA), EITHER(null);

        private final DecimalSeparator decimal;

        Said(DecimalSeparator decimal) {
            this.decimal = decimal;
        }

        static Said decimal(char separator) {
            return separator == ',' ? COMMA : DOT;
        }
    }

    /** The digits of a number with their separators, without sign, currency or percent. */
    private record Numeral(boolean negative, String digits, String exponent, Said separator) {

        static Numeral of(String text) {
            boolean groupedBySpaces = GROUPED_BY_SPACES.matcher(text).find();
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
            String digits = numeral.group(1);
            String exponent = numeral.group(2) == null ? "" : numeral.group(2);
            return new Numeral(negative, digits, exponent, said(digits, !exponent.isEmpty() || groupedBySpaces));
        }

        /**
         * @param decimalOnly whether a lone separator can only be decimal (an exponent follows,
         *                    or spaces already group the thousands)
         */
        private static Said said(String digits, boolean decimalOnly) {
            int commas = count(digits, ',');
            int dots = count(digits, '.');
            if (commas + dots == 0) {
                return Said.NOTHING;
            }
            if (commas > 0 && dots > 0) {
                return Said.decimal(digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.');
            }
            char separator = commas > 0 ? ',' : '.';
            if (commas + dots > 1) {
                return Said.decimal(separator == ',' ? '.' : ','); // a repeated separator groups thousands
            }
            int at = digits.indexOf(separator);
            String integerPart = digits.substring(0, at);
            boolean couldGroup = digits.length() - at - 1 == 3 && integerPart.length() <= 3
                    && integerPart.charAt(0) != '0';
            return couldGroup && !decimalOnly ? Said.EITHER : Said.decimal(separator);
        }

        /** The digits as Java reads them: no grouping, a dot before the decimals. */
        String withDotDecimal(DecimalSeparator decimal, String original) {
            if (decimal == null) {
                return digits; // no separator at all
            }
            String integerPart = digits;
            String fraction = "";
            int at = digits.lastIndexOf(decimal.character());
            if (at >= 0) {
                if (digits.indexOf(decimal.character()) != at) {
                    throw notANumber(original);
                }
                integerPart = digits.substring(0, at);
                fraction = digits.substring(at + 1);
            }
            if (!fraction.chars().allMatch(Character::isDigit) || !groupedByThousands(integerPart, decimal.grouping())) {
                throw notANumber(original);
            }
            integerPart = integerPart.replace(String.valueOf(decimal.grouping()), "");
            return fraction.isEmpty() ? integerPart : integerPart + "." + fraction;
        }

        /** Digits without {@code grouping}, or one to three digits then groups of three after each {@code grouping}. */
        private static boolean groupedByThousands(String integerPart, char grouping) {
            int first = integerPart.indexOf(grouping);
            if (first < 0) {
                return true;
            }
            if (first == 0 || first > 3) {
                return false;
            }
            // a loop, not a regular expression: a repeated group overflows the stack on a huge cell
            for (int at = first; at < integerPart.length(); at += 4) {
                if (integerPart.charAt(at) != grouping || at + 4 > integerPart.length()
                        || integerPart.substring(at + 1, at + 4).indexOf(grouping) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Why an {@linkplain #isAmbiguous ambiguous} number cannot be read alone, for a message:
     * {@code '2,000' could be 2000 (',' separating thousands) or 2 (',' before decimals)}.
     */
    static String ambiguity(String text) {
        Numeral numeral = Numeral.of(text);
        char separator = numeral.digits.indexOf(',') >= 0 ? ',' : '.';
        String asThousands = numeral.digits.replace(String.valueOf(separator), "");
        String asDecimals = new BigDecimal(numeral.digits.replace(separator, '.')).stripTrailingZeros().toPlainString();
        String sign = numeral.negative ? "-" : "";
        return Cell.quote(text) + " could be " + sign + asThousands + " ('" + separator + "' separating thousands) or "
                + sign + asDecimals + " ('" + separator + "' before decimals)";
    }

    /**
     * The ways to write an {@linkplain #isAmbiguous ambiguous} number that say what it is, for a
     * message: {@code without the separator (2000) or with decimals (2,000.00 or 2.000,00)}.
     */
    static String unambiguousForms(String text) {
        String digits = Numeral.of(text).digits.replaceAll("[.,]", "");
        String thousands = digits.substring(0, digits.length() - 3);
        String units = digits.substring(digits.length() - 3);
        return "without the separator (" + digits + ") or with decimals (" + thousands + "," + units + ".00 or "
                + thousands + "." + units + ",00)";
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(c -> c == wanted).count();
    }

    private static IllegalArgumentException notANumber(String text) {
        return new IllegalArgumentException(Cell.quote(text) + " is not a number");
    }
}
