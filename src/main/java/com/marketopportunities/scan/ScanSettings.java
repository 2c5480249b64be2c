package com.marketopportunities.scan;

import com.marketopportunities.scoring.Reading;

/**
 * The numbers of SCANNER.md sections 1, 2 and 4 that shape a scan.
 *
 * @param topGaps                gaps that drive opportunities, trims and impact (5)
 * @param maxOpportunities       rows of the opportunities table at most (35)
 * @param bucketCapPct           no buy lifts its bucket above this share of the portfolio (25)
 * @param minCorrelationOverlap  shared days needed for a correlation to the portfolio (20)
 * @param defaultTopN            blue chips per gap when the request does not say (6)
 * @param defaultMinGapPct       minimum gap when the request does not say (5.0)
 * @param minBuyScore            the lowest composite score a top gap's money buys, 0-100 (50, "consider")
 * @param maxSymbols             distinct symbols one scan may hold, a bound on what it costs upstream (250)
 * @param earlyCandidatesMaxGaps up to this many gaps, the candidates of every gap are asked for with the gaps'
 *                               ETFs, before their scores tell the top gaps: a round trip saved, for the
 *                               requests of the gaps that end outside the top (5, = topGaps: only when it costs
 *                               none)
 */
public record ScanSettings(int topGaps, int maxOpportunities, double bucketCapPct, int minCorrelationOverlap,
                           int defaultTopN, double defaultMinGapPct, double minBuyScore, int maxSymbols,
                           int earlyCandidatesMaxGaps) {

    public ScanSettings(int topGaps, int maxOpportunities, double bucketCapPct, int minCorrelationOverlap,
                        int defaultTopN, double defaultMinGapPct, double minBuyScore, int maxSymbols) {
        this(topGaps, maxOpportunities, bucketCapPct, minCorrelationOverlap, defaultTopN, defaultMinGapPct, minBuyScore,
                maxSymbols, topGaps);
    }

    public static ScanSettings defaults() {
        return new ScanSettings(5, 35, 25, 20, 6, 5.0, Reading.CONSIDER.from(), 250);
    }

    /** Whether a scan with {@code gaps} gaps asks for every gap's candidates with the ETFs. */
    public boolean candidatesEarly(int gaps) {
        return gaps <= Math.max(topGaps, earlyCandidatesMaxGaps);
    }
}
