package com.marketopportunities.portfolio;

import java.time.LocalDate;

/**
 * What one row of the file held of a position: a position on several rows has several lots.
 *
 * @param marketValue its value in the base currency
 * @param acquired    when it was bought, or {@code null} when the file does not say
 * @param sourceLine  the row's line in the file
 */
public record Lot(double marketValue, LocalDate acquired, int sourceLine) {

    public static Lot of(Position position) {
        return new Lot(position.marketValue(), position.acquired(), position.sourceLine());
    }
}
