package com.marketopportunities.scan;

import com.marketopportunities.config.Caches;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.scoring.FormulaScorer;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.Scorer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * A scan of the {@link ExampleMarket} in which some symbols' fundamentals could not be fetched: those
 * are scored {@linkplain Scorer#scoreWithoutFundamentals without them}, as the scan does when the
 * provider throttles the fundamentals call but the prices come.
 */
public final class PartialScan {

    private PartialScan() {
    }

    /** The medium-horizon report of {@link ExampleMarket#request}, with {@code throttled} scored partial. */
    public static ScanReport report(Path data, Set<String> throttled) {
        Settings settings = Settings.defaults();
        Caches caches = Caches.open(settings, ExampleMarket.CLOCK, new SimpleMeterRegistry());
        try {
            Scorer scorer = new Throttled(new FormulaScorer(settings.scoring()), throttled);
            ScanService service = new ScanService(new CsvFolderMarketData(data), scorer, settings.scoring(),
                    settings.scan(), settings.taxonomy(), settings.exposure(), settings.universe(),
                    new TrimPlanner(settings.trims()), caches.scores(), ExampleMarket.CLOCK);
            return service.scan(ExampleMarket.request(Horizon.MEDIUM), ScanListener.SILENT);
        } finally {
            caches.close();
        }
    }

    /** Scores the throttled symbols as if their fundamentals could not be had. */
    private record Throttled(Scorer delegate, Set<String> throttled) implements Scorer {
        @Override
        public ScoreOutcome score(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                                  PriceHistory benchmark, Fundamentals fundamentals) {
            return throttled.contains(symbol) ? delegate.scoreWithoutFundamentals(symbol, horizon, asOf, history, benchmark)
                    : delegate.score(symbol, horizon, asOf, history, benchmark, fundamentals);
        }

        @Override
        public ScoreOutcome scoreWithoutFundamentals(String symbol, Horizon horizon, LocalDate asOf,
                                                     PriceHistory history, PriceHistory benchmark) {
            return delegate.scoreWithoutFundamentals(symbol, horizon, asOf, history, benchmark);
        }

        @Override
        public String modelVersion() {
            return delegate.modelVersion();
        }
    }
}
