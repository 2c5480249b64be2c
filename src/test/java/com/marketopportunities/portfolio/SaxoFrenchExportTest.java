package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.position;
import static com.marketopportunities.portfolio.PortfolioReading.readFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@code saxo-fr.csv}: byte-order mark, a header cell with a line break, group rows, status
 * cells with line breaks, no-break and narrow no-break spaces, {@code –} empties, French dates,
 * a closed, a short and an unreadable row. The header spans lines 1-2 and the group row is
 * line 3, so Apple starts on line 4; each "Ouvert" status cell spans two lines, so the
 * unreadable Infineon row is line 12.
 */
class SaxoFrenchExportTest {

    private final PortfolioImport imported = readFixture("saxo-fr.csv");

    @Test
    void isDetectedAsSaxoWithTheAccountCurrencyOfTheValueColumn() {
        assertThat(imported.format()).isEqualTo(PortfolioFormat.SAXO);
        assertThat(imported.source()).isEqualTo("saxo-fr.csv");
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("EUR");
    }

    @Test
    void importsTheOpenLongPositionsInFileOrder() {
        assertThat(imported.portfolio().positions())
                .extracting(Position::symbol)
                .containsExactly("AAPL", "BRK-B", "SLHN.SW", "AZO", "SPY", "ABC");
        assertThat(imported.portfolio().totalValue()).isCloseTo(13963.81 + 6067.54 + 5291.29 + 7200.57 + 3805.62 + 100.00, within(1e-6));
    }

    @Test
    void mapsEveryColumnOfAPosition() {
        Position apple = position(imported, "AAPL");

        assertThat(apple.sourceSymbol()).isEqualTo("AAPL:xnas");
        assertThat(apple.name()).isEqualTo("Apple Inc.");
        assertThat(apple.quantity()).isEqualTo(100.0);
        // "Prix\nentrée": the header cell's line break does not hide the entry price
        assertThat(apple.entryPrice()).isEqualTo(132.50);
        assertThat(apple.currentPrice()).isEqualTo(146.63);
        assertThat(apple.marketValue()).isEqualTo(13963.81);
        assertThat(apple.currency()).isEqualTo("USD");
        assertThat(apple.assetType()).isEqualTo("Actions");
        assertThat(apple.acquired()).isEqualTo(LocalDate.of(2022, 6, 10));
        assertThat(apple.sourceLine()).isEqualTo(4);
    }

    @Test
    void readsGroupedDigitsCurrencySuffixesAndFrenchAndEnglishDates() {
        Position autoZone = position(imported, "AZO");
        assertThat(autoZone.entryPrice()).isEqualTo(2100.00);   // "2 100,00 USD", narrow no-break space
        assertThat(autoZone.currentPrice()).isEqualTo(2520.10); // "2 520,10 USD", narrow no-break space
        assertThat(autoZone.marketValue()).isEqualTo(7200.57);  // "7 200,57", no-break space
        assertThat(autoZone.acquired()).isEqualTo(LocalDate.of(2022, 8, 1));   // 1-août-2022

        assertThat(position(imported, "BRK-B").acquired()).isEqualTo(LocalDate.of(2022, 2, 3));    // 3-févr.-2022
        assertThat(position(imported, "SLHN.SW").acquired()).isEqualTo(LocalDate.of(2021, 12, 15)); // 15-déc.-2021
        assertThat(position(imported, "SPY").acquired()).isEqualTo(LocalDate.of(2022, 6, 10));     // 10-Jun-2022
        assertThat(position(imported, "SPY").assetType()).isEqualTo("Exchange Traded Fund (ETF)");
    }

    @Test
    void readsDashesAsEmpty() {
        Position fund = position(imported, "ABC");

        assertThat(fund.entryPrice()).isNull();
        assertThat(fund.currentPrice()).isNull();
        assertThat(fund.acquired()).isNull();
        assertThat(fund.marketValue()).isEqualTo(100.0);
    }

    @Test
    void reportsTheUnreadableRowAtTheLineItStartsOnAfterMultiLineCells() {
        assertThat(imported.skippedRows()).containsExactly(
                new RowProblem(12, "Valeur actuelle (EUR)", "'12,3x' is not a number"));
    }

    @Test
    void leavesOutGroupClosedAndShortRowsWithANote() {
        assertThat(imported.notes()).containsExactly(
                "line 17, column 'Sens': 'CVX:xnys' is a short position ('Vente'); left out: only long holdings are analysed",
                "line 18, column 'Symbole': unknown exchange 'xzzz' in 'ABC:xzzz'; kept the ticker 'ABC' without an exchange suffix",
                "skipped 2 group rows (Actions (5), ETF (2)): they carry subtotals, not positions",
                "left out 1 closed position (line 16): a closed position is no longer held");
    }
}
