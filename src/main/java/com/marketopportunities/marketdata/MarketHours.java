package com.marketopportunities.marketdata;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the day's prices are final: the US close, 16:00 New York time on weekdays. Exchange
 * holidays are not known; on one, a history is refetched once more than needed, nothing worse.
 */
public final class MarketHours {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime CLOSE = LocalTime.of(16, 0);

    private MarketHours() {
    }

    /** The first US close strictly after {@code now}. */
    public static Instant nextClose(Instant now) {
        ZonedDateTime local = now.atZone(NEW_YORK);
        ZonedDateTime close = local.toLocalDate().atTime(CLOSE).atZone(NEW_YORK);
        if (!close.isAfter(local)) {
            close = close.plusDays(1);
        }
        while (close.getDayOfWeek() == DayOfWeek.SATURDAY || close.getDayOfWeek() == DayOfWeek.SUNDAY) {
            close = close.plusDays(1);
        }
        return close.toInstant();
    }
}
