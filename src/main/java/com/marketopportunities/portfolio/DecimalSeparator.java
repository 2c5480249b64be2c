package com.marketopportunities.portfolio;

/**
 * The character a number column writes before its decimals; the other one (or a space, or an
 * apostrophe) separates thousands.
 */
enum DecimalSeparator {
    /** {@code 1,234.50}: a dot before the decimals, commas between thousands. */
    DOT('.'),
    /** {@code 1.234,50}: a comma before the decimals, dots between thousands. */
    COMMA(',');

    private final char character;

    DecimalSeparator(char character) {
        this.character = character;
    }

    char character() {
        return character;
    }

    /** The separator of the thousands that goes with this decimal separator. */
    char grouping() {
        return this == DOT ? ',' : '.';
    }
}
