package com.marketopportunities.portfolio;

import static com.marketopportunities.portfolio.PortfolioReading.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The example portfolios in {@code examples/} (the tests run from the project directory) read
 * cleanly, and use only symbols the offline market data can score.
 */
class ShippedExamplesTest {

    private static final Path EXAMPLES = Path.of("examples");
    /** The symbols of {@code ../shared/market-data/ohlcv/}. */
    private static final Set<String> OFFLINE_SYMBOLS = Set.of(
            "SPY", "XLK", "XLV", "XLF", "XLY", "XLC", "XLI", "XLP", "XLE", "XLU", "XLRE", "XLB",
            "AAPL", "ABBV", "AMD", "AMT", "AMZN", "APD", "AVGO", "BA", "BAC", "CAT", "CCI", "COP", "CVX", "D",
            "DIS", "DUK", "ECL", "EQIX", "GOOGL", "GS", "HD", "HON", "INTC", "JNJ", "JPM", "KO", "LIN", "LLY",
            "MCD", "META", "MSFT", "NEE", "NFLX", "NVDA", "PEP", "PFE", "PG", "PLD", "SHW", "SLB", "SO", "TSLA",
            "UNH", "UNP", "WFC", "WMT", "XOM");

    private final PortfolioReader reader = new PortfolioReader();

    @Test
    void techHeavyIsAPlainCsvOfThirteenUsdPositions() throws IOException {
        PortfolioImport imported = reader.read(EXAMPLES.resolve("tech-heavy.csv"), null);

        assertCleanImport(imported, PortfolioFormat.CSV, "USD", 13, 98_117.39);
        Position nvidia = position(imported, "NVDA");
        assertThat(nvidia.marketValue()).isCloseTo(70 * 166.10, within(1e-9));
        assertThat(nvidia.unrealizedPnlPct()).isNegative();
        assertThat(position(imported, "GOOGL").acquired()).isEqualTo(LocalDate.of(2022, 11, 21));
        assertThat(position(imported, "AVGO").sector()).isEqualTo("Information Technology");
        assertThat(position(imported, "AAPL").sector()).isNull();
    }

    @Test
    void balancedIsAJsonOfTwentyUsdPositions() throws IOException {
        PortfolioImport imported = reader.read(EXAMPLES.resolve("balanced.json"), null);

        assertCleanImport(imported, PortfolioFormat.JSON, "USD", 20, 74_391.17);
        assertThat(position(imported, "XLE").assetType()).isEqualTo("ETF");
    }

    @Test
    void saxoPositionsIsAFrenchSaxoExportOfSevenEurPositions() throws IOException {
        PortfolioImport imported = reader.read(EXAMPLES.resolve("saxo-positions.csv"), null);

        assertThat(imported.format()).isEqualTo(PortfolioFormat.SAXO);
        assertThat(imported.skippedRows()).isEmpty();
        assertThat(imported.notes()).containsExactly(
                "skipped 2 group rows (Actions (5), ETF (2)): they carry subtotals, not positions");
        assertThat(imported.portfolio().baseCurrency()).isEqualTo("EUR");
        assertThat(imported.portfolio().positions()).hasSize(7);
        assertThat(imported.portfolio().totalValue()).isCloseTo(49_210.86, within(0.005));
        assertThat(imported.portfolio().positions()).extracting(Position::symbol).allMatch(OFFLINE_SYMBOLS::contains);
        Position apple = position(imported, "AAPL");
        assertThat(apple.marketValue()).isEqualTo(8378.86);
        assertThat(apple.currentPrice()).isEqualTo(146.63);
        assertThat(apple.acquired()).isEqualTo(LocalDate.of(2022, 6, 10));
    }

    private static void assertCleanImport(PortfolioImport imported, PortfolioFormat format, String currency,
                                          int positions, double totalValue) {
        assertThat(imported.format()).isEqualTo(format);
        assertThat(imported.skippedRows()).isEmpty();
        assertThat(imported.notes()).isEmpty();
        assertThat(imported.portfolio().baseCurrency()).isEqualTo(currency);
        assertThat(imported.portfolio().positions()).hasSize(positions);
        assertThat(imported.portfolio().totalValue()).isCloseTo(totalValue, within(0.005));
        assertThat(imported.portfolio().positions()).extracting(Position::symbol).allMatch(OFFLINE_SYMBOLS::contains);
    }
}
