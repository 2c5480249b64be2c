package com.marketopportunities.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.SharedMarketData;
import com.marketopportunities.marketdata.NoDataException;
import com.marketopportunities.marketdata.PriceHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scores of SCANNER.md section 3 on the real recordings of {@code ../shared/market-data},
 * against numbers worked out by hand (by a standard-library Python script) from the raw CSV rows,
 * independently of the Java implementation. Skipped where the folder is absent.
 */
class WorkedExampleScoresTest {

    private static CsvFolderMarketData marketData;

    /** Per test, not in a @BeforeAll, so that every case is reported as skipped with the reason. */
    @BeforeEach
    void openMarketData() {
        Path dir = marketDataDir();
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/market-data not found: worked examples skipped");
        if (marketData == null) {
            marketData = new CsvFolderMarketData(dir);
        }
    }

    static Path marketDataDir() {
        return SharedMarketData.folder();
    }

    /*
     * Expected values: docs/worked-examples/worked_examples.txt (every step of every case), made by
     *   python3 docs/worked-examples/worked_examples.py ../shared/market-data \
     *       src/test/resources/scoring/fixture > docs/worked-examples/worked_examples.txt
     * Rows below are its "Table (Real data)". Volatility "null" = not computed (fewer than 20 bars).
     */
    @ParameterizedTest(name = "{0} {1} as-of {2}")
    @CsvSource(nullValues = "null", textBlock = """
            # symbol, horizon, asOf, momentum, value, diversification, composite, confidence, dataPoints, volatility
            AAPL, short, 2022-12-05, 46.8, 5.0, 0.0, 24.4, 1.00, 64, 0.42295525585618304
            AAPL, medium, 2022-12-05, 48.2, 5.0, 0.0, 20.8, 1.00, 125, 0.3683107919290291
            AAPL, long, 2022-12-05, 47.9, 5.0, 0.0, 16.4, 1.00, 252, 0.35652070719821594
            XLF, short, 2022-12-05, 59.7, 50.0, 13.2, 43.8, 1.00, 64, 0.2727308261744329
            XLF, medium, 2022-12-05, 58.9, 50.0, 18.6, 44.1, 1.00, 125, 0.254676419202475
            XLF, long, 2022-12-05, 60.2, 50.0, 21.1, 44.4, 1.00, 252, 0.24629161555253312
            JPM, short, 2022-12-05, 70.5, 67.8, 0.0, 48.8, 1.00, 64, 0.32123042517986794
            JPM, medium, 2022-12-05, 67.9, 67.8, 5.0, 49.0, 1.00, 125, 0.30003840730237114
            JPM, long, 2022-12-05, 59.2, 67.8, 5.2, 46.4, 1.00, 252, 0.29946264965229236
            XOM, short, 2022-12-05, 74.3, 88.3, 0.0, 54.8, 1.00, 64, 0.3319914066515929
            XOM, medium, 2022-12-05, 77.7, 88.3, 0.0, 57.5, 1.00, 125, 0.36578359495337476
            XOM, long, 2022-12-05, 88.7, 88.3, 0.0, 61.9, 1.00, 252, 0.34882479113065334
            TSLA, short, 2022-12-05, 34.0, 0.0, 0.0, 17.0, 1.00, 64, 0.612619999071365
            TSLA, medium, 2022-12-05, 21.4, 0.0, 0.0, 8.6, 1.00, 125, 0.5881644250946456
            TSLA, long, 2022-12-05, 21.4, 0.0, 0.0, 6.4, 1.00, 252, 0.6516405507926909
            KO, short, 2022-12-05, 40.3, 56.8, 33.0, 41.4, 1.00, 64, 0.20663111336844867
            KO, medium, 2022-12-05, 40.7, 56.8, 38.5, 44.9, 1.00, 125, 0.1883588049886624
            KO, long, 2022-12-05, 50.2, 56.8, 35.3, 48.4, 1.00, 252, 0.19887193061320202
            # ETF with an empty fundamentals row: value 50
            XLK, medium, 2022-12-05, 42.9, 50.0, 0.0, 32.2, 1.00, 125, 0.3316470715678238
            # yield 0.0003: yield component 0.75, P/E 53 scores 0
            NVDA, long, 2022-12-05, 26.3, 0.4, 0.0, 8.0, 1.00, 252, 0.6370337594824519
            # no P/E, no yield: value 50
            BA, short, 2022-12-05, 61.1, 50.0, 0.0, 40.6, 1.00, 64, 0.4652227367247531
            # XLC starts 2018-06-19. 15 bars: RSI only, diversification 50
            XLC, short, 2018-07-10, 27.6, 50.0, 50.0, 38.8, 0.24, 15, null
            XLC, long, 2018-07-10, 27.6, 50.0, 50.0, 43.3, 0.06, 15, null
            # 9 bars: no momentum component at all
            XLC, short, 2018-06-29, 50.0, 50.0, 50.0, 50.0, 0.15, 9, null
            # 41 bars: p = 41, n = min(41, 252 SPY bars) = 41
            XLC, long, 2018-08-15, 51.7, 50.0, 43.4, 48.5, 0.16, 41, 0.17215410709031234
            # as-of on a Sunday
            AAPL, short, 2022-12-04, 46.6, 5.0, 0.0, 24.3, 1.00, 63, 0.42612938904694053
            AAPL, medium, 2022-12-04, 50.4, 5.0, 0.0, 21.6, 1.00, 125, 0.3682005169780336
            AAPL, long, 2022-12-04, 49.2, 5.0, 0.0, 16.8, 1.00, 251, 0.3571498307805507
            """)
    void scoresMatchTheWorkedExample(String symbol, String horizon, LocalDate asOf, double momentum, double value,
                                     double diversification, double composite, double confidence, int dataPoints,
                                     Double volatility) {
        LocalDate from = asOf.minusDays(400);
        PriceHistory history = marketData.history(symbol, from, asOf).join();
        PriceHistory spy = marketData.history("SPY", from, asOf).join();
        Horizon parsed = Horizon.parse(horizon);

        ScoreOutcome outcome = new FormulaScorer(ScoringSettings.defaults())
                .score(symbol, parsed, asOf, history, spy, fundamentalsOf(symbol));

        assertThat(outcome).isInstanceOf(ScoreOutcome.Scored.class);
        assertScore(((ScoreOutcome.Scored) outcome).score(), symbol, parsed, asOf, momentum, value, diversification,
                composite, confidence, dataPoints, volatility);
    }

