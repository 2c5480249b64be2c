package com.marketopportunities.portfolio;

import com.marketopportunities.text.FoldedText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a Saxo Bank position export (DATA.md "Portfolios", format 3), with French or English
 * headers matched whatever their case, accents, punctuation or line breaks.
 *
 * <p>Columns: {@code Instruments}/{@code Instrument} -> name; {@code Symbole}/{@code Symbol}
 * ({@code TICKER:exchange}, see {@link ProviderSymbols}); {@code Quantité}/{@code Quantity};
 * {@code Prix entrée}/{@code Open Price}, else {@code Prix revient} -> entry price;
 * {@code Prix actuel}/{@code Current Price}; {@code Valeur actuelle (EUR)}/{@code Market Value (EUR)},
 * else {@code Exposition (EUR)} -> market value, its bracket giving the portfolio's base currency;
 * {@code Devise}/{@code Currency}; {@code Type d'actif}/{@code Asset Type}/{@code Asset Class}; {@code ISIN};
 * {@code Date de valeur}, {@code Heure d'ouverture}, {@code Value Date} or {@code Open Time} ->
 * acquired. Prices stay in the instrument's currency ({@code Devise}); every value is in the account
 * currency, which is the portfolio's base ({@link Portfolio.Values#IN_BASE_CURRENCY}): nothing
 * to convert, whatever {@code Devise} says. There is no quantity × price fallback for the value,
 * because that product would be in the instrument's currency, not the account's.
 *
 * <p>Rows that are not holdings are left out and counted in the notes, never reported as
 * problems: group rows ({@code Actions (98),,,…}, which carry subtotals), closed positions
 * ({@code Statut} fermé/closed: no longer held) and short positions ({@code Sens}
 * Vente/Sell/Short: a short is not a holding whose sector weight the analysis could use).
 */
final class SaxoExportReader {

    // Folded header names per field, in order of preference.
    private static final String[] NAME = {"instruments", "instrument"};
    private static final String[] SYMBOL = {"symbole", "symbol"};
    private static final String[] STATUS = {"statut", "status"};
    private static final String[] DIRECTION = {"sens", "direction", "buysell"};
    private static final String[] QUANTITY = {"quantite", "quantity"};
    private static final String[] ENTRY_PRICE = {"prixentree", "openprice", "prixrevient"};
    private static final String[] CURRENT_PRICE = {"prixactuel", "currentprice"};
    private static final String[] VALUE = {"valeuractuelle", "marketvalue"};
    private static final String[] EXPOSURE = {"exposition", "exposure"};
    private static final String[] CURRENCY = {"devise", "currency"};
    private static final String[] ASSET_TYPE = {"typedactif", "assettype", "assetclass"};
    private static final String[] ISIN = {"isin"};
    private static final String[] ACQUIRED = {"datedevaleur", "heuredouverture", "valuedate", "opentime"};

    private static final Set<String> SHORT_DIRECTIONS = Set.of("vente", "vendu", "sell", "sold", "short");
    private static final Pattern GROUP_LABEL = Pattern.compile(".+\\(\\d+\\)");
    private static final Pattern EXCHANGE_SYMBOL = Pattern.compile("[^:\\s]+:[A-Za-z]{3,4}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

    private SaxoExportReader() {
    }

    /**
     * Whether the table looks like a Saxo export: an instrument column with a status column, a
     * value column with the account currency in brackets, or {@code TICKER:exchange} symbols; or
     * such a value column and such symbols without an instrument column.
     */
    static boolean recognizes(CsvTable table) {
        Header header = new Header(table);
        boolean instrument = header.find(NAME) >= 0;
        boolean status = header.find(STATUS) >= 0;
        boolean bracketedValue = header.accountCurrency() != null;
        boolean exchangeSymbols = symbolsNameExchanges(table, header.find(SYMBOL));
        return instrument && (status || bracketedValue || exchangeSymbols) || bracketedValue && exchangeSymbols;
    }

    /** @throws PortfolioFormatException when there is no symbol or no value column */
    static void read(CsvTable table, PortfolioImportBuilder out) {
        Header header = new Header(table);
        int symbol = header.find(SYMBOL);
        int value = header.valueColumn();
        if (symbol < 0 || value < 0) {
            String missing = symbol < 0 ? "no 'Symbole' or 'Symbol' column" : "no value column";
            throw new PortfolioFormatException(out.source(), table.header().line(), null, missing
                    + "; expected a Saxo position export with 'Symbole' (or 'Symbol') and 'Valeur actuelle (EUR)'"
                    + " (or 'Market Value (EUR)', 'Exposition (EUR)'), found: " + table.describeHeader());
        }
        String accountCurrency = header.accountCurrency();
        out.valuesInBaseCurrency();
        if (accountCurrency != null) {
            out.baseCurrency(accountCurrency);
        } else {
            out.note("the value column '" + table.columnName(value) + "' names no currency in brackets;"
                    + " values are taken as in the base currency you choose, else " + Portfolio.DEFAULT_BASE_CURRENCY);
        }
        Map<PositionField, Integer> columns = header.positionColumns();
        int status = header.find(STATUS);
        int direction = header.find(DIRECTION);
        List<String> groupLabels = new ArrayList<>();
        List<Integer> closedLines = new ArrayList<>();
        // every row counts for the columns' decimal separators, group rows' subtotals included
        NumberColumns numbers = NumberColumns.decide(out.source(), table.rows().stream()
                .filter(row -> !row.isBlank() && table.overflow(row).isEmpty())
                .map(row -> PositionRow.of(table, row, columns))
                .toList());
        for (CsvTable.Row row : table.rows()) {
            if (row.isBlank()) {
                continue;
            }
            Optional<RowProblem> overflow = table.overflow(row);
            if (isGroupRow(row, symbol)) {
                groupLabels.add(tidy(row.cell(0)));
            } else if (overflow.isPresent()) {
                out.problem(overflow.get());
            } else if (FoldedText.fold(row.cell(status)).matches("(ferm|clos|clotur).*")) {
                closedLines.add(row.line());
            } else if (SHORT_DIRECTIONS.contains(FoldedText.fold(row.cell(direction)))) {
                out.note(new RowProblem(row.line(), table.columnName(direction), Cell.quote(tidy(row.cell(symbol)))
                        + " is a short position (" + Cell.quote(tidy(row.cell(direction)))
                        + "); left out: only long holdings are analysed").toString());
            } else {
                PositionRow.of(table, row, columns).readInto(out, numbers);
            }
        }
        if (!groupLabels.isEmpty()) {
            out.note("skipped " + groupLabels.size() + " group " + (groupLabels.size() == 1 ? "row" : "rows")
                    + " (" + String.join(", ", groupLabels) + "): they carry subtotals, not positions");
        }
        if (!closedLines.isEmpty()) {
            out.note("left out " + closedLines.size() + " closed " + (closedLines.size() == 1 ? "position" : "positions")
                    + (closedLines.size() == 1 ? " (line " : " (lines ")
                    + closedLines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "): a closed position is no longer held");
        }
    }

    /** {@code Actions (98),,,…}: a label with a count in the first cell, and no symbol. */
    private static boolean isGroupRow(CsvTable.Row row, int symbolColumn) {
        return GROUP_LABEL.matcher(tidy(row.cell(0))).matches() && new Cell(null, row.cell(symbolColumn)).isEmpty();
    }

    private static boolean symbolsNameExchanges(CsvTable table, int symbolColumn) {
        return symbolColumn >= 0 && table.rows().stream()
                .anyMatch(row -> EXCHANGE_SYMBOL.matcher(tidy(row.cell(symbolColumn))).matches());
    }

    private static String tidy(String text) {
        return new Cell(null, text).text();
    }

    /** The header of an export, searched by folded name. */
    private static final class Header {

        private final List<HeaderKey> keys;

        Header(CsvTable table) {
            this.keys = table.header().cells().stream().map(HeaderKey::of).toList();
        }

        /** The column of the first name found, in the order given, or -1. */
        int find(String... names) {
            for (String name : names) {
                for (int column = 0; column < keys.size(); column++) {
                    if (keys.get(column).key().equals(name)) {
                        return column;
                    }
                }
            }
            return -1;
        }

        int valueColumn() {
            int value = find(VALUE);
            return value >= 0 ? value : find(EXPOSURE);
        }

        /** The currency in the value column's brackets ({@code EUR} of {@code Valeur actuelle (EUR)}), or null. */
        String accountCurrency() {
            int value = valueColumn();
            String bracketed = value < 0 ? null : keys.get(value).bracketed();
            return bracketed != null && CURRENCY_CODE.matcher(bracketed).matches() ? bracketed : null;
        }

        Map<PositionField, Integer> positionColumns() {
            Map<PositionField, Integer> columns = new EnumMap<>(PositionField.class);
            putIfFound(columns, PositionField.NAME, find(NAME));
            putIfFound(columns, PositionField.SYMBOL, find(SYMBOL));
            putIfFound(columns, PositionField.QUANTITY, find(QUANTITY));
            putIfFound(columns, PositionField.ENTRY_PRICE, find(ENTRY_PRICE));
            putIfFound(columns, PositionField.CURRENT_PRICE, find(CURRENT_PRICE));
            putIfFound(columns, PositionField.MARKET_VALUE, valueColumn());
            putIfFound(columns, PositionField.CURRENCY, find(CURRENCY));
            putIfFound(columns, PositionField.ASSET_TYPE, find(ASSET_TYPE));
            putIfFound(columns, PositionField.ACQUIRED, find(ACQUIRED));
            putIfFound(columns, PositionField.ISIN, find(ISIN));
            return columns;
        }

        private static void putIfFound(Map<PositionField, Integer> columns, PositionField field, int column) {
            if (column >= 0) {
                columns.put(field, column);
            }
        }
    }
}
