package com.marketopportunities.portfolio;

/**
 * A portfolio file that cannot be imported at all (no readable header, too large, not the
 * format it claims, no position left). The message names the file, line and column and what
 * was expected.
 */
public class PortfolioFormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final String column;

    public PortfolioFormatException(String source, int line, String column, String problem) {
        super(describe(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String describe(String source, int line, String column, String problem) {
        StringBuilder where = new StringBuilder(source == null ? "portfolio" : source);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column != null) {
            // a syntax error's column is a character position, a header's column is a name
            boolean position = !column.isEmpty() && column.chars().allMatch(Character::isDigit);
            where.append(", column ").append(position ? column : "'" + column + "'");
        }
        // the parser's words may quote the file: the message is printed and returned, so it is made printable
        return PrintableText.of(where + ": " + problem);
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /**
     * The column at fault: a header or field name, or for a syntax error the 1-based character
     * position in the line; {@code null} when there is none.
     */
    public String column() {
        return column;
    }
}
