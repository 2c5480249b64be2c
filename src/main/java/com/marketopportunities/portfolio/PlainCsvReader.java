package com.marketopportunities.portfolio;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the plain CSV format of DATA.md: a header naming the {@linkplain PositionField fields}
 * (any case, spaces, underscores or hyphens), {@code symbol} and {@code market_value} or
 * {@code quantity} and {@code price} required, other columns ignored.
 */
final class PlainCsvReader {

    private static final String EXPECTED_HEADER =
            "expected a header with 'symbol' and 'market_value' (or 'quantity' and 'price')";

    private PlainCsvReader() {
    }

    /** @throws PortfolioFormatException when the header lacks a required column */
    static void read(CsvTable table, PortfolioImportBuilder out) {
        Map<PositionField, Integer> columns = columnsOf(table.header().cells());
        boolean hasValue = columns.containsKey(PositionField.MARKET_VALUE)
                || columns.containsKey(PositionField.QUANTITY) && columns.containsKey(PositionField.PRICE);
        if (!columns.containsKey(PositionField.SYMBOL) || !hasValue) {
            String missing = !columns.containsKey(PositionField.SYMBOL)
                    ? "no 'symbol' column"
                    : "no 'market_value' column and no 'quantity' and 'price' columns";
            throw new PortfolioFormatException(out.source(), table.header().line(), null,
                    missing + "; " + EXPECTED_HEADER + ", found: " + table.describeHeader());
        }
        List<CsvTable.Row> rows = table.rows().stream()
                .filter(row -> !row.isBlank())
                .toList();
        NumberColumns numbers = NumberColumns.decide(out.source(), rows.stream()
                .filter(row -> table.overflow(row).isEmpty())
                .map(row -> PositionRow.of(table, row, columns))
                .toList());
        for (CsvTable.Row row : rows) {
            Optional<RowProblem> overflow = table.overflow(row);
            if (overflow.isPresent()) {
                out.problem(overflow.get());
            } else {
                PositionRow.of(table, row, columns).readInto(out, numbers);
            }
        }
    }

    /** The column of each field the header names; the first one wins when a name repeats. */
    private static Map<PositionField, Integer> columnsOf(List<String> header) {
        Map<PositionField, Integer> columns = new EnumMap<>(PositionField.class);
        for (int column = 0; column < header.size(); column++) {
            int index = column;
            PositionField.named(header.get(column)).ifPresent(field -> columns.putIfAbsent(field, index));
        }
        return columns;
    }
}
