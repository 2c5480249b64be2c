package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.position;
import static com.marketopportunities.portfolio.PortfolioReading.readFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SaxoEnglishExportTest {

    private final PortfolioImport imported = readFixture("saxo-en.csv");

    @Test
    void readsEnglishHeadersDotDecimalsAndTheBracketCurrency() {
        assertThat(imported.format()).isEqualTo(PortfolioFormat.SAXO);
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("CHF");
        assertThat(imported.portfolio().positions())
                .extracting(Position::symbol, Position::marketValue, Position::sourceLine)
                .containsExactly(
                        tuple("KO", 7387.1, 3),
                        tuple("NESN.SW", 860.0, 4),
                        tuple("IFX.DE", 1211.23, 5));
    }

    @Test
    void mapsOpenPriceOpenTimeAndAssetClass() {
        Position cocaCola = position(imported, "KO");

        assertThat(cocaCola.name()).isEqualTo("Coca-Cola Co.");
        assertThat(cocaCola.entryPrice()).isEqualTo(58.20);
        assertThat(cocaCola.currentPrice()).isEqualTo(63.47);
        assertThat(cocaCola.acquired()).isEqualTo(LocalDate.of(2022, 6, 10));
        assertThat(cocaCola.assetType()).isEqualTo("Stock");
        assertThat(position(imported, "IFX.DE").acquired()).isEqualTo(LocalDate.of(2022, 3, 14));
    }

    @Test
    void leavesOutTheClosedPosition() {
        assertThat(imported.skippedRows()).isEmpty();
        assertThat(imported.notes()).containsExactly(
                "skipped 1 group row (Stocks (3)): they carry subtotals, not positions",
                "left out 1 closed position (line 6): a closed position is no longer held");
    }
}
