package com.marketopportunities.marketdata;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What asking for one piece of market data came to, as the raw data cache keeps it in place of the
 * value: the data, the provider's "no data" (an answer, kept like data), or a failure to reach the
 * provider (not kept: the next request tries again).
 *
 * @param <T> {@link PriceHistory} or {@link Fundamentals}
 */
sealed interface Fetched<T> {

    /** The answer as a caller of {@link MarketData} gets it: the value, or the failure. */
    CompletableFuture<T> answer();

    /** Whether the cache keeps it: data and "no data" answers are lasting, failures to reach the provider not. */
    boolean lasting();

    /** Its document in the shared level, with {@code encode} for the data; empty when it is not kept there. */
    Optional<String> document(Function<T, String> encode);

    /** The data. */
    record Found<T>(T value) implements Fetched<T> {
        @Override
        public CompletableFuture<T> answer() {
            return CompletableFuture.completedFuture(value);
        }

        @Override
        public boolean lasting() {
            return true;
        }

        @Override
        public Optional<String> document(Function<T, String> encode) {
            return Optional.of(encode.apply(value));
        }
    }

    /** The provider has no data for the symbol. */
    record NoData<T>(NoDataException error) implements Fetched<T> {
        @Override
        public CompletableFuture<T> answer() {
            return CompletableFuture.failedFuture(error);
        }

        @Override
        public boolean lasting() {
            return true;
        }

        @Override
        public Optional<String> document(Function<T, String> encode) {
            return Optional.of(MarketDataJson.encode(error));
        }
    }

    /** The provider could not be reached, or failed otherwise. */
    record Unavailable<T>(Throwable error) implements Fetched<T> {
        @Override
        public CompletableFuture<T> answer() {
            return CompletableFuture.failedFuture(error);
        }

        @Override
        public boolean lasting() {
            return false;
        }

        @Override
        public Optional<String> document(Function<T, String> encode) {
            return Optional.empty();
        }
    }

    /** What a provider's answer came to: its value, or its failure sorted into "no data" or not. */
    static <T> Fetched<T> of(T value, Throwable error) {
        if (value != null) {
            return new Found<>(value);
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof NoDataException noData ? new NoData<>(noData) : new Unavailable<>(cause);
    }
}
