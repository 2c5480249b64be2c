package com.marketopportunities.portfolio;

import java.util.List;

/**
 * The result of reading a portfolio file: the positions that could be read, the rows that
 * could not (with the reason), and notes worth showing to the user (e.g. an unknown exchange
 * whose ticker was kept as is).
 *
 * @param source   the file name the portfolio came from (for messages)
 * @param format   the format that was detected or forced
 */
public record PortfolioImport(
        String source,
        PortfolioFormat format,
        Portfolio portfolio,
        List<RowProblem> skippedRows,
        List<String> notes) {

    public PortfolioImport {
        skippedRows = List.copyOf(skippedRows);
        notes = List.copyOf(notes);
    }
}
