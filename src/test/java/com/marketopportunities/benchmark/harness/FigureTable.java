package com.marketopportunities.benchmark.harness;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Figures side by side, one row per thing compared (a cache backend, a failover), printed as a Markdown
 * table so that BENCHMARKS.md can take it as it is; the same rows go into the JSON report.
 *
 * @param title   what the rows compare and under which conditions
 * @param columns the header; the first names the row
 * @param rows    each as many cells as {@code columns}, already formatted
 * @param notes   lines printed under the table (how a figure was taken, why one misses its target)
 */
record FigureTable(String title, List<String> columns, List<List<String>> rows, List<String> notes) {

    FigureTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of '" + title + "' has " + row.size() + " cells for "
                        + columns.size() + " columns: " + row);
            }
        }
    }

    /** The header, its rule and the rows, with a pipe in a cell escaped. */
    String markdown() {
        StringBuilder table = new StringBuilder(line(columns));
        table.append(columns.stream().map(column -> "---").collect(Collectors.joining("|", "|", "|\n")));
        rows.forEach(row -> table.append(line(row)));
        return table.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
