package com.marketopportunities.portfolio;

/**
 * A row of a portfolio file that could not be imported, and why. Rows are reported, never
 * silently dropped.
 *
 * @param line     1-based line number in the file where the row starts
 * @param column   the column (header name, or field name for JSON) at fault, or {@code null}
 * @param message  what was found and what was expected, in words a person can act on
 */
public record RowProblem(int line, String column, String message) {

    public RowProblem {
        column = PrintableText.of(column);
        message = PrintableText.of(message); // it may quote a JSON value as the file wrote it
    }

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column '" + column + "'") + ": " + message;
    }
}
