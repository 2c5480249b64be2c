package com.marketopportunities.marketdata;

import java.time.LocalDate;

/**
 * One trading day. {@code adjustedClose} is {@code Double.NaN} when the source has none.
 */
public record DailyBar(LocalDate date, double close, double adjustedClose) {

    /** The close that scores use: the adjusted close when present, else the close (DATA.md). */
    public double scoringClose() {
        return Double.isNaN(adjustedClose) ? close : adjustedClose;
    }
}
