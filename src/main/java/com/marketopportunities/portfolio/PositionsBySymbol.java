package com.marketopportunities.portfolio;

import com.marketopportunities.text.ShortList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A portfolio's positions with one per symbol (SCANNER.md 5): rows of the same symbol are one
 * position whose values and quantities add up, and whose lots keep their own acquisition dates.
 * In file order of each symbol's first row.
 *
 * @param positions one per symbol
 * @param lots      each symbol's lots, in file order
 * @param notes     a sentence for each symbol that was on several rows
 */
public record PositionsBySymbol(List<Position> positions, Map<String, List<Lot>> lots, List<String> notes) {

    /** Symbols on several rows named one by one; the rest in one sentence. */
    static final int NOTES_SHOWN = 10;

    public static PositionsBySymbol of(List<Position> rows) {
        Map<String, List<Position>> bySymbol = new LinkedHashMap<>();
        rows.forEach(row -> bySymbol.computeIfAbsent(row.symbol(), symbol -> new ArrayList<>()).add(row));
        List<Position> positions = new ArrayList<>(bySymbol.size());
        Map<String, List<Lot>> lots = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> moreOnSeveralRows = new ArrayList<>();
        bySymbol.forEach((symbol, same) -> {
            Position merged = same.size() == 1 ? same.get(0) : merged(same);
            positions.add(merged);
            lots.put(symbol, same.stream().map(Lot::of).toList());
            if (same.size() > 1 && notes.size() >= NOTES_SHOWN) {
                moreOnSeveralRows.add(symbol);
            } else if (same.size() > 1) {
                notes.add(String.format(Locale.ROOT, "%s is on %d rows (lines %s): counted as one position of %,.2f",
                        symbol, same.size(), String.join(", ", same.stream()
                                .map(row -> String.valueOf(row.sourceLine())).toList()), merged.marketValue()));
            }
        });
        if (!moreOnSeveralRows.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%,d more symbols are on several rows, each counted as one position: %s",
                    moreOnSeveralRows.size(), ShortList.of(moreOnSeveralRows)));
        }
        return new PositionsBySymbol(List.copyOf(positions), Map.copyOf(lots), List.copyOf(notes));
    }

    /** The lots of a symbol; a position not from this object is its own one lot. */
    public List<Lot> lotsOf(Position position) {
        return lots.getOrDefault(position.symbol(), List.of(Lot.of(position)));
    }

    /**
     * Values and quantities added; the entry price weighted by quantity when every row gives
     * both; the other fields from the first row that has them; the latest acquisition date (the
     * lots keep each one).
     */
    private static Position merged(List<Position> rows) {
        Position first = rows.get(0);
        double value = rows.stream().mapToDouble(Position::marketValue).sum();
        boolean quantities = rows.stream().allMatch(row -> row.quantity() != null);
        Double quantity = quantities ? rows.stream().mapToDouble(Position::quantity).sum() : null;
        Double entry = null;
        if (quantities && quantity > 0 && rows.stream().allMatch(row -> row.entryPrice() != null)) {
            entry = rows.stream().mapToDouble(row -> row.entryPrice() * row.quantity()).sum() / quantity;
        }
        LocalDate acquired = rows.stream().map(Position::acquired).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
        return new Position(first.symbol(), first.sourceSymbol(), firstOf(rows, Position::name), value, quantity,
                firstOf(rows, Position::currentPrice), entry, firstOf(rows, Position::currency),
                firstOf(rows, Position::sector), firstOf(rows, Position::assetType), acquired, first.sourceLine(),
                firstOf(rows, Position::region), firstOf(rows, Position::country), firstOf(rows, Position::isin));
    }

    private static <T> T firstOf(List<Position> rows, java.util.function.Function<Position, T> field) {
        return rows.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
