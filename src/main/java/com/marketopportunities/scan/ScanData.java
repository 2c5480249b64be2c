package com.marketopportunities.scan;

import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.FetchCounts;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The market data of one scan: each symbol's history and fundamentals are asked for once, however
 * many gaps or holdings share the symbol, over one date range that covers every horizon.
 */
final class ScanData {

    private final MarketData marketData;
    private final LocalDate from;
    private final LocalDate to;
    private final ScanListener listener;
    private final Map<String, CompletableFuture<PriceHistory>> histories = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Fundamentals>> fundamentals = new ConcurrentHashMap<>();
    private final AtomicInteger requested = new AtomicInteger();
    private final FetchCounts counts = new FetchCounts();
    private final AtomicInteger completed = new AtomicInteger();

    ScanData(MarketData marketData, LocalDate from, LocalDate to, ScanListener listener) {
        this.marketData = marketData.observedBy(counts);
        this.from = from;
        this.to = to;
        this.listener = listener;
    }

    CompletableFuture<PriceHistory> history(String symbol) {
        return histories.computeIfAbsent(key(symbol), key -> track(key, marketData.history(key, from, to)));
    }

    CompletableFuture<Fundamentals> fundamentals(String symbol) {
        return fundamentals.computeIfAbsent(key(symbol), key -> track(key, marketData.fundamentals(key)));
    }

    /** The symbol's history, asked for if it was not yet, waited for and told apart from its failures. */
    Fetch<PriceHistory> awaitHistory(String symbol) {
        return Fetch.await(history(symbol));
    }

    /** The symbol's fundamentals, asked for if they were not yet, waited for and told apart from their failures. */
    Fetch<Fundamentals> awaitFundamentals(String symbol) {
        return Fetch.await(fundamentals(symbol));
    }

    /** Tells the source which histories and fundamentals the next requests are for (one round trip to a remote cache). */
    void prefetch(java.util.Collection<String> histories, java.util.Collection<String> fundamentals) {
        marketData.prefetch(histories, fundamentals, from, to);
    }

    /** Where this scan's market data came from: cache hits and misses, upstream calls. */
    FetchCounts counts() {
        return counts;
    }

    private <T> CompletableFuture<T> track(String symbol, CompletableFuture<T> request) {
        requested.incrementAndGet();
        return request.whenComplete((value, error) ->
                listener.fetched(symbol, completed.incrementAndGet(), requested.get()));
    }

    private static String key(String symbol) {
        return symbol.toUpperCase(Locale.ROOT);
    }

}
