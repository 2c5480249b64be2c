package com.marketopportunities.marketdata;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests that reach the wrapped provider (the upstream, under the caches), per symbol. */
public final class CountingMarketData implements MarketData {

    private final MarketData delegate;
    private final Map<String, AtomicInteger> histories;
    private final Map<String, AtomicInteger> fundamentals;
    private final Map<String, AtomicInteger> profiles;

    public CountingMarketData(MarketData delegate) {
        this(delegate, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private CountingMarketData(MarketData delegate, Map<String, AtomicInteger> histories,
                               Map<String, AtomicInteger> fundamentals, Map<String, AtomicInteger> profiles) {
        this.delegate = delegate;
        this.histories = histories;
        this.fundamentals = fundamentals;
        this.profiles = profiles;
    }

    @Override
    public CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to) {
        histories.computeIfAbsent(symbol, key -> new AtomicInteger()).incrementAndGet();
        return delegate.history(symbol, from, to);
    }

    @Override
    public CompletableFuture<Fundamentals> fundamentals(String symbol) {
        fundamentals.computeIfAbsent(symbol, key -> new AtomicInteger()).incrementAndGet();
        return delegate.fundamentals(symbol);
    }

    @Override
    public CompletableFuture<Fundamentals> profile(String symbol) {
        profiles.computeIfAbsent(symbol, key -> new AtomicInteger()).incrementAndGet();
        return delegate.profile(symbol);
    }

    @Override
    public MarketData observedBy(FetchObserver observer) {
        return new CountingMarketData(delegate.observedBy(observer), histories, fundamentals, profiles);
    }

    @Override
    public String describe() {
        return "counting " + delegate.describe();
    }

    /** History requests per symbol so far. */
    public Map<String, Integer> histories() {
        return snapshot(histories);
    }

    /** Fundamentals requests per symbol so far. */
    public Map<String, Integer> fundamentals() {
        return snapshot(fundamentals);
    }

    /** Profile requests per symbol so far. */
    public Map<String, Integer> profiles() {
        return snapshot(profiles);
    }

    /** Every request so far. */
    public int total() {
        return histories.values().stream().mapToInt(AtomicInteger::get).sum()
                + fundamentals.values().stream().mapToInt(AtomicInteger::get).sum()
                + profiles.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((symbol, count) -> copy.put(symbol, count.get()));
        return copy;
    }
}
