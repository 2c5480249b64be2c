package com.marketopportunities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionsBySymbolTest {

    @Test
    void rowsOfOneSymbolAreOnePositionWithTheirLotsAndAWord() {
        LocalDate old = LocalDate.of(2020, 1, 2);
        LocalDate recent = LocalDate.of(2024, 6, 1);
        PositionsBySymbol bySymbol = PositionsBySymbol.of(List.of(
                new Position("AAPL", "AAPL", "Apple", 1_500, 10.0, 150.0, 100.0, "USD", null, null, old, 2),
                new Position("MSFT", "MSFT", null, 3_000, null, null, null, null, null, null, null, 3),
                new Position("AAPL", "AAPL", null, 4_500, 30.0, 150.0, 140.0, "USD", null, null, recent, 4)));

        assertThat(bySymbol.positions()).extracting(Position::symbol).containsExactly("AAPL", "MSFT");
        Position apple = bySymbol.positions().get(0);
        assertThat(apple.marketValue()).isEqualTo(6_000.0);
        assertThat(apple.quantity()).isEqualTo(40.0);
        // (10 x 100 + 30 x 140) / 40 = 130
        assertThat(apple.entryPrice()).isEqualTo(130.0);
        assertThat(apple.name()).isEqualTo("Apple");
        assertThat(bySymbol.lotsOf(apple)).containsExactly(new Lot(1_500, old, 2), new Lot(4_500, recent, 4));
        assertThat(bySymbol.lotsOf(bySymbol.positions().get(1))).hasSize(1);
        assertThat(bySymbol.notes()).containsExactly("AAPL is on 2 rows (lines 2, 4): counted as one position of 6,000.00");
    }

    @Test
    void anEntryPriceIsLeftUnknownWhenARowLacksItsQuantity() {
        PositionsBySymbol bySymbol = PositionsBySymbol.of(List.of(
                new Position("KO", "KO", null, 100, null, null, 50.0, null, null, null, null, 1),
                new Position("KO", "KO", null, 100, 2.0, null, 40.0, null, null, null, null, 2)));

        assertThat(bySymbol.positions().get(0).entryPrice()).isNull();
        assertThat(bySymbol.positions().get(0).quantity()).isNull();
    }
}
