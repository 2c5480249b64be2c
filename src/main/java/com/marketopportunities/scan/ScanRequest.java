package com.marketopportunities.scan;

import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.scoring.Horizon;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and how.
 *
 * <p>The base currency (EXPOSURE.md 3) is settled here, once: the portfolio file's, else
 * {@code baseCurrencyChoice}, else USD. {@link #portfolio()} is the portfolio with that base
 * currency; a choice the file overrides is kept in {@code baseCurrencyChoice} and told in a note.
 *
 * @param portfolio          the portfolio, its base currency settled
 * @param minGapPct          smallest gap reported, in percent points ({@link ScanParameter#MIN_GAP})
 * @param asOf               only bars on or before this date are used
 * @param topN               blue chips per gap besides its ETF ({@link ScanParameter#TOP_N})
 * @param notes              what the portfolio import reported (skipped rows, unknown exchanges), passed
 *                           on to the report's warnings
 * @param baseCurrencyChoice the base currency the user asked for, upper case, or {@code null}
 *                           ({@link ScanParameter#BASE_CURRENCY})
 * @param plan               the buy plan asked for (an amount to invest), or {@code null}: none
 */
public record ScanRequest(Portfolio portfolio, Horizon horizon, double minGapPct, LocalDate asOf, int topN,
                          List<String> notes, String baseCurrencyChoice, PlanChoice plan) {

    public ScanRequest {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(asOf, "asOf");
        ScanParameter.MIN_GAP.check(minGapPct);
        ScanParameter.TOP_N.check(topN);
        notes = List.copyOf(notes);
        if (baseCurrencyChoice != null) {
            baseCurrencyChoice = ScanParameter.BASE_CURRENCY.checkCurrency(baseCurrencyChoice);
            Portfolio chosen = portfolio.withBaseCurrencyChoice(baseCurrencyChoice);
            if (!chosen.baseCurrency().equals(baseCurrencyChoice)) {
                List<String> withNote = new ArrayList<>(notes);
                withNote.add("the base currency " + baseCurrencyChoice + " you asked for is not used: the portfolio"
                        + " file names its own, " + portfolio.baseCurrency() + ", which comes first");
                notes = List.copyOf(withNote);
            }
            portfolio = chosen;
        }
    }

    /** A request without a buy plan. */
    public ScanRequest(Portfolio portfolio, Horizon horizon, double minGapPct, LocalDate asOf, int topN,
                       List<String> notes, String baseCurrencyChoice) {
        this(portfolio, horizon, minGapPct, asOf, topN, notes, baseCurrencyChoice, null);
    }

    /** A request without a base currency of the user's: the file's, else USD. */
    public ScanRequest(Portfolio portfolio, Horizon horizon, double minGapPct, LocalDate asOf, int topN,
                       List<String> notes) {
        this(portfolio, horizon, minGapPct, asOf, topN, notes, null, null);
    }
}
