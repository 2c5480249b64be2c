package com.marketopportunities.portfolio;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decimal separator of each number column of a file, decided from all the column's values,
 * never cell by cell: in a column that also holds {@code 1,234.50}, {@code 2,000} is two thousand;
 * in one that holds {@code 12,5}, it is two. A column whose values are all either plain
 * ({@code 42}) or {@linkplain NumberText#isAmbiguous ambiguous} ({@code 2,000}, {@code 1,500}),
 * or whose values disagree, cannot say how to read its ambiguous ones: the file is refused,
 * naming the column and the first such line, rather than read by a guess.
 */
final class NumberColumns {

    private static final List<PositionField> NUMBER_FIELDS = List.of(PositionField.MARKET_VALUE,
            PositionField.QUANTITY, PositionField.PRICE, PositionField.CURRENT_PRICE, PositionField.ENTRY_PRICE);

    private final Map<PositionField, DecimalSeparator> separators;

    private NumberColumns(Map<PositionField, DecimalSeparator> separators) {
        this.separators = separators;
    }

    /**
     * @param source the file name, for the message
     * @param rows   every row of the file that holds values of its columns
     * @throws PortfolioFormatException when a column holds an ambiguous number that its other
     *                                  values do not settle
     */
    static NumberColumns decide(String source, List<PositionRow> rows) {
        Map<PositionField, DecimalSeparator> separators = new EnumMap<>(PositionField.class);
        for (PositionField field : NUMBER_FIELDS) {
            Set<DecimalSeparator> said = EnumSet.noneOf(DecimalSeparator.class);
            PositionRow firstAmbiguous = null;
            for (PositionRow row : rows) {
                Cell cell = row.cell(field);
                if (cell == null || cell.isEmpty() || cell.jsonNumber()) {
                    continue; // a JSON number reads itself and says nothing of how the texts are written
                }
                if (NumberText.isAmbiguous(cell.text())) {
                    firstAmbiguous = firstAmbiguous == null ? row : firstAmbiguous;
                } else {
                    NumberText.decimalSeparatorOf(cell.text()).ifPresent(said::add);
                }
            }
            if (said.size() == 1) {
                separators.put(field, said.iterator().next());
            } else if (firstAmbiguous != null) {
                throw undecided(source, firstAmbiguous, firstAmbiguous.cell(field), said.isEmpty());
            }
        }
        return new NumberColumns(separators);
    }

    /** The separator the column of {@code field} settled, or {@code null} when its numbers need none. */
    DecimalSeparator of(PositionField field) {
        return separators.get(field);
    }

    private static PortfolioFormatException undecided(String source, PositionRow row, Cell cell, boolean noneSaid) {
        return new PortfolioFormatException(source, row.line(), cell.column(), NumberText.ambiguity(cell.text()) + ", and "
                + (noneSaid ? "no other number of the column says which" : "the column's other numbers disagree")
                + "; write it " + NumberText.unambiguousForms(cell.text()));
    }
}
