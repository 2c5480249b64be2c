package com.marketopportunities.currency;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exchange rates as of a date, and price histories converted day by day, from the daily
 * histories of FX pairs in Yahoo's convention (EXPOSURE.md 3).
 *
 * <p><b>The rate of FROM in TO as of a date</b> is the last close on or before that date (a
 * weekend or an ECB holiday takes the day before), found by the first of these that has one:
 * the direct pair {@code FROMTO=X}; the inverse pair {@code TOFROM=X} (1 / close); the cross
 * through USD, {@code FROM->USD x USD->TO}, each leg direct or inverse. A currency in itself is 1,
 * without any lookup. A rate older than {@link FxRate#STALE_AFTER_DAYS} days is used and
 * flagged; no rate at all is a {@link RateLookup.Missing} naming the pairs tried.
 *
 * <p><b>Fetching</b>: each pair's history is asked of {@link FxHistories} when first needed,
 * on the calling thread (which may block there), and kept for the life of this object: make one
 * per scan. A pair the provider has not ({@link Fetch.NoData}) or could not give
 * ({@link Fetch.Unavailable}) is the next way's turn. Safe for use by several threads; two
 * threads that need the same pair at once may both ask for it, so back {@link FxHistories} with
 * a source that fetches a symbol once (the scan's data does).
 *
 * <p><b>Cost</b>: a pair's quotes are kept as two arrays; a rate is a binary search, a history
 * of n bars converted in O(n) after one binary search per leg.
 */
public final class FxRates {

    private static final String USD = "USD";

    private final FxHistories histories;
    private final Map<String, Quotes> quotes = new ConcurrentHashMap<>();

    public FxRates(FxHistories histories) {
        this.histories = Objects.requireNonNull(histories, "histories");
    }

    /**
     * Every pair a rate of {@code from} in {@code to} may need, in the order they are tried: for
     * a caller that prefetches (one round trip to a remote cache). None when they are the same.
     */
    public static List<String> pairSymbols(String from, String to) {
        Set<String> symbols = new LinkedHashSet<>();
        for (List<FxPair> route : routes(from, to)) {
            for (FxPair step : route) {
                symbols.add(step.symbol());
                symbols.add(step.inverse().symbol());
            }
        }
        return List.copyOf(symbols);
    }

    /**
     * The rate of one {@code from} in {@code to} as of {@code asOf}.
     *
     * @param from an ISO 4217 code, upper case ({@link CurrencyUnit#iso()})
     * @param to   an ISO 4217 code, upper case
     * @throws IllegalArgumentException when a code is not three upper-case letters
     */
    public RateLookup rate(String from, String to, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (from.equals(to)) {
            FxPair.requireCode(from);
            return new RateLookup.Found(FxRate.identity(from, asOf));
        }
        List<String> tried = new ArrayList<>();
        for (List<FxPair> route : routes(from, to)) {
            List<Way> ways = waysOn(route, asOf, tried);
            if (ways != null) {
                List<FxLeg> legs = new ArrayList<>(ways.size());
                for (Way way : ways) {
                    int at = way.quotes.lastOnOrBefore(asOf);
                    legs.add(new FxLeg(way.quoted, way.inverted, way.quotes.date(at), way.quotes.closes[at]));
                }
                return new RateLookup.Found(FxRate.of(from, to, asOf, legs));
            }
        }
        return new RateLookup.Missing(from, to, asOf, noRate(from, to, asOf, tried));
    }

    /**
     * The history in {@code to}, day by day: each bar's close and adjusted close times the rate
     * of that day (the last on or before it, found the way {@link #rate} finds it as of the
     * history's last day, that way kept for every bar), divided by 100 for a minor unit. Bars
     * before the first day with a rate are dropped. A history already in {@code to} is returned
     * as it is.
     *
     * @param currency the history's currency as written ({@code USD}, {@code GBp})
     * @param to       the ISO 4217 code to convert to, upper case
     */
    public HistoryConversion convert(PriceHistory history, String currency, String to) {
        ParsedCurrency parsed = CurrencyUnit.parse(currency);
        if (parsed instanceof ParsedCurrency.Unknown unknown) {
            return new HistoryConversion.NotConverted(history.symbol(), unknown.written(),
                    "currency " + unknown.written() + ": " + unknown.reason());
        }
        CurrencyUnit unit = ((ParsedCurrency.Known) parsed).unit();
        if (unit.iso().equals(to)) {
            return unit.isMinor() ? new HistoryConversion.Converted(scaled(history, 1.0 / unit.perWhole()), List.of(), 0, 0)
                    : new HistoryConversion.Converted(history, List.of(), 0, 0);
        }
        if (history.isEmpty()) {
            return new HistoryConversion.Converted(history, List.of(), 0, 0);
        }
        LocalDate last = history.bars().get(history.bars().size() - 1).date();
        List<String> tried = new ArrayList<>();
        for (List<FxPair> route : routes(unit.iso(), to)) {
            List<Way> ways = waysOn(route, last, tried);
            if (ways != null) {
                return converted(history, ways, unit.perWhole());
            }
        }
        return new HistoryConversion.NotConverted(history.symbol(), currency, noRate(unit.iso(), to, last, tried));
    }

    /** The ways to go, direct pair first, then through USD; each step is a pair, taken direct or inverse. */
    private static List<List<FxPair>> routes(String from, String to) {
        if (from.equals(to)) {
            return List.of();
        }
        List<List<FxPair>> routes = new ArrayList<>();
        routes.add(List.of(new FxPair(from, to)));
        if (!from.equals(USD) && !to.equals(USD)) {
            routes.add(List.of(new FxPair(from, USD), new FxPair(USD, to)));
        }
        return routes;
    }

    /** For each step of the route, the first of its pair and the inverse with a quote on or before the date; null when a step has none. */
    private List<Way> waysOn(List<FxPair> route, LocalDate date, List<String> tried) {
        List<Way> ways = new ArrayList<>(route.size());
        for (FxPair step : route) {
            Way found = null;
            for (boolean inverted : new boolean[] {false, true}) {
                FxPair quoted = inverted ? step.inverse() : step;
                Way way = new Way(quoted, inverted, quotes(quoted)); // the inverse fetched only when needed
                if (way.quotes.lastOnOrBefore(date) >= 0) {
                    found = way;
                    break;
                }
                String entry = way.quoted.symbol() + " (" + way.quotes.whyNoneBy(date) + ")";
                if (!tried.contains(entry)) {
                    tried.add(entry);
                }
            }
            if (found == null) {
                return null;
            }
            ways.add(found);
        }
        return ways;
    }

    private static String noRate(String from, String to, LocalDate date, List<String> tried) {
        return "no " + from + "->" + to + " rate on or before " + date + "; tried " + String.join(", ", tried);
    }

    private HistoryConversion converted(PriceHistory history, List<Way> ways, int perWhole) {
        List<DailyBar> bars = history.bars();
        int legs = ways.size();
        int[] at = new int[legs];
        for (int leg = 0; leg < legs; leg++) {
            at[leg] = ways.get(leg).quotes.lastOnOrBefore(bars.get(0).date());
        }
        List<DailyBar> out = new ArrayList<>(bars.size());
        int dropped = 0;
        int stale = 0;
        for (DailyBar bar : bars) {
            long day = bar.date().toEpochDay();
            double rate = 1.0 / perWhole;
            long oldest = day;
            boolean known = true;
            for (int leg = 0; leg < legs; leg++) {
                Quotes quotes = ways.get(leg).quotes;
                while (at[leg] + 1 < quotes.days.length && quotes.days[at[leg] + 1] <= day) {
                    at[leg]++;
                }
                if (at[leg] < 0) {
                    known = false;
                    break;
                }
                double close = quotes.closes[at[leg]];
                rate *= ways.get(leg).inverted ? 1 / close : close;
                oldest = Math.min(oldest, quotes.days[at[leg]]);
            }
            if (!known) {
                dropped++;
                continue;
            }
            if (day - oldest > FxRate.STALE_AFTER_DAYS) {
                stale++;
            }
            out.add(new DailyBar(bar.date(), bar.close() * rate, bar.adjustedClose() * rate));
        }
        List<String> pairs = ways.stream().map(way -> way.quoted.symbol()).toList();
        return new HistoryConversion.Converted(new PriceHistory(history.symbol(), out), pairs, dropped, stale);
    }

    private static PriceHistory scaled(PriceHistory history, double factor) {
        List<DailyBar> out = new ArrayList<>(history.bars().size());
        for (DailyBar bar : history.bars()) {
            out.add(new DailyBar(bar.date(), bar.close() * factor, bar.adjustedClose() * factor));
        }
        return new PriceHistory(history.symbol(), out);
    }

    private Quotes quotes(FxPair pair) {
        String symbol = pair.symbol();
        Quotes known = quotes.get(symbol);
        if (known != null) {
            return known;
        }
        // fetched outside the map's lock: a fetch may block, and must not hold up other pairs
        Quotes fetched = Quotes.of(histories.history(symbol));
        Quotes raced = quotes.putIfAbsent(symbol, fetched);
        return raced != null ? raced : fetched;
    }

    /** A step taken through a pair, as quoted or inverted. */
    private record Way(FxPair quoted, boolean inverted, Quotes quotes) {
    }

    /** A pair's closes as arrays, oldest first; none with the reason. */
    private static final class Quotes {

        private final long[] days;
        private final double[] closes;
        private final String whyNone;

        private Quotes(long[] days, double[] closes, String whyNone) {
            this.days = days;
            this.closes = closes;
            this.whyNone = whyNone;
        }

        static Quotes of(Fetch<PriceHistory> fetch) {
            if (fetch instanceof Fetch.Ok<PriceHistory> ok) {
                return of(ok.value());
            }
            if (fetch instanceof Fetch.Unavailable<PriceHistory> unavailable) {
                String message = unavailable.cause().getMessage();
                return none("unavailable" + (message == null ? "" : ": " + message));
            }
            return none("no data");
        }

        private static Quotes of(PriceHistory history) {
            long[] days = new long[history.bars().size()];
            double[] closes = new double[days.length];
            int n = 0;
            for (DailyBar bar : history.bars()) {
                if (bar.close() > 0 && !Double.isInfinite(bar.close())) { // a rate of 0 or NaN is no rate
                    days[n] = bar.date().toEpochDay();
                    closes[n++] = bar.close();
                }
            }
            return n == 0 ? none("no rates") : new Quotes(Arrays.copyOf(days, n), Arrays.copyOf(closes, n), null);
        }

        private static Quotes none(String why) {
            return new Quotes(new long[0], new double[0], why);
        }

        /** The index of the last close on or before the date, or -1. */
        int lastOnOrBefore(LocalDate date) {
            int index = Arrays.binarySearch(days, date.toEpochDay());
            return index >= 0 ? index : -index - 2;
        }

        LocalDate date(int index) {
            return LocalDate.ofEpochDay(days[index]);
        }

        String whyNoneBy(LocalDate date) {
            return whyNone != null ? whyNone : "nothing on or before " + date + ", its first is " + date(0);
        }
    }
}
