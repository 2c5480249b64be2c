package com.marketopportunities.scan;

import java.util.Locale;

/**
 * What an investor asks of the buy plan (PLAN.md "Inputs"), checked where it enters.
 *
 * @param cash         the amount to invest, in the base currency ({@link ScanParameter#CASH})
 * @param useTrims     whether the suggested trims' proceeds are added to the amount
 * @param maxPositions at most this many purchases ({@link ScanParameter#MAX_POSITIONS}, default 5)
 * @param minTicket    no purchase is smaller, or {@code null}: 2 % of the amount, at least 100
 *                     ({@link ScanParameter#MIN_TICKET}; never more than the cash)
 * @param minScore     candidates scored below it are not bought ({@link ScanParameter#MIN_SCORE}, default 50)
 */
public record PlanChoice(double cash, boolean useTrims, int maxPositions, Double minTicket, double minScore) {

    public static final int DEFAULT_MAX_POSITIONS = 5;
    public static final double DEFAULT_MIN_SCORE = 50;

    public PlanChoice {
        ScanParameter.CASH.check(cash);
        ScanParameter.MAX_POSITIONS.check(maxPositions);
        ScanParameter.MIN_SCORE.check(minScore);
        if (minTicket != null) {
            ScanParameter.MIN_TICKET.check(minTicket);
            if (minTicket > cash) {
                throw ScanParameter.MIN_TICKET.invalid(String.format(Locale.ROOT,
                        "must not be more than the amount to invest (%s), got %s", ScanParameter.plain(cash),
                        ScanParameter.plain(minTicket)));
            }
        }
    }

    /** A plan of {@code cash} with every other choice at its default. */
    public static PlanChoice of(double cash) {
        return new PlanChoice(cash, false, DEFAULT_MAX_POSITIONS, null, DEFAULT_MIN_SCORE);
    }

    /**
     * A plan from the choices as a door received them: {@code null} means the default. Without cash there is
     * no plan, and a plan option without cash is a mistake the user is told of.
     *
     * @return {@code null} when no cash is given
     * @throws InvalidScanParameterException when an option comes without cash, or a value is out of range
     */
    public static PlanChoice of(Double cash, Boolean useTrims, Integer maxPositions, Double minTicket,
                                Double minScore) {
        if (cash == null) {
            if (Boolean.TRUE.equals(useTrims) || maxPositions != null || minTicket != null || minScore != null) {
                throw ScanParameter.CASH.invalid("is needed for the buy plan's other options (use trims, max"
                        + " positions, min ticket, min score): give the amount to invest");
            }
            return null;
        }
        return new PlanChoice(cash, Boolean.TRUE.equals(useTrims),
                maxPositions == null ? DEFAULT_MAX_POSITIONS : maxPositions, minTicket,
                minScore == null ? DEFAULT_MIN_SCORE : minScore);
    }

    /** The ticket for an amount: the chosen one, else 2 % of the amount and at least 100, never more than the amount. */
    public double ticketFor(double amount) {
        double ticket = minTicket != null ? minTicket : Math.max(0.02 * amount, 100);
        return Math.min(ticket, amount);
    }
}
