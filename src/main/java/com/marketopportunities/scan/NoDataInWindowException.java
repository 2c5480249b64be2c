package com.marketopportunities.scan;

import java.time.LocalDate;

/**
 * The market data has nothing in the scan's window: the as-of date lies after its last day (the
 * offline data ends in 2024), or before its first. Nothing can be scored, so no answer is given.
 */
public final class NoDataInWindowException extends ScanFailedException {

    private final LocalDate lastDate;

    NoDataInWindowException(String message, LocalDate lastDate) {
        super(message, null);
        this.lastDate = lastDate;
    }

    /** The last day the data has, or {@code null} when it has none at all. */
    public LocalDate lastDate() {
        return lastDate;
    }
}
