package com.marketopportunities.portfolio;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One position as a file wrote it, field by field, and the rules that make a {@link Position} of
 * it, the same for every format:
 *
 * <ul>
 *   <li>a symbol is required; it is {@linkplain ProviderSymbols#normalize normalized};</li>
 *   <li>numbers are read with the decimal separator their column settled ({@link NumberColumns});</li>
 *   <li>the market value is the {@code market_value} field, else {@code quantity} × {@code price};
 *       without either, or when it is not a number or negative, the row is a {@link RowProblem};
 *       a zero value is a position;</li>
 *   <li>{@code price} fills {@code current_price} when that is absent;</li>
 *   <li>a currency code is upper-cased, except the provider's minor units ({@code GBp} pence,
 *       {@code ZAc} cents), kept as written;</li>
 *   <li>an optional field that cannot be read (a price, a date) does not cost the position: it
 *       is imported without that field and a note says so.</li>
 * </ul>
 */
final class PositionRow {

    /** Yahoo's spelling of a minor unit: the currency's two capitals and a small letter ({@code GBp}, {@code ZAc}). */
    private static final Pattern MINOR_UNIT = Pattern.compile("[A-Z]{2}[a-z]");

    private final int line;
    private final Map<PositionField, Cell> cells = new EnumMap<>(PositionField.class);

    /** @param line the 1-based line of the file where the row starts */
    PositionRow(int line) {
        this.line = line;
    }

    /** The row of a CSV table, each field from its column. */
    static PositionRow of(CsvTable table, CsvTable.Row row, Map<PositionField, Integer> columns) {
        PositionRow position = new PositionRow(row.line());
        columns.forEach((field, column) -> position.with(field, new Cell(table.columnName(column), row.cell(column))));
        return position;
    }

    PositionRow with(PositionField field, Cell cell) {
        cells.put(field, cell);
        return this;
    }

    int line() {
        return line;
    }

    /** The cell of that field, or {@code null} when the file has no such column. */
    Cell cell(PositionField field) {
        return cells.get(field);
    }

    /**
     * Adds the position to {@code out}, or the reason it cannot be read.
     *
     * @param numbers the decimal separators of the file's number columns
     */
    void readInto(PortfolioImportBuilder out, NumberColumns numbers) {
        try {
            out.add(toPosition(out, numbers));
        } catch (UnreadableRow unreadable) {
            out.problem(unreadable.problem);
        }
    }

    private Position toPosition(PortfolioImportBuilder out, NumberColumns numbers) throws UnreadableRow {
        if (!has(PositionField.SYMBOL)) {
            throw unreadable(PositionField.SYMBOL, "no symbol");
        }
        Cell symbolCell = cells.get(PositionField.SYMBOL);
        NormalizedSymbol symbol;
        try {
            symbol = ProviderSymbols.normalize(symbolCell.text());
        } catch (IllegalArgumentException noTicker) {
            throw unreadable(PositionField.SYMBOL, noTicker.getMessage());
        }
        if (symbol.note() != null) {
            out.note(new RowProblem(line, symbolCell.column(), symbol.note()).toString());
        }
        double marketValue = marketValue(numbers);
        Double price = optional(PositionField.PRICE, number(PositionField.PRICE, numbers), out);
        Double currentPrice = optional(PositionField.CURRENT_PRICE, number(PositionField.CURRENT_PRICE, numbers), out);
        return new Position(
                symbol.symbol(),
                symbolCell.text(),
                text(PositionField.NAME),
                marketValue,
                optional(PositionField.QUANTITY, number(PositionField.QUANTITY, numbers), out),
                currentPrice != null ? currentPrice : price,
                optional(PositionField.ENTRY_PRICE, number(PositionField.ENTRY_PRICE, numbers), out),
                currencyCode(),
                text(PositionField.SECTOR),
                text(PositionField.ASSET_TYPE),
                optional(PositionField.ACQUIRED, DateText::parse, out),
                line,
                text(PositionField.REGION),
                text(PositionField.COUNTRY),
                isin());
    }

    private double marketValue(NumberColumns numbers) throws UnreadableRow {
        if (has(PositionField.MARKET_VALUE)) {
            return nonNegative(PositionField.MARKET_VALUE, numbers);
        }
        if (has(PositionField.QUANTITY) && has(PositionField.PRICE)) {
            return nonNegative(PositionField.QUANTITY, numbers) * nonNegative(PositionField.PRICE, numbers);
        }
        boolean quantityAndPriceColumns = cells.containsKey(PositionField.QUANTITY) && cells.containsKey(PositionField.PRICE);
        PositionField blank = cells.containsKey(PositionField.MARKET_VALUE) || !quantityAndPriceColumns
                ? PositionField.MARKET_VALUE
                : has(PositionField.QUANTITY) ? PositionField.PRICE : PositionField.QUANTITY;
        throw unreadable(blank, "no market value; expected a number"
                + (quantityAndPriceColumns ? " or both a quantity and a price" : ""));
    }

    private double nonNegative(PositionField field, NumberColumns numbers) throws UnreadableRow {
        Cell cell = cells.get(field);
        double value;
        try {
            value = number(field, numbers).apply(cell.text());
        } catch (IllegalArgumentException notANumber) {
            throw unreadable(field, notANumber.getMessage());
        }
        if (value < 0) {
            throw unreadable(field, cell.quoted() + " is negative; a position's value must be 0 or more"
                    + " (short positions are not analysed)");
        }
        return value;
    }

    /** The field read with {@code parser}, or {@code null} (with a note) when absent or unreadable. */
    private <T> T optional(PositionField field, Function<String, T> parser, PortfolioImportBuilder out) {
        if (!has(field)) {
            return null;
        }
        Cell cell = cells.get(field);
        try {
            return parser.apply(cell.text());
        } catch (IllegalArgumentException unreadable) {
            out.note(new RowProblem(line, cell.column(), unreadable.getMessage()
                    + "; the position is imported without it").toString());
            return null;
        }
    }

    /** How the field's numbers are read: a JSON number has a dot decimal, text the separator of its column. */
    private Function<String, Double> number(PositionField field, NumberColumns numbers) {
        Cell cell = cells.get(field);
        DecimalSeparator separator = cell != null && cell.jsonNumber() ? DecimalSeparator.DOT : numbers.of(field);
        return text -> NumberText.parse(text, separator);
    }

    /** The ISIN upper-cased without spaces, or {@code null}: only its country prefix is used, and only for a stock. */
    private String isin() {
        String isin = text(PositionField.ISIN);
        return isin == null ? null : isin.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** An ISO code upper-cased; the provider's minor units ({@code GBp}, {@code ZAc}) as written: 100x apart. */
    private String currencyCode() {
        String currency = text(PositionField.CURRENCY);
        if (currency == null) {
            return null;
        }
        return MINOR_UNIT.matcher(currency).matches() ? currency : currency.toUpperCase(Locale.ROOT);
    }

    private String text(PositionField field) {
        return has(field) ? cells.get(field).text() : null;
    }

    private boolean has(PositionField field) {
        Cell cell = cells.get(field);
        return cell != null && !cell.isEmpty();
    }

    private UnreadableRow unreadable(PositionField field, String message) {
        Cell cell = cells.get(field);
        return new UnreadableRow(new RowProblem(line, cell != null ? cell.column() : field.documentedName(), message));
    }

    /** Ends the reading of a row that cannot become a position. */
    private static final class UnreadableRow extends Exception {

        private final transient RowProblem problem;

        UnreadableRow(RowProblem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }
    }
}
