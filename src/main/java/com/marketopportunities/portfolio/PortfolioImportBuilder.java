package com.marketopportunities.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects what the format readers find in a file and makes the {@link PortfolioImport} of it.
 * Holds the rules that apply to a whole file whatever its format: the position limit, the
 * duplicate-symbol note, and the refusal of a file without a single readable position or worth
 * nothing (every market value 0).
 */
final class PortfolioImportBuilder {

    /** How many row problems the message of a file without positions lists. */
    private static final int PROBLEMS_SHOWN = 5;

    private final String source;
    private final int maxPositions;
    private final List<Position> positions = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String baseCurrency;
    private Portfolio.Values values = Portfolio.Values.IN_POSITION_CURRENCY;

    PortfolioImportBuilder(String source, int maxPositions) {
        this.source = source;
        this.maxPositions = maxPositions;
    }

    String source() {
        return source;
    }

    /** The base currency the file names (a Saxo export's account currency, JSON {@code base_currency}). */
    void baseCurrency(String currency) {
        this.baseCurrency = currency;
    }

    /** Every value of the file is in the base currency, whatever its position's currency (a Saxo export). */
    void valuesInBaseCurrency() {
        this.values = Portfolio.Values.IN_BASE_CURRENCY;
    }

    /** @throws PortfolioFormatException when the position is one more than the limit allows */
    void add(Position position) {
        if (positions.size() == maxPositions) {
            throw new PortfolioFormatException(source, position.sourceLine(), null, "more than " + maxPositions
                    + " positions; the limit is " + maxPositions + " positions per portfolio");
        }
        positions.add(position);
    }

    void problem(RowProblem problem) {
        problems.add(problem);
    }

    void note(String note) {
        notes.add(note);
    }

    /** @throws PortfolioFormatException when no position could be read */
    PortfolioImport build(PortfolioFormat format) {
        if (positions.isEmpty()) {
            throw new PortfolioFormatException(source, 0, null, "no position could be read; " + whyNoPosition());
        }
        if (positions.stream().allMatch(position -> position.marketValue() == 0)) {
            // no weight, no gap and no capital can be computed from a total of 0
            throw new PortfolioFormatException(source, 0, null, "the portfolio is worth nothing: the market value of "
                    + (positions.size() == 1 ? "its only position" : "each of its " + positions.size() + " positions")
                    + " is 0; expected at least one position worth more than 0");
        }
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(duplicateNotes());
        // in the order of the file, whichever pass of a reader found them
        List<RowProblem> problemsInFileOrder = problems.stream().sorted(Comparator.comparingInt(RowProblem::line)).toList();
        return new PortfolioImport(source, format, new Portfolio(baseCurrency,
                Portfolio.BaseCurrencyOrigin.PORTFOLIO, values, positions), problemsInFileOrder, allNotes);
    }

    private String whyNoPosition() {
        if (!problems.isEmpty()) {
            String shown = problems.stream().limit(PROBLEMS_SHOWN).map(RowProblem::toString)
                    .collect(Collectors.joining("; "));
            return problems.size() + (problems.size() == 1 ? " row" : " rows") + " could not be read: " + shown
                    + (problems.size() > PROBLEMS_SHOWN ? "; …" : "");
        }
        if (!notes.isEmpty()) {
            return String.join("; ", notes);
        }
        return "the file has no rows after its header";
    }

    /**
     * Rows with the same symbol stay separate positions (lots bought at different dates keep
     * their own entry price and date, which the holding-period and loss rules need); the user is
     * told, in case it was a copy-paste mistake.
     */
    private List<String> duplicateNotes() {
        Map<String, List<Integer>> linesBySymbol = new LinkedHashMap<>();
        for (Position position : positions) {
            linesBySymbol.computeIfAbsent(position.symbol(), symbol -> new ArrayList<>()).add(position.sourceLine());
        }
        return linesBySymbol.entrySet().stream()
                .filter(symbolLines -> symbolLines.getValue().size() > 1)
                .map(symbolLines -> symbolLines.getKey() + " appears " + symbolLines.getValue().size()
                        + " times (lines " + symbolLines.getValue().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + "); kept as separate positions")
                .toList();
    }
}
