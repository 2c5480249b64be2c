package com.marketopportunities.scan;

import com.marketopportunities.config.Caches;
import com.marketopportunities.config.Settings;
import com.marketopportunities.marketdata.CsvFolderMarketData;
import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.scoring.FormulaScorer;
import com.marketopportunities.scoring.Horizon;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A scan of the {@link ExampleMarket} in which some symbols' fundamentals could not be fetched (the
 * provider throttled them while their prices came): the scan scores those without them.
 */
public final class PartialScan {

    private PartialScan() {
    }

    /** The same scan in full, and with XLV's and JNJ's fundamentals throttled. */
    public record Reports(ScanReport full, ScanReport throttled) {
    }

    /** Writes the example market into {@code folder} and scans it both ways. */
    public static Reports fullAndThrottled(Path folder) throws java.io.IOException {
        Path data = ExampleMarket.write(folder);
        return new Reports(report(data, Set.of()), report(data, Set.of("XLV", "JNJ")));
    }

    /** The medium-horizon report of {@link ExampleMarket#request}, with the fundamentals of {@code throttled} unavailable. */
    public static ScanReport report(Path data, Set<String> throttled) {
        Settings settings = Settings.defaults();
        Caches caches = Caches.open(settings, ExampleMarket.CLOCK, new SimpleMeterRegistry());
        try {
            ScanService service = new ScanService(new ThrottledFundamentals(new CsvFolderMarketData(data), throttled),
                    new FormulaScorer(settings.scoring()), settings.scoring(), settings.scan(), settings.taxonomy(),
                    settings.exposure(), settings.universe(), new TrimPlanner(settings.trims()), caches.scores(),
                    ExampleMarket.CLOCK);
            return service.scan(ExampleMarket.request(Horizon.MEDIUM), ScanListener.SILENT);
        } finally {
            caches.close();
        }
    }

    /** A source whose fundamentals of some symbols cannot be had (HTTP 429 after retries), all else its delegate's. */
    public record ThrottledFundamentals(MarketData delegate, Set<String> throttled) implements MarketData {
        @Override
        public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
            return delegate.history(symbol, from, to);
        }

        @Override
        public CompletableFuture<Fundamentals> fundamentals(String symbol) {
            return throttled.contains(symbol)
                    ? CompletableFuture.failedFuture(new MarketDataUnavailableException("HTTP 429 after retries"))
                    : delegate.fundamentals(symbol);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public MarketData observedBy(FetchObserver observer) {
            return new ThrottledFundamentals(delegate.observedBy(observer), throttled);
        }
    }
}
