package com.marketopportunities.scan;

import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.scoring.Horizon;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and how.
 *
 * @param minGapPct  smallest gap reported, in percent (0..50)
 * @param asOf       only bars on or before this date are used
 * @param topN       blue chips per gap besides its ETF
 * @param notes      what the portfolio import reported (skipped rows, unknown exchanges), passed
 *                   on to the report's warnings
 */
public record ScanRequest(Portfolio portfolio, Horizon horizon, double minGapPct, LocalDate asOf, int topN,
                          List<String> notes) {

    public ScanRequest {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(asOf, "asOf");
        if (!(minGapPct >= 0 && minGapPct <= 50)) {
            throw new IllegalArgumentException("min gap must be between 0 and 50 (percent), got " + minGapPct);
        }
        if (topN < 0 || topN > 20) {
            throw new IllegalArgumentException("top must be between 0 and 20, got " + topN);
        }
        notes = List.copyOf(notes);
    }
}
