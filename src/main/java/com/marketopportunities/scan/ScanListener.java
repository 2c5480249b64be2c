package com.marketopportunities.scan;

/**
 * Hears how a scan progresses. Called from the threads that complete fetches: implementations
 * must be thread-safe and quick.
 */
public interface ScanListener {

    ScanListener SILENT = new ScanListener() {
    };

    /** A stage starts, e.g. "classifying holdings", "scoring gap ETFs". */
    default void stage(String description) {
    }

    /** One more market-data request of the scan has completed, of {@code requested} so far. */
    default void fetched(String symbol, int completed, int requested) {
    }
}
