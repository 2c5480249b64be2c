package com.marketopportunities.scorecache;

import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.Scorer;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A scorer that counts the scores it computes, per {@code SYMBOL:horizon}. */
final class CountingScorer implements Scorer {

    private final Scorer delegate;
    private final Map<String, AtomicInteger> computed = new ConcurrentHashMap<>();

    CountingScorer(Scorer delegate) {
        this.delegate = delegate;
    }

    @Override
    public ScoreOutcome score(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                              PriceHistory benchmark, Fundamentals fundamentals) {
        computed.computeIfAbsent(symbol + ":" + horizon.key(), key -> new AtomicInteger()).incrementAndGet();
        return delegate.score(symbol, horizon, asOf, history, benchmark, fundamentals);
    }

    @Override
    public ScoreOutcome scoreWithoutFundamentals(String symbol, Horizon horizon, LocalDate asOf, PriceHistory history,
                                                 PriceHistory benchmark) {
        computed.computeIfAbsent(symbol + ":" + horizon.key(), key -> new AtomicInteger()).incrementAndGet();
        return delegate.scoreWithoutFundamentals(symbol, horizon, asOf, history, benchmark);
    }

    @Override
    public String modelVersion() {
        return delegate.modelVersion();
    }

    /** How many times each {@code SYMBOL:horizon} was scored, sorted by key. */
    Map<String, Integer> computed() {
        Map<String, Integer> counts = new TreeMap<>();
        computed.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    int total() {
        return computed.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
