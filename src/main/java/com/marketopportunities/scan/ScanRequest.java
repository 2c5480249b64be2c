package com.marketopportunities.scan;

import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.scoring.Horizon;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and how.
 *
 * @param minGapPct  smallest gap reported, in percent points ({@link ScanParameter#MIN_GAP})
 * @param asOf       only bars on or before this date are used
 * @param topN       blue chips per gap besides its ETF ({@link ScanParameter#TOP_N})
 * @param notes      what the portfolio import reported (skipped rows, unknown exchanges), passed
 *                   on to the report's warnings
 */
public record ScanRequest(Portfolio portfolio, Horizon horizon, double minGapPct, LocalDate asOf, int topN,
                          List<String> notes) {

    public ScanRequest {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(asOf, "asOf");
        ScanParameter.MIN_GAP.check(minGapPct);
        ScanParameter.TOP_N.check(topN);
        notes = List.copyOf(notes);
    }
}
