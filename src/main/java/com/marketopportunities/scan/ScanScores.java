package com.marketopportunities.scan;

import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.scorecache.ScoreCache;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.Scorer;
import com.marketopportunities.scoring.SymbolScore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scores of one scan, requested early and awaited late so that fetches overlap. Each symbol
 * is scored once per scan: through the score cache, computed from the scan's market data when
 * the cache has no fresh score.
 *
 * <p>Owned by one scan: {@link #request}, {@link #outcome} and {@link #outcomes} are called from
 * the scan's own thread only. The counts and the last upstream failure are written from the
 * threads that complete fetches, and may be read once the outcomes have been awaited.
 */
final class ScanScores {

    private final ScanData data;
    private final Scorer scorer;
    private final String benchmarkSymbol;
    private final Horizon horizon;
    private final LocalDate asOf;
    private final ScoreCache.ScanLookup cached;
    private final Map<String, CompletableFuture<ScoreOutcome>> pending = new LinkedHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger stale = new AtomicInteger();
    private volatile Throwable unavailable;

    /**
     * @param benchmarkSymbol the symbol relative strength is measured against
     * @param cached          the score cache's lookups for this scan's horizon and date
     */
    ScanScores(ScanData data, Scorer scorer, String benchmarkSymbol, Horizon horizon, LocalDate asOf,
               ScoreCache.ScanLookup cached) {
        this.data = data;
        this.scorer = scorer;
        this.benchmarkSymbol = benchmarkSymbol;
        this.horizon = horizon;
        this.asOf = asOf;
        this.cached = cached;
    }

    /**
     * Starts scoring the symbols not asked for already, their cached scores read in one go: one
     * round of the scan.
     */
    void requestAll(Collection<String> symbols) {
        cached.prefetch(symbols.stream().filter(symbol -> !pending.containsKey(symbol)).toList());
        symbols.forEach(this::request);
    }

    /** Starts scoring the symbol unless it was asked for already; never fails: a failure is an Unscored outcome. */
    CompletableFuture<ScoreOutcome> request(String symbol) {
        return pending.computeIfAbsent(symbol, key -> cached.score(key, () -> compute(key))
                .thenApply(served -> {
                    // a symbol without data has no score to hit or miss: it is reported unscored
                    switch (served.source()) {
                        case HIT -> hits.incrementAndGet();
                        case MISS -> {
                            if (served.outcome() instanceof ScoreOutcome.Scored) {
                                misses.incrementAndGet();
                            }
                        }
                        case STALE -> stale.incrementAndGet();
                    }
                    return served.outcome();
                }));
    }

    /** The symbol's outcome, requested if need be and waited for. */
    ScoreOutcome outcome(String symbol) {
        return request(symbol).join();
    }

    /** The symbol's score, fresh or stale, when it has one. */
    Optional<SymbolScore> score(String symbol) {
        return outcome(symbol).anyScore();
    }

    /** Every requested symbol's outcome, in the order they were first requested. */
    Map<String, ScoreOutcome> outcomes() {
        Map<String, ScoreOutcome> outcomes = new LinkedHashMap<>();
        pending.forEach((symbol, future) -> outcomes.put(symbol, future.join()));
        return outcomes;
    }

    /** Why the provider could not answer, when it could not for at least one score; else {@code null}. */
    Throwable unavailable() {
        return unavailable;
    }

    /** Scores answered fresh from the score cache. */
    int hits() {
        return hits.get();
    }

    /** Scores computed because the cache had none fresh. */
    int misses() {
        return misses.get();
    }

    /** Expired scores served because computing a new one failed upstream. */
    int staleServed() {
        return stale.get();
    }

    /**
     * Scores the symbol from its history, the benchmark's and its fundamentals. Fundamentals the
     * provider truly has none of score with the value rules' neutral answers; fundamentals that
     * could not be had (throttled, unreachable) while the prices came give a partial score, with
     * the pillars it has, which the cache keeps for minutes only.
     */
    private CompletableFuture<ScoreOutcome> compute(String symbol) {
        CompletableFuture<Fetch<Fundamentals>> fundamentals = data.fundamentals(symbol)
                .handle((value, error) -> error == null ? new Fetch.Ok<>(value) : Fetch.failed(error));
        CompletableFuture<PriceHistory> benchmark = data.history(benchmarkSymbol)
                .exceptionally(error -> new PriceHistory(benchmarkSymbol, List.of()));
        return data.history(symbol)
                .thenCombine(fundamentals, SymbolData::new)
                .thenCombine(benchmark, (own, bench) -> score(symbol, own, bench))
                .exceptionally(error -> unscored(symbol, error));
    }

    private ScoreOutcome score(String symbol, SymbolData own, PriceHistory benchmark) {
        if (own.fundamentals() instanceof Fetch.Unavailable<Fundamentals> unavailable) {
            if (unavailable.upstreamFailed()) {
                this.unavailable = unavailable.cause();
            }
            return scorer.scoreWithoutFundamentals(symbol, horizon, asOf, own.history(), benchmark);
        }
        Fundamentals known = own.fundamentals().toOptional().orElse(Fundamentals.none(symbol));
        return scorer.score(symbol, horizon, asOf, own.history(), benchmark, known);
    }

    private ScoreOutcome unscored(String symbol, Throwable error) {
        Fetch<?> failure = Fetch.failed(error);
        if (failure instanceof Fetch.NoData<?> noData) {
            return new ScoreOutcome.Unscored(symbol, noData.reason());
        }
        Throwable cause = ((Fetch.Unavailable<?>) failure).cause();
        if (cause instanceof MarketDataUnavailableException) {
            unavailable = cause;
            return new ScoreOutcome.Unscored(symbol, "market data unavailable: " + cause.getMessage(), true);
        }
        return new ScoreOutcome.Unscored(symbol, "could not be scored: " + cause);
    }

    /** A symbol's own data, as the scorer takes it beside the benchmark: its fundamentals as their fetch ended. */
    private record SymbolData(PriceHistory history, Fetch<Fundamentals> fundamentals) {
    }
}
