package com.marketopportunities.scan;

import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.FetchCounts;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.currency.CurrencyUnit;
import com.marketopportunities.currency.FxPair;
import com.marketopportunities.currency.ParsedCurrency;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The market data of one scan: each symbol's history, fundamentals and profile are asked for once,
 * however many gaps or holdings share the symbol, over one date range that covers every horizon.
 *
 * <p>Fundamentals of a symbol whose profile this scan asked for come after the profile, which
 * carries them: the source then has them at hand and asks its upstream for nothing more. Once a
 * symbol's fundamentals tell its currency, the history of that currency's rate to the base
 * currency is asked for at once, so that converting the symbol's prices waits for nothing.
 */
final class ScanData {

    private final MarketData marketData;
    private final LocalDate from;
    private final LocalDate to;
    private final ScanListener listener;
    /** The currency prices are converted to, or {@code null} when this scan converts nothing. */
    private final String baseCurrency;
    private final Map<String, CompletableFuture<PriceHistory>> histories = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Fundamentals>> fundamentals = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Fundamentals>> profiles = new ConcurrentHashMap<>();
    private final AtomicInteger requested = new AtomicInteger();
    private final FetchCounts counts = new FetchCounts();
    private final AtomicInteger completed = new AtomicInteger();

    ScanData(MarketData marketData, LocalDate from, LocalDate to, ScanListener listener, String baseCurrency) {
        this.marketData = marketData.observedBy(counts);
        this.from = from;
        this.to = to;
        this.listener = listener;
        this.baseCurrency = baseCurrency;
    }

    CompletableFuture<PriceHistory> history(String symbol) {
        return histories.computeIfAbsent(key(symbol), key -> track(key, marketData.history(key, from, to)));
    }

    CompletableFuture<Fundamentals> fundamentals(String symbol) {
        return fundamentals.computeIfAbsent(key(symbol), key -> {
            CompletableFuture<Fundamentals> profile = profiles.get(key);
            CompletableFuture<Fundamentals> asked = profile == null ? marketData.fundamentals(key)
                    : profile.handle((answered, failed) -> null).thenCompose(done -> marketData.fundamentals(key));
            // the rate is asked for before these fundamentals count as answered (see awaitEveryRequest)
            return track(key, asked.whenComplete((answered, failed) -> {
                if (answered != null) {
                    askForTheRate(answered);
                }
            }));
        });
    }

    /** The symbol's profile (sector, country, a fund's breakdown) with its fundamentals. */
    CompletableFuture<Fundamentals> profile(String symbol) {
        return profiles.computeIfAbsent(key(symbol), key -> track(key, marketData.profile(key)));
    }

    /** The symbol's history, asked for if it was not yet, waited for and told apart from its failures. */
    Fetch<PriceHistory> awaitHistory(String symbol) {
        return Fetch.await(history(symbol));
    }

    /** The symbol's fundamentals, asked for if they were not yet, waited for and told apart from their failures. */
    Fetch<Fundamentals> awaitFundamentals(String symbol) {
        return Fetch.await(fundamentals(symbol));
    }

    /** The symbol's profile, asked for if it was not yet, waited for and told apart from its failures. */
    Fetch<Fundamentals> awaitProfile(String symbol) {
        return Fetch.await(profile(symbol));
    }

    /**
     * Tells the source which histories, fundamentals and profiles the next requests are for (one
     * round trip to a remote cache).
     */
    void prefetch(Collection<String> histories, Collection<String> fundamentals, Collection<String> profiles) {
        marketData.prefetch(histories, fundamentals, profiles, from, to);
    }

    /**
     * Waits until every request of this scan is answered: those it awaited, and those it made ahead
     * in case it would need them (the profiles of gaps' ETFs it may not buy, say). Its counts are
     * then whole when reported, and nothing it asked for runs on after it. A request made because
     * another was answered (a currency's rate) is made before that one counts as answered, so it
     * is among those waited for. Never fails: the requests' failures are the scan's to report.
     */
    void awaitEveryRequest() {
        CompletableFuture<?>[] open;
        while ((open = unanswered()).length > 0) {
            CompletableFuture.allOf(open).handle((done, failed) -> null).join();
        }
    }

    private CompletableFuture<?>[] unanswered() {
        return Stream.of(histories, fundamentals, profiles).flatMap(requests -> requests.values().stream())
                .filter(request -> !request.isDone()).toArray(CompletableFuture[]::new);
    }

    /** Where this scan's market data came from: cache hits and misses, upstream calls. */
    FetchCounts counts() {
        return counts;
    }

    /** Asks for the history of the rate from a symbol's currency to the base, when they differ. */
    private void askForTheRate(Fundamentals answered) {
        if (baseCurrency != null && answered.currency() != null
                && CurrencyUnit.parse(answered.currency()) instanceof ParsedCurrency.Known known
                && !known.unit().iso().equals(baseCurrency)) {
            history(new FxPair(known.unit().iso(), baseCurrency).symbol());
        }
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
