package com.marketopportunities.marketdata;

import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FetchObserver} that counts: one scan's cache hits, misses and upstream calls. */
public final class FetchCounts implements FetchObserver {

    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger upstream = new AtomicInteger();

    @Override
    public void cacheHit() {
        hits.incrementAndGet();
    }

    @Override
    public void cacheMiss() {
        misses.incrementAndGet();
    }

    @Override
    public void upstreamCall() {
        upstream.incrementAndGet();
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    public int upstreamCalls() {
        return upstream.get();
    }
}
