package com.marketopportunities.currency;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One quote that went into a rate: the close of {@code quoted} on {@code date}, used as it is or
 * inverted ({@code 1 / JPYUSD=X} for dollars to yen when there is no {@code USDJPY=X}).
 *
 * @param quoted   the pair whose history gave the close
 * @param inverted whether the rate is {@code 1 / close}
 * @param date     the day of the close: the last on or before the date asked for
 * @param close    the pair's close that day, {@code > 0}
 */
public record FxLeg(FxPair quoted, boolean inverted, LocalDate date, double close) {

    public FxLeg {
        Objects.requireNonNull(quoted, "quoted");
        Objects.requireNonNull(date, "date");
        if (!(close > 0) || Double.isInfinite(close)) {
            throw new IllegalArgumentException(quoted + ": a close must be a finite number > 0, got " + close);
        }
    }

    /** The rate this leg stands for: of {@link #from()} in {@link #to()}. */
    public double rate() {
        return inverted ? 1 / close : close;
    }

    /** The currency this leg converts from. */
    public String from() {
        return inverted ? quoted.to() : quoted.from();
    }

    /** The currency this leg converts to. */
    public String to() {
        return inverted ? quoted.from() : quoted.to();
    }

    /** {@code CHFUSD=X 1.07015 (2022-12-05)} or {@code 1/JPYUSD=X 0.00739987 (2022-12-05)}. */
    @Override
    public String toString() {
        return (inverted ? "1/" : "") + quoted.symbol() + " " + java.math.BigDecimal.valueOf(close).toPlainString() + " (" + date + ")";
    }
}
