package com.marketopportunities.benchmark.harness;

import com.marketopportunities.marketdata.yahoo.standin.LoggedRequest;
import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The requests a Yahoo stand-in answered between two moments, read from its own log: the upstream
 * side of a scan, to cross-check the {@code upstream_calls} the scan reports about itself.
 *
 * @param dataRequests     chart and quoteSummary requests, 429 answers and retries included
 * @param tooManyRequests  of those, the ones answered 429
 * @param handshakes       cookie page, consent and crumb requests
 * @param repeated         (endpoint, symbol) pairs asked more than once, 429 answers aside: DATA.md wants
 *                         each symbol's data asked at most once per scan
 * @param byEndpoint       every request by endpoint ({@code chart}, {@code quote}, {@code quote_summary},
 *                         {@code crumb}, {@code cookie_page}, ...), 429 answers included
 */
record UpstreamTraffic(long dataRequests, long tooManyRequests, long handshakes, long repeated,
                       Map<String, Long> byEndpoint) {

    /** A point in a stand-in's log. */
    record Mark(YahooStandIn standIn, int position) {

        UpstreamTraffic since() {
            List<LoggedRequest> log = standIn.requests();
            List<LoggedRequest> recent = log.subList(Math.min(position, log.size()), log.size());
            long data = recent.stream().filter(request -> request.endpoint().carriesData()).count();
            long refused = recent.stream().filter(request -> request.endpoint().carriesData() && request.status() == 429)
                    .count();
            // a quote call names many symbols: each of them counts as asked for once
            long repeated = recent.stream().filter(request -> request.endpoint().carriesData() && request.status() != 429)
                    .flatMap(request -> request.symbols().stream().map(symbol -> request.endpoint() + " " + symbol))
                    .collect(Collectors.groupingBy(pair -> pair, Collectors.counting()))
                    .values().stream().filter(times -> times > 1).count();
            Map<String, Long> byEndpoint = recent.stream().collect(Collectors.groupingBy(
                    request -> request.endpoint().name().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.counting()));
            return new UpstreamTraffic(data, refused, recent.size() - data, repeated, byEndpoint);
        }
    }

    static Mark mark(YahooStandIn standIn) {
        return new Mark(standIn, standIn.requests().size());
    }

    /** Data requests that got an answer other than 429: what the client asked for once retries are set aside. */
    long answered() {
        return dataRequests - tooManyRequests;
    }

    long total() {
        return dataRequests + handshakes;
    }

    /** Requests of {@code endpoint} (lower case, e.g. "chart"), 429 answers included. */
    long of(String endpoint) {
        return byEndpoint.getOrDefault(endpoint, 0L);
    }
}
