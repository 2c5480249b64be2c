package com.marketopportunities.portfolio;

import com.marketopportunities.text.Excerpt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One value of a row as the file wrote it, with the name of the column it came from (for
 * messages). Runs of white space, line breaks and no-break spaces inside are reduced to one
 * plain space, because exports wrap cells ({@code "Ouvert\n"}) and group digits with them;
 * control characters and escape sequences are dropped ({@link PrintableText}).
 *
 * @param column     the column (header as written, or JSON field name)
 * @param text       the tidied text, never {@code null}
 * @param jsonNumber whether the value was a JSON number, whose {@code .} is always the decimal
 *                   separator ({@code 1.234} is not ambiguous there)
 */
record Cell(String column, String text, boolean jsonNumber) {

    private static final Pattern WHITE_SPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** What brokers and spreadsheets write in a cell that has no value. */
    private static final Set<String> EMPTY_MARKERS = Set.of("", "-", "–", "—");

    Cell {
        // where file text enters: every face (table, JSON, messages) gets it printable
        column = PrintableText.of(column);
        text = text == null ? "" : tidy(PrintableText.of(text));
    }

    private static String tidy(String text) {
        return isTidy(text) ? text : WHITE_SPACE_RUN.matcher(text).replaceAll(" ").strip();
    }

    /** Printable ASCII with single spaces between words only: what most cells are, and nothing to tidy. */
    private static boolean isTidy(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ';
            if (c > 0x7E || c < 0x20
                    || space && (i == 0 || i == text.length() - 1 || text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** A value written as text (every CSV cell, a JSON string). */
    Cell(String column, String text) {
        this(column, text, false);
    }

    boolean isEmpty() {
        return EMPTY_MARKERS.contains(text);
    }

    /** The text in quotes, as messages show it. */
    String quoted() {
        return quote(text);
    }

    /** Text in quotes for a message, cut short so that a huge cell cannot flood it. */
    static String quote(String text) {
        return Excerpt.quoted(text);
    }
}
