package com.marketopportunities.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.SharedMarketData;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scores of SCANNER.md section 3 on small made-up fixtures ({@code src/test/resources/scoring/fixture}),
 * against numbers worked out independently by a standard-library Python script. Never skipped.
 *
 * <p>The fixtures: FIXA (30 bars, Adj Close differs from Close), FIXB (no Adj Close: Close is used;
 * forward P/E only, PEG 2.6), FIXC (16 bars; negative trailing P/E so the forward P/E counts, PEG 5,
 * yield 5 %), FLAT (constant price: RSI 100, volatility 0; no fundamentals row) and SPY (28 bars:
 * two of FIXA's dates missing, so relative strength pairs positions, not dates).
 */
class WorkedExampleFixtureTest {

    private static final LocalDate ALL_FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate ALL_TO = LocalDate.of(2100, 1, 1);

    private static CsvFolderMarketData marketData;

    @BeforeAll
    static void openFixtures() throws URISyntaxException {
        marketData = new CsvFolderMarketData(
                Path.of(WorkedExampleFixtureTest.class.getResource("/scoring/fixture").toURI()));
    }

    /*
     * Expected values: docs/worked-examples/worked_examples.txt (every step of every case), made by
     *   python3 docs/worked-examples/worked_examples.py ../shared/market-data \
     *       src/test/resources/scoring/fixture > docs/worked-examples/worked_examples.txt
     * Rows below are its "Table (Fixture)"; benchmark "none" is the row marked "(no benchmark)".
     * The whole file is handed to the scorer (bars after asOf included): it must cut at asOf itself.
     */
    @ParameterizedTest(name = "{0} {1} as-of {2}, benchmark {3}")
    @CsvSource(nullValues = "null", textBlock = """
            # symbol, horizon, asOf, benchmark, momentum, value, diversification, composite, confidence, dataPoints, volatility
            FIXA, short, 2024-02-12, SPY, 52.4, 69.2, 11.5, 43.5, 0.48, 30, 0.2784246758897573
            FIXA, medium, 2024-02-12, SPY, 56.9, 69.2, 11.5, 47.0, 0.24, 30, 0.2784246758897573
            FIXA, long, 2024-02-12, SPY, 56.9, 69.2, 11.5, 48.2, 0.12, 30, 0.2784246758897573
            FIXA, short, 2024-02-05, SPY, 49.7, 69.2, 11.4, 42.1, 0.40, 25, 0.278558758362473
            FIXB, short, 2024-02-12, SPY, 36.3, 30.0, 0.0, 24.1, 0.48, 30, 0.45255285781165056
            FIXC, medium, 2024-02-12, SPY, 63.9, 66.7, 50.0, 60.6, 0.13, 16, null
            FLAT, short, 2024-02-12, SPY, 26.7, 50.0, 100.0, 53.4, 0.48, 30, 0.0
            FIXA, short, 2024-02-12, none, 38.4, 69.2, 11.5, 36.5, 0.48, 30, 0.2784246758897573
            """)
    void scoresMatchTheWorkedExample(String symbol, String horizon, LocalDate asOf, String benchmark,
                                     double momentum, double value, double diversification, double composite,
                                     double confidence, int dataPoints, Double volatility) {
        Horizon parsed = Horizon.parse(horizon);
        PriceHistory bench = "none".equals(benchmark)
                ? new PriceHistory(benchmark, List.of())
                : marketData.history(benchmark, ALL_FROM, ALL_TO).join();

        ScoreOutcome outcome = new FormulaScorer(ScoringSettings.defaults())
                .score(symbol, parsed, asOf, marketData.history(symbol, ALL_FROM, ALL_TO).join(), bench,
                        fundamentalsOf(symbol));

        assertThat(outcome).isInstanceOf(ScoreOutcome.Scored.class);
        WorkedExampleScoresTest.assertScore(((ScoreOutcome.Scored) outcome).score(), symbol, parsed, asOf, momentum,
                value, diversification, composite, confidence, dataPoints, volatility);
    }

    /** A window without a single bar gives no score, never a made-up 50. */
    @ParameterizedTest(name = "{0} {1} as-of {2}")
    @CsvSource(textBlock = """
            # the window ends 109 days after the last bar
            FIXA, short, 2024-06-01
            # the as-of is before the first bar
            FIXA, long, 2023-12-31
            """)
    void aWindowWithoutBarsIsUnscored(String symbol, String horizon, LocalDate asOf) {
        ScoreOutcome outcome = new FormulaScorer(ScoringSettings.defaults())
                .score(symbol, Horizon.parse(horizon), asOf, marketData.history(symbol, ALL_FROM, ALL_TO).join(),
                        marketData.history("SPY", ALL_FROM, ALL_TO).join(), fundamentalsOf(symbol));

        assertThat(outcome).isInstanceOf(ScoreOutcome.Unscored.class);
        ScoreOutcome.Unscored unscored = (ScoreOutcome.Unscored) outcome;
        assertThat(unscored.symbol()).isEqualTo(symbol);
        assertThat(unscored.reason()).isNotBlank();
    }

    @Test
    void anEmptyHistoryIsUnscored() {
        ScoreOutcome outcome = new FormulaScorer(ScoringSettings.defaults()).score("FIXA", Horizon.SHORT,
                LocalDate.of(2024, 2, 12), new PriceHistory("FIXA", List.of()),
                marketData.history("SPY", ALL_FROM, ALL_TO).join(), fundamentalsOf("FIXA"));

        assertThat(outcome).isInstanceOf(ScoreOutcome.Unscored.class);
        assertThat(((ScoreOutcome.Unscored) outcome).reason()).isNotBlank();
    }

    private static Fundamentals fundamentalsOf(String symbol) {
        return SharedMarketData.fundamentalsOrNone(marketData, symbol);
    }
}
