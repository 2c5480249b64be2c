package com.marketopportunities.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The rate of one {@code from} in {@code to} as of a date, and where it came from: the quotes
 * of one pair (direct or inverted), or of two through USD multiplied.
 *
 * @param from  ISO 4217 code
 * @param to    ISO 4217 code
 * @param asOf  the date the rate was asked for
 * @param rate  units of {@code to} per unit of {@code from}, {@code > 0}
 * @param legs  the quotes multiplied, in order ({@code from -> ... -> to}); none when
 *              {@code from} is {@code to}
 */
public record FxRate(String from, String to, LocalDate asOf, double rate, List<FxLeg> legs) {

    /** A rate older than this many days before its as-of date is used, but {@linkplain #isStale() flagged}. */
    public static final int STALE_AFTER_DAYS = 7;

    public FxRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        legs = List.copyOf(legs);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(from + "->" + to + ": a rate must be a finite number > 0, got " + rate);
        }
    }

    /** One for one: a currency in itself, without any quote. */
    public static FxRate identity(String currency, LocalDate asOf) {
        return new FxRate(currency, currency, asOf, 1, List.of());
    }

    /** The rate of the legs multiplied. */
    static FxRate of(String from, String to, LocalDate asOf, List<FxLeg> legs) {
        double rate = 1;
        for (FxLeg leg : legs) {
            rate *= leg.rate();
        }
        return new FxRate(from, to, asOf, rate, legs);
    }

    /** The day of the oldest quote that went into the rate; the as-of date when there is none. */
    public LocalDate date() {
        return legs.stream().map(FxLeg::date).min(Comparator.naturalOrder()).orElse(asOf);
    }

    /** Days from {@link #date()} to the as-of date. */
    public long ageDays() {
        return ChronoUnit.DAYS.between(date(), asOf);
    }

    /** Whether the rate is more than {@link #STALE_AFTER_DAYS} days older than its as-of date: used, but worth a warning. */
    public boolean isStale() {
        return ageDays() > STALE_AFTER_DAYS;
    }

    /** The pairs whose quotes made the rate: {@code [CHFUSD=X, JPYUSD=X]}. */
    public List<String> pairSymbols() {
        return legs.stream().map(leg -> leg.quoted().symbol()).toList();
    }

    /** {@code CHF->JPY 144.62 = CHFUSD=X 1.07015 (2022-12-05) x 1/JPYUSD=X 0.00739987 (2022-12-05)}. */
    @Override
    public String toString() {
        String head = from + "->" + to + " " + BigDecimal.valueOf(rate).toPlainString();
        return legs.isEmpty() ? head : head + " = " + legs.stream().map(FxLeg::toString).collect(Collectors.joining(" x "));
    }
}
