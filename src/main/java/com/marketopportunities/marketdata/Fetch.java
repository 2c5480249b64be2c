package com.marketopportunities.marketdata;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How a fetch of market data ended: with its value, with the provider having no data for the
 * symbol, or with no answer to be had. A caller decides on the case; a failure is never a
 * {@code null} that a later method must explain.
 *
 * @param <T> what was fetched: a {@link PriceHistory}, {@link Fundamentals}
 */
public sealed interface Fetch<T> {

    /** The fetched value, when there is one. */
    default Optional<T> toOptional() {
        return Optional.empty();
    }

    /** The fetch succeeded. */
    record Ok<T>(T value) implements Fetch<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<T> toOptional() {
            return Optional.of(value);
        }
    }

    /**
     * The provider has no data for the symbol ({@link NoDataException}: unknown or delisted symbol,
     * no fundamentals); asking again will not help.
     *
     * @param reason the provider's words, shown to the user
     */
    record NoData<T>(String reason) implements Fetch<T> {
    }

    /**
     * No answer could be had. Either the provider could not answer now
     * ({@link MarketDataUnavailableException}: unreachable, timing out, rate-limited, circuit open;
     * a later try may succeed), or the source failed in a way its contract does not name.
     *
     * @param cause the failure, never a {@link CompletionException} wrapper
     */
    record Unavailable<T>(Throwable cause) implements Fetch<T> {
        public Unavailable {
            Objects.requireNonNull(cause, "cause");
        }

        /** Whether the provider could not answer ({@link MarketDataUnavailableException}), not an unexpected failure. */
        public boolean upstreamFailed() {
            return cause instanceof MarketDataUnavailableException;
        }
    }

    /**
     * Waits for a fetch and tells how it ended. A value of {@code null}, which no source should
     * answer, is an {@link Unavailable} whose upstream did not fail.
     *
     * @throws java.util.concurrent.CancellationException when the fetch was cancelled, as
     *         {@link CompletableFuture#join()} does
     */
    public static <T> Fetch<T> await(CompletableFuture<T> future) {
        T value;
        try {
            value = future.join();
        } catch (CompletionException e) {
            return failed(e);
        }
        return value == null ? new Unavailable<>(new IllegalStateException("the market-data source answered null"))
                : new Ok<>(value);
    }

    /**
     * The failed fetch that {@code error} stands for: {@link NoData} for a {@link NoDataException},
     * {@link Unavailable} for anything else. A {@link CompletionException} is looked through.
     */
    static <T> Fetch<T> failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof NoDataException noData) {
            return new NoData<>(noData.getMessage());
        }
        return new Unavailable<>(cause);
    }
}
