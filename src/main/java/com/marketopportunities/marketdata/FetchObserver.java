package com.marketopportunities.marketdata;

/**
 * Hears where each piece of market data of one scan came from, so that the scan can report its
 * cache hits and upstream calls. Called from any thread: implementations must be thread-safe.
 */
public interface FetchObserver {

    FetchObserver NONE = new FetchObserver() {
    };

    /** A request was answered from a cache (or joined one already under way). */
    default void cacheHit() {
    }

    /** A request was not in the cache and goes on to the provider. */
    default void cacheMiss() {
    }

    /** A request goes to the upstream provider (Yahoo, the CSV folder). */
    default void upstreamCall() {
    }

    /** This observer and {@code other}, each hearing everything, this one first. */
    default FetchObserver and(FetchObserver other) {
        FetchObserver first = this;
        return new FetchObserver() {
            @Override
            public void cacheHit() {
                first.cacheHit();
                other.cacheHit();
            }

            @Override
            public void cacheMiss() {
                first.cacheMiss();
                other.cacheMiss();
            }

            @Override
            public void upstreamCall() {
                first.upstreamCall();
                other.upstreamCall();
            }
        };
    }
}
