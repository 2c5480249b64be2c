package com.marketopportunities.benchmark;

import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.scoring.FormulaScorer;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long scoring the whole candidate universe (every proxy ETF and blue chip) for one horizon
 * takes in-process, on the CSV folder: cold (a fresh provider that parses the files) and warm
 * (data already in memory, the scoring alone). Not a test: run it with bench/scan-benchmark.sh.
 */
public final class UniverseScoringBenchmark {

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/market-data");
        Horizon horizon = Horizon.parse(args.length > 1 ? args[1] : "medium");
        LocalDate asOf = LocalDate.parse(args.length > 2 ? args[2] : "2022-12-05");
        Settings settings = Settings.defaults();
        List<String> symbols = settings.universe().allSymbols();
        FormulaScorer scorer = new FormulaScorer(settings.scoring());

        for (int i = 0; i < 5; i++) {
            scoreAll(new CsvFolderMarketData(data), scorer, symbols, horizon, asOf);
        }
        double[] cold = new double[15];
        for (int i = 0; i < cold.length; i++) {
            long start = System.nanoTime();
            scoreAll(new CsvFolderMarketData(data), scorer, symbols, horizon, asOf);
            cold[i] = (System.nanoTime() - start) / 1e6;
        }
        CsvFolderMarketData loaded = new CsvFolderMarketData(data);
        int scored = scoreAll(loaded, scorer, symbols, horizon, asOf);
        double[] warm = new double[50];
        for (int i = 0; i < warm.length; i++) {
            long start = System.nanoTime();
            scoreAll(loaded, scorer, symbols, horizon, asOf);
            warm[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "universe: %d symbols (%d with data), horizon %s, as of %s%n",
                symbols.size(), scored, horizon.key(), asOf);
        System.out.printf(Locale.ROOT, "cold (parse CSV files + score): median %.1f ms, p90 %.1f ms%n",
                percentile(cold, 50), percentile(cold, 90));
        System.out.printf(Locale.ROOT, "warm (data in memory, score):   median %.1f ms, p90 %.1f ms (target < 200 ms)%n",
                percentile(warm, 50), percentile(warm, 90));
    }

    /** Fetches and scores every symbol as a scan does; returns how many got a score. */
    static int scoreAll(CsvFolderMarketData marketData, FormulaScorer scorer, List<String> symbols, Horizon horizon,
                        LocalDate asOf) {
        LocalDate from = asOf.minusDays(365);
        PriceHistory benchmark = marketData.history("SPY", from, asOf).join();
        // ask for everything first, then wait, as a scan does
        java.util.Map<String, java.util.concurrent.CompletableFuture<PriceHistory>> requested = new java.util.LinkedHashMap<>();
        symbols.forEach(symbol -> requested.put(symbol, marketData.history(symbol, from, asOf)));
        int scored = 0;
        for (String symbol : symbols) {
            PriceHistory history;
            try {
                history = requested.get(symbol).join();
            } catch (RuntimeException noData) {
                continue;
            }
            Fundamentals fundamentals = marketData.fundamentals(symbol)
                    .exceptionally(error -> Fundamentals.none(symbol)).join();
            if (scorer.score(symbol, horizon, asOf, history, benchmark, fundamentals) instanceof ScoreOutcome.Scored) {
                scored++;
            }
        }
        return scored;
    }

    static double percentile(double[] values, int pct) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(pct / 100.0 * sorted.length) - 1)];
    }
}
