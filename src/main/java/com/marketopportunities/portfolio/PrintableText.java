package com.marketopportunities.portfolio;

import java.util.regex.Pattern;

/**
 * Text made safe to print on a terminal or return to a client: a portfolio file is downloaded
 * from anywhere, and an escape sequence in a name ({@code ESC[2J}, {@code ESC]0;title BEL}) must
 * not reach a terminal raw. Escape sequences go whole; every other control character (C0, DEL,
 * C1) goes too, except tabs and line breaks, which become a space.
 */
public final class PrintableText {

    /** CSI ({@code ESC [ ... final}) and OSC ({@code ESC ] ... BEL or ESC \}) sequences, 7- and 8-bit. */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "(?:\\u001B\\[|\\u009B)[0-?]*[ -/]*[@-~]?|(?:\\u001B\\]|\\u009D)[^\\u0007\\u001B\\u009C]*(?:\\u0007|\\u001B\\\\|\\u009C)?");
    private static final Pattern LINE_BREAK_OR_TAB = Pattern.compile("[\\t\\n\\r]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private PrintableText() {
    }

    /** The text without escape sequences and control characters; {@code null} stays {@code null}. */
    public static String of(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        String withoutSequences = ESCAPE_SEQUENCE.matcher(text).replaceAll("");
        return CONTROL.matcher(LINE_BREAK_OR_TAB.matcher(withoutSequences).replaceAll(" ")).replaceAll("");
    }

    /** Whether the text has a control character (C0, DEL, C1), without which it has no escape sequence either. */
    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }
}