    private static Fundamentals fundamentalsOf(String symbol) {
        return SharedMarketData.fundamentalsOrNone(marketData, symbol);
    }

    /** All fields checked softly, so that one run names every diverging field of a case. */
    static void assertScore(SymbolScore score, String symbol, Horizon horizon, LocalDate asOf, double momentum,
                            double value, double diversification, double composite, double confidence,
                            int dataPoints, Double volatility) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(score.symbol()).as("symbol").isEqualTo(symbol);
        softly.assertThat(score.horizon()).as("horizon").isEqualTo(horizon);
        softly.assertThat(score.analysisDate()).as("analysisDate").isEqualTo(asOf);
        softly.assertThat(score.dataPoints()).as("dataPoints").isEqualTo(dataPoints);
        softly.assertThat(score.momentumScore()).as("momentum").isEqualTo(momentum);
        softly.assertThat(score.valueScore()).as("value").isEqualTo(value);
        softly.assertThat(score.diversificationScore()).as("diversification").isEqualTo(diversification);
        softly.assertThat(score.compositeScore()).as("composite").isEqualTo(composite);
        softly.assertThat(score.confidence()).as("confidence").isEqualTo(confidence);
        if (volatility == null) {
            softly.assertThat(score.volatility()).as("volatility").isNull();
        } else {
            softly.assertThat(score.volatility()).as("volatility").isNotNull();
            if (score.volatility() != null) {
                softly.assertThat(score.volatility()).as("volatility").isCloseTo(volatility, within(1e-9));
            }
        }
        softly.assertAll();
    }
}
