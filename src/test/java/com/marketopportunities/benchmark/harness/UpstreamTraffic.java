package com.marketopportunities.benchmark.harness;

import com.marketopportunities.marketdata.yahoo.standin.LoggedRequest;
import com.marketopportunities.marketdata.yahoo.standin.YahooStandIn;
import java.util.List;
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
 */
record UpstreamTraffic(long dataRequests, long tooManyRequests, long handshakes, long repeated) {

    /** A point in a stand-in's log. */
    record Mark(YahooStandIn standIn, int position) {

        UpstreamTraffic since() {
            List<LoggedRequest> log = standIn.requests();
            List<LoggedRequest> recent = log.subList(Math.min(position, log.size()), log.size());
            long data = recent.stream().filter(request -> request.endpoint().carriesData()).count();
            long refused = recent.stream().filter(request -> request.endpoint().carriesData() && request.status() == 429)
                    .count();
            long repeated = recent.stream().filter(request -> request.endpoint().carriesData() && request.status() != 429)
                    .collect(Collectors.groupingBy(request -> request.endpoint() + " " + request.symbol(),
                            Collectors.counting()))
                    .values().stream().filter(times -> times > 1).count();
            return new UpstreamTraffic(data, refused, recent.size() - data, repeated);
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
}
