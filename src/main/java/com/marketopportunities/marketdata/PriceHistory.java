package com.marketopportunities.marketdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Daily bars of one symbol, oldest first, dates strictly ascending.
 */
public record PriceHistory(String symbol, List<DailyBar> bars) {

    public PriceHistory {
        bars = List.copyOf(bars);
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).date().isAfter(bars.get(i - 1).date())) {
                throw new IllegalArgumentException(symbol + ": bars are not in strictly ascending date order at "
                        + bars.get(i).date());
            }
        }
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The bars dated from {@code from} to {@code to}, both inclusive. */
    public List<DailyBar> between(LocalDate from, LocalDate to) {
        int start = firstIndexOnOrAfter(from);
        int end = firstIndexOnOrAfter(to.plusDays(1));
        return start >= end ? List.of() : bars.subList(start, end);
    }

    /** The scoring closes (adjusted when present) dated from {@code from} to {@code to}, inclusive. */
    public double[] closesBetween(LocalDate from, LocalDate to) {
        return between(from, to).stream().mapToDouble(DailyBar::scoringClose).toArray();
    }

    /** The scoring closes of the last {@code count} bars on or before {@code asOf} (fewer when there are fewer), oldest first. */
    public double[] lastCloses(LocalDate asOf, int count) {
        int end = firstIndexOnOrAfter(asOf.plusDays(1));
        return bars.subList(Math.max(0, end - count), end).stream().mapToDouble(DailyBar::scoringClose).toArray();
    }

    /** This history cut to the bars on or before {@code asOf}. */
    public PriceHistory upTo(LocalDate asOf) {
        int end = firstIndexOnOrAfter(asOf.plusDays(1));
        return end == bars.size() ? this : new PriceHistory(symbol, bars.subList(0, end));
    }

    private int firstIndexOnOrAfter(LocalDate date) {
        int index = Collections.binarySearch(new DateView(bars), date);
        return index >= 0 ? index : -index - 1;
    }

    /** Dates of the bars as a random-access list, for binary search without copying. */
    private static final class DateView extends java.util.AbstractList<LocalDate> implements java.util.RandomAccess {
        private final List<DailyBar> bars;

        DateView(List<DailyBar> bars) {
            this.bars = bars;
        }

        @Override
        public LocalDate get(int index) {
            return bars.get(index).date();
        }

        @Override
        public int size() {
            return bars.size();
        }
    }

    /**
     * A builder that skips bars with no close (Yahoo's null entries), and keeps the last bar of a
     * date given twice (Yahoo repeats the live day), in date order.
     */
    public static final class Builder {
        private final String symbol;
        private final java.util.TreeMap<LocalDate, DailyBar> bars = new java.util.TreeMap<>();

        public Builder(String symbol) {
            this.symbol = symbol;
        }

        public Builder add(LocalDate date, Double close, Double adjustedClose) {
            if (date != null && close != null && !close.isNaN() && close > 0) {
                bars.put(date, new DailyBar(date, close, adjustedClose == null ? Double.NaN : adjustedClose));
            }
            return this;
        }

        public PriceHistory build() {
            return new PriceHistory(symbol, new ArrayList<>(bars.values()));
        }
    }
}
