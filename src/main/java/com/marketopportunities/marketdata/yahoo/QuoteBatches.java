package com.marketopportunities.marketdata.yahoo;

import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.NoDataException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Gathers the symbols whose fundamentals are asked for one by one into v7 quote calls of many
 * symbols: a call goes out when {@code batchSize} symbols wait, or {@code linger} after the first of
 * them was asked for, whichever comes first. A scan asks for a round's symbols in a tight loop, so
 * they share one call (or a few, at 50 symbols a call).
 *
 * <p>A caller that knows which symbols it is about to ask for says so ({@link #expect}): the call
 * then goes out as soon as the last of them is asked for, without the linger, so that it is queued
 * before whatever the caller asks for next.
 *
 * <p>A symbol asked for again while it waits shares its place; each symbol is in one call only, so
 * a call that fails and is retried repeats no other call's symbols. A symbol the answer leaves out
 * is one Yahoo does not know: a {@link NoDataException}. A failed call fails the fundamentals of
 * its symbols alone. Every observer with a symbol in a call hears of the call once.
 *
 * <p>Thread-safe.
 */
final class QuoteBatches {

    private final int batchSize;
    private final Duration linger;
    private final Function<List<String>, CompletableFuture<Map<String, Fundamentals>>> call;
    /** The symbols waiting for the next call, in the order asked; guarded by {@code this}. */
    private Map<String, Waiting> waiting = new LinkedHashMap<>();
    /** Symbols announced and not yet asked for; guarded by {@code this}. */
    private final Set<String> expected = new java.util.HashSet<>();

    /** A symbol's place in the next call: its answer, and who asked. */
    private record Waiting(CompletableFuture<Fundamentals> answer, Set<FetchObserver> observers) {
    }

    /**
     * @param call one v7 quote call for at most {@code batchSize} symbols: what Yahoo answered for each
     *             symbol it knows
     */
    QuoteBatches(int batchSize, Duration linger, Function<List<String>, CompletableFuture<Map<String, Fundamentals>>> call) {
        this.batchSize = batchSize;
        this.linger = linger;
        this.call = call;
    }

    /** Announces symbols about to be asked for (as Yahoo writes them): the call waits for them, not for the linger. */
    synchronized void expect(java.util.Collection<String> symbols) {
        expected.addAll(symbols);
        expected.removeAll(waiting.keySet());
    }

    /** The fundamentals of {@code symbol} (as Yahoo writes it), from the next call. */
    CompletableFuture<Fundamentals> quote(String symbol, FetchObserver observer) {
        Map<String, Waiting> full = null;
        Waiting place;
        synchronized (this) {
            place = waiting.get(symbol);
            if (place != null) {
                place.observers().add(observer);
                return place.answer();
            }
            place = new Waiting(new CompletableFuture<>(), new LinkedHashSet<>(List.of(observer)));
            waiting.put(symbol, place);
            boolean lastExpected = expected.remove(symbol) && expected.isEmpty();
            if (waiting.size() >= batchSize || lastExpected) {
                full = takeWaiting();
            } else if (waiting.size() == 1) {
                CompletableFuture.delayedExecutor(linger.toNanos(), TimeUnit.NANOSECONDS).execute(this::sendWaiting);
            }
        }
        if (full != null) {
            send(full);
        }
        return place.answer();
    }

    /** Sends what waits, if anything does (a full batch may have gone already). */
    private void sendWaiting() {
        Map<String, Waiting> batch;
        synchronized (this) {
            batch = takeWaiting();
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private Map<String, Waiting> takeWaiting() {
        if (waiting.size() < batchSize) {
            // a call that is not full ends the announcement: whatever was not asked for by now comes alone
            expected.clear();
        }
        Map<String, Waiting> batch = waiting;
        waiting = new LinkedHashMap<>();
        return batch;
    }

    private void send(Map<String, Waiting> batch) {
        Set<FetchObserver> observers = new LinkedHashSet<>();
        batch.values().forEach(place -> observers.addAll(place.observers()));
        observers.forEach(FetchObserver::upstreamCall);
        CompletableFuture<Map<String, Fundamentals>> answer;
        try {
            answer = call.apply(new ArrayList<>(batch.keySet()));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((found, error) -> batch.forEach((symbol, place) -> {
            if (error != null) {
                place.answer().completeExceptionally(error);
            } else if (found.containsKey(symbol)) {
                place.answer().complete(found.get(symbol));
            } else {
                place.answer().completeExceptionally(new NoDataException(symbol, "no data for " + symbol
                        + ": Yahoo's quote does not know the symbol"));
            }
        }));
    }
}
