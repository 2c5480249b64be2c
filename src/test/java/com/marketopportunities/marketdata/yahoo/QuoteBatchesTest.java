package com.marketopportunities.marketdata.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketopportunities.marketdata.FetchCounts;
import com.marketopportunities.marketdata.FetchObserver;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.NoDataException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuoteBatchesTest {

    /** The calls made, each with its symbols; answers every symbol but those starting with "UNKNOWN". */
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final Function<List<String>, CompletableFuture<Map<String, Fundamentals>>> yahoo = symbols -> {
        calls.add(symbols);
        return CompletableFuture.completedFuture(symbols.stream().filter(symbol -> !symbol.startsWith("UNKNOWN"))
                .collect(Collectors.toMap(symbol -> symbol, symbol -> Fundamentals.none(symbol))));
    };

    @Test
    void symbolsAskedForTogetherShareOneCall() {
        QuoteBatches batches = new QuoteBatches(50, Duration.ofMillis(20), yahoo);

        List<CompletableFuture<Fundamentals>> answers = List.of("AAPL", "MSFT", "XLV").stream()
                .map(symbol -> batches.quote(symbol, FetchObserver.NONE)).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isNotNull());
        assertThat(calls).containsExactly(List.of("AAPL", "MSFT", "XLV"));
    }

    @Test
    void aBatchIsSplitAtTheLimitAndEachSymbolIsInOneCallOnly() {
        QuoteBatches batches = new QuoteBatches(50, Duration.ofMillis(20), yahoo);

        List<CompletableFuture<Fundamentals>> answers = IntStream.range(0, 120)
                .mapToObj(i -> batches.quote("S" + i, FetchObserver.NONE)).toList();
        answers.forEach(CompletableFuture::join);

        assertThat(calls).extracting(List::size).containsExactly(50, 50, 20);
        assertThat(calls.stream().flatMap(List::stream)).doesNotHaveDuplicates().hasSize(120);
    }

    @Test
    void aSymbolAskedForTwiceWhileItWaitsIsAskedOnce() {
        QuoteBatches batches = new QuoteBatches(50, Duration.ofMillis(20), yahoo);

        CompletableFuture<Fundamentals> first = batches.quote("AAPL", FetchObserver.NONE);
        CompletableFuture<Fundamentals> second = batches.quote("AAPL", FetchObserver.NONE);

        assertThat(second).isSameAs(first);
        first.join();
        assertThat(calls).containsExactly(List.of("AAPL"));
    }

    @Test
    void aSymbolMissingFromTheAnswerIsNoDataAndTheOthersAreAnswered() {
        QuoteBatches batches = new QuoteBatches(50, Duration.ofMillis(20), yahoo);

        CompletableFuture<Fundamentals> known = batches.quote("AAPL", FetchObserver.NONE);
        CompletableFuture<Fundamentals> unknown = batches.quote("UNKNOWN1", FetchObserver.NONE);

        assertThat(known.join().symbol()).isEqualTo("AAPL");
        assertThatThrownBy(unknown::join).cause().isInstanceOf(NoDataException.class)
                .hasMessageContaining("UNKNOWN1");
    }

    @Test
    void aFailedCallFailsItsOwnSymbolsOnly() {
        QuoteBatches batches = new QuoteBatches(2, Duration.ofMillis(20), symbols -> symbols.contains("C")
                ? CompletableFuture.failedFuture(new MarketDataUnavailableException("HTTP 429 after retries"))
                : yahoo.apply(symbols));

        List<CompletableFuture<Fundamentals>> answers = List.of("A", "B", "C", "D").stream()
                .map(symbol -> batches.quote(symbol, FetchObserver.NONE)).toList();

        assertThat(answers.get(0).join().symbol()).isEqualTo("A");
        assertThat(answers.get(1).join().symbol()).isEqualTo("B");
        assertThatThrownBy(answers.get(2)::join).cause().isInstanceOf(MarketDataUnavailableException.class);
        assertThatThrownBy(answers.get(3)::join).cause().isInstanceOf(MarketDataUnavailableException.class);
    }

    @Test
    void eachObserverHearsOfACallOnceHoweverManyOfItsSymbolsAreInIt() {
        QuoteBatches batches = new QuoteBatches(50, Duration.ofMillis(20), yahoo);
        FetchCounts scanA = new FetchCounts();
        FetchCounts scanB = new FetchCounts();

        CompletableFuture.allOf(batches.quote("AAPL", scanA), batches.quote("MSFT", scanA),
                batches.quote("XLV", scanB)).join();

        assertThat(calls).hasSize(1);
        assertThat(scanA.upstreamCalls()).isEqualTo(1);
        assertThat(scanB.upstreamCalls()).isEqualTo(1);
    }
}
