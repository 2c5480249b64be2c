package com.marketopportunities.scan;

import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.scoring.Horizon;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The market the scan and cache tests scan: a CSV folder with the benchmark, four sector ETFs and their
 * blue chips (the other symbols of the universe have no data and come out unscored), and a
 * tech-heavy portfolio whose gaps ask for Healthcare, Energy and more.
 */
public final class ExampleMarket {

    /** A past as-of date: its score keys are dated ({@code stock_score:SYM:horizon:2024-06-28}). */
    public static final LocalDate AS_OF = LocalDate.of(2024, 6, 28);
    /** "Now" for the tests that do not move time: two days after the as-of date. */
    public static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private ExampleMarket() {
    }

    /** Writes the CSV folder into {@code dir} and returns it. */
    public static Path write(Path dir) throws IOException {
        LocalDate from = LocalDate.of(2023, 1, 2);
        return new MarketDataFolder(dir)
                .prices("SPY", from, AS_OF, 400, 0.0004, 0.004)
                .prices("XLK", from, AS_OF, 150, 0.0008, 0.010)
                .prices("AAPL", from, AS_OF, 150, 0.0010, 0.012)
                .prices("MSFT", from, AS_OF, 300, 0.0007, 0.009)
                .prices("XLV", from, AS_OF, 130, 0.0003, 0.004)
                .prices("JNJ", from, AS_OF, 160, 0.0001, 0.003)
                .prices("XLF", from, AS_OF, 35, 0.0006, 0.006)
                .prices("JPM", from, AS_OF, 140, 0.0009, 0.008)
                .prices("XLE", from, AS_OF, 90, -0.0005, 0.010)
                .prices("XOM", from, AS_OF, 110, -0.0008, 0.011)
                .fundamentals("AAPL", "EQUITY", "Information Technology", "30", "0.005")
                .fundamentals("MSFT", "EQUITY", "Information Technology", "35", "0.008")
                .fundamentals("JNJ", "EQUITY", "Health Care", "15", "0.03")
                .fundamentals("JPM", "EQUITY", "Financials", "12", "0.025")
                .fundamentals("XOM", "EQUITY", "Energy", "10", "0.035")
                .fundamentals("XLK", "ETF", "Technology", "", "")
                .fundamentals("XLV", "ETF", "Healthcare", "", "")
                .fundamentals("XLF", "ETF", "Financials", "", "")
                .fundamentals("XLE", "ETF", "Energy", "", "")
                .write();
    }

    /** 60 % AAPL, 30 % MSFT, 10 % JPM, scanned at {@link #AS_OF}. */
    public static ScanRequest request(Horizon horizon) {
        Portfolio portfolio = new Portfolio("USD", List.of(
                Position.of("AAPL", 60_000),
                Position.of("MSFT", 30_000),
                Position.of("JPM", 10_000).withSector("Financial Services")));
        return new ScanRequest(portfolio, horizon, 5.0, AS_OF, 6, List.of());
    }
}
