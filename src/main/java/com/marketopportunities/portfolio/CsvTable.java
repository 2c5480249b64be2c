package com.marketopportunities.portfolio;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text file as a header and rows of cells, each row knowing the physical line it
 * starts on, so that a message points at the right line even after a cell that spans several
 * lines. The delimiter ({@code ,}, {@code ;} or tab) is the one the header line uses most.
 */
final class CsvTable {

    private static final char[] DELIMITERS = {',', ';', '\t'};

    /**
     * @param line  the 1-based line where the row starts
     * @param cells the cells as written (quotes removed, nothing else changed)
     */
    record Row(int line, List<String> cells) {

        Row {
            cells = List.copyOf(cells);
        }

        /** The cell of that column, or an empty text when the row is shorter or the column is -1. */
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final Row header;
    /** The header as messages show it, made once. */
    private final Row columnNames;
    private final List<Row> rows;

    private CsvTable(Row header, List<Row> rows) {
        this.header = header;
        this.columnNames = new Row(header.line(), header.cells().stream().map(cell -> new Cell(null, cell).text())
                .toList());
        this.rows = List.copyOf(rows);
    }

    /**
     * @throws PortfolioFormatException when the text is not well-formed CSV (e.g. a quote that is
     *                                  never closed) or has no header line
     */
    static CsvTable parse(SourceText text) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiterOf(text.content()))
                .setIgnoreEmptyLines(false) // blank lines stay records, so line numbers stay exact
                .get();
        Row header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.content()), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // the parser has consumed exactly the previous records' line breaks
                int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException malformed) {
                    throw new PortfolioFormatException(text.name(), line, null, "not readable as CSV ("
                            + malformed.getCause().getMessage() + "); expected each quote to be closed before"
                            + " the next delimiter");
                }
                Row row = new Row(line, record.toList());
                if (header == null && !row.isBlank()) {
                    header = row;
                } else if (header != null) {
                    rows.add(row);
                }
            }
        } catch (IOException notExpectedFromAString) {
            throw new UncheckedIOException(notExpectedFromAString);
        }
        if (header == null) {
            throw new PortfolioFormatException(text.name(), 0, null, "no header line; the file has only empty lines");
        }
        return new CsvTable(header, rows);
    }

    Row header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * The problem of a row with text beyond the header's last column: a delimiter inside an
     * unquoted cell ({@code MSFT,12,5} meant as 12.5) would otherwise shift or cut a value silently.
     */
    Optional<RowProblem> overflow(Row row) {
        int columns = header.cells().size();
        if (row.cells().stream().skip(columns).allMatch(String::isBlank)) {
            return Optional.empty();
        }
        return Optional.of(new RowProblem(row.line(), null, row.cells().size() + " cells, but the header has "
                + columns + " columns; a cell that contains the delimiter must be quoted (e.g. \"12,5\")"));
    }

    /** The header of that column as messages show it: line breaks and runs of spaces made one space. */
    String columnName(int column) {
        return columnNames.cell(column);
    }

    /** The header cells for a message: {@code ticker, value}. */
    String describeHeader() {
        return IntStream.range(0, header.cells().size()).mapToObj(this::columnName).collect(Collectors.joining(", "));
    }

    /** The delimiter used most, outside quotes, on the first line that is not blank. */
    private static char delimiterOf(String text) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        boolean lineHasText = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (lineHasText) {
                    break;
                }
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
            lineHasText |= !Character.isWhitespace(c);
        }
        int most = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[most]) {
                most = d;
            }
        }
        return DELIMITERS[most];
    }
}
