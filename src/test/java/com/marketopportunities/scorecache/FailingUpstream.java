package com.marketopportunities.scorecache;

import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A provider that answers "429 Too Many Requests" for some symbols and passes the others on. */
final class FailingUpstream implements MarketData {

    private final MarketData delegate;
    private final Set<String> failing;

    FailingUpstream(MarketData delegate, Set<String> failing) {
        this.delegate = delegate;
        this.failing = failing;
    }

    @Override
    public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
        return failing.contains(symbol) ? refused(symbol) : delegate.history(symbol, from, to);
    }

    @Override
    public CompletableFuture<Fundamentals> fundamentals(String symbol) {
        return failing.contains(symbol) ? refused(symbol) : delegate.fundamentals(symbol);
    }

    @Override
    public MarketData observedBy(FetchObserver observer) {
        return new FailingUpstream(delegate.observedBy(observer), failing);
    }

    @Override
    public String describe() {
        return delegate.describe() + " failing for " + failing;
    }

    private static <T> CompletableFuture<T> refused(String symbol) {
        return CompletableFuture.failedFuture(new MarketDataUnavailableException("HTTP 429 Too Many Requests for " + symbol));
    }
}
