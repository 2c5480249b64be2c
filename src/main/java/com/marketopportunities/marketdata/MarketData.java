package com.marketopportunities.marketdata;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/**
 * A source of daily prices and fundamentals (Yahoo Finance, a CSV folder, a cache in front of
 * either).
 *
 * <p>Calls are asynchronous so that a slow, rate-limited HTTP provider can fetch many symbols
 * in parallel within its own bounds: a caller asks for everything a scan needs first, then waits.
 * Implementations must be thread-safe. A caller asks for each symbol once per scan; caching and
 * de-duplication across scans belong to the implementation (or a decorator).
 *
 * <p>Failures complete the future exceptionally with:
 * <ul>
 *   <li>{@link NoDataException} when the provider has no data for the symbol (unknown or
 *       delisted symbol, no fundamentals): the symbol is reported unscored, the scan goes on;</li>
 *   <li>{@link MarketDataUnavailableException} when the provider cannot be reached or refuses
 *       (network down, timeouts, rate limits exhausted, circuit open).</li>
 * </ul>
 */
public interface MarketData extends AutoCloseable {

    /**
     * Daily bars of {@code symbol} dated from {@code from} to {@code to}, both inclusive, oldest
     * first. A history may hold fewer bars than the range (recent listing); an empty history is a
     * {@link NoDataException}.
     */
    CompletableFuture<PriceHistory> history(String symbol, LocalDate from, LocalDate to);

    /**
     * Fundamentals of {@code symbol}: name, instrument type, currency and valuation (P/E, PEG,
     * dividend yield). A source may leave the profile's fields (sector, country, a fund's breakdown)
     * out: ask {@link #profile} for those.
     */
    CompletableFuture<Fundamentals> fundamentals(String symbol);

    /**
     * Fundamentals of {@code symbol} with its profile: sector and country of a company, breakdown of
     * a fund (EXPOSURE.md 2). It changes slowly and may cost a request per symbol where
     * {@link #fundamentals} shares one among many (Yahoo). The default is {@link #fundamentals},
     * for a source whose fundamentals carry the profile.
     */
    default CompletableFuture<Fundamentals> profile(String symbol) {
        return fundamentals(symbol);
    }

    /**
     * A hint that the histories (over {@code from..to}) of {@code histories}, the fundamentals of
     * {@code fundamentals} and the profiles of {@code profiles} are about to be asked for: a source
     * with a remote cache brings them close in one round trip. Returns within the cache's timeout;
     * never fails. The default does nothing.
     */
    default void prefetch(java.util.Collection<String> histories, java.util.Collection<String> fundamentals,
                          java.util.Collection<String> profiles, LocalDate from, LocalDate to) {
    }

    /**
     * The state of the source's protection against a failing upstream (e.g. a circuit breaker's
     * CLOSED, OPEN, HALF_OPEN), when it has one.
     */
    default java.util.Optional<String> breakerState() {
        return java.util.Optional.empty();
    }

    /** A short description for messages and reports, e.g. "CSV folder /data" or "Yahoo Finance". */
    String describe();

    /**
     * This source reporting to {@code observer} (one scan's counts); it shares everything else
     * (caches, connections, limits) with this one.
     */
    MarketData observedBy(FetchObserver observer);

    /**
     * Releases what the source holds (connections, threads). The owner closes the source it
     * created, never a view from {@link #observedBy}, which shares everything.
     */
    @Override
    default void close() {
    }
}
