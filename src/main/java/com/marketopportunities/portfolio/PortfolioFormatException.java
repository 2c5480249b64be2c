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
            where.append(", column '").append(column).append('\'');
        }
        return where + ": " + problem;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** The column at fault, or {@code null}. */
    public String column() {
        return column;
    }
}
