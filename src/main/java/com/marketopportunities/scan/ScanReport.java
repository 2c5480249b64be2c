package com.marketopportunities.scan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.marketopportunities.scoring.Reading;
import com.marketopportunities.scoring.SymbolScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole answer of a scan, shaped as the HTTP API's response body (API.md), which the command
 * line's {@code --format json} prints as is. Money is in {@code baseCurrency} rounded to cents,
 * percentages are percent points rounded to 2 decimals (12.5 = 12.5 %), scores 0-100 to 1 decimal.
 */
public record ScanReport(
        List<Gap> gaps,
        List<Opportunity> opportunities,
        List<Sale> suggestedSales,
        List<Excluded> excludedPositions,
        ImpactView impact,
        @JsonInclude(JsonInclude.Include.NON_NULL) PlanView plan,
        Summary summary,
        ExposureView exposure,
        List<HoldingView> holdings,
        List<Unscored> unscored,
        List<Unconverted> unconverted,
        List<String> warnings,
        String horizon,
        LocalDate asOf,
        String baseCurrency,
        Instant generatedAt,
        Stats stats) {

    /**
     * A bucket below its target, in its {@code dimension} ({@code sector} or {@code region}; the
     * field {@code sector} names the bucket, as the reference's clients expect). {@code score}, its {@code reading} and the pillars are those of its
     * proxy ETF ({@code null} when the ETF could not be scored). {@code top} marks the gaps that
     * drive opportunities, trims and impact.
     *
     * @param stale                  the ETF's score is past its fresh life, served because the upstream failed
     * @param partial                the ETF's score lacks its value pillar ({@code valueScore} is
     *                               {@code null}): its fundamentals could not be fetched
     * @param capitalNeeded          the money this gap buys with; 0 for a gap that is not top or
     *                               buys nothing
     * @param noCandidateWorthBuying a top gap none of whose candidates scores {@code scan.min-buy-score}
     *                               (SCANNER.md 4): it buys nothing, needs no capital and stays in the
     *                               remaining drift
     * @param bestCandidate          for such a gap, the best-scored candidate it had; {@code null} when
     *                               none could be scored, and for every other gap
     */
    public record Gap(String sector, String dimension, double currentPct, double targetPct, double gapPct, double minPct,
                      double maxPct, String etf, Double score, Reading reading, Double confidence,
                      Double momentumScore, Double valueScore, Double diversificationScore, boolean stale,
                      boolean partial, boolean top, double capitalNeeded, boolean noCandidateWorthBuying,
                      BestCandidate bestCandidate) {
    }

    /** A gap's best-scored candidate, with the reading of its own score. */
    public record BestCandidate(String symbol, double score, Reading reading) {
    }

    /**
     * A way to fill a gap. The candidates of one gap are alternatives for the same
     * {@code capitalNeeded}. The score it shows is written flat, among its own fields.
     * {@code stale}: the score is past its fresh life, served because the upstream failed;
     * {@code partial} (among the shown score's fields): it lacks its value pillar.
     */
    // the shown score's fields sit between type and stale, as API.md and the reviewed snapshots have them
    @JsonPropertyOrder({"symbol", "name", "sector", "type", "shown", "stale", "correlation_to_portfolio", "action",
            "horizon", "capital_needed", "rationale", "held"})
    public record Opportunity(String symbol, String name, String sector, String type, @JsonUnwrapped ShownScore shown,
                              boolean stale, Double correlationToPortfolio, String horizon,
                              double capitalNeeded, String rationale, boolean held) {

        /** The composite score shown, its own or its gap ETF's; {@code null} when there is none. */
        public Double score() {
            return shown.score();
        }

        /**
         * The reading of the score it shows (SCANNER.md 4), never of another: {@code null} when it
         * shows none.
         */
        @JsonProperty("action")
        public Reading action() {
            return shown.reading();
        }
    }

    /**
     * The score an opportunity shows, with where it comes from and its pillars: its own; for an
     * unscored stock its gap ETF's ({@link ScoreSource#SECTOR}: the ETF's score, pillars and reading,
     * but no confidence, which would be the ETF's and not the stock's); or none, every number
     * {@code null}.
     *
     * @param partial the score shown lacks its value pillar ({@code valueScore} is {@code null}): its
     *                fundamentals could not be fetched; {@code false} when no score is shown
     */
    public record ShownScore(Double score, ScoreSource scoreSource, Double momentumScore, Double valueScore,
                             Double diversificationScore, Double confidence, boolean partial) {

        /** The reading of the score shown, {@code null} when there is none. */
        @JsonIgnore
        public Reading reading() {
            return score == null ? null : Reading.of(score);
        }

        /**
         * @param own       the symbol's score, or {@code null} when it has none
         * @param sectorEtf its gap ETF's score, or {@code null} when that has none
         */
        public static ShownScore of(SymbolScore own, SymbolScore sectorEtf) {
            if (own != null) {
                return of(own, ScoreSource.SYMBOL, own.confidence());
            }
            return sectorEtf != null ? of(sectorEtf, ScoreSource.SECTOR, null)
                    : new ShownScore(null, ScoreSource.NONE, null, null, null, null, false);
        }

        private static ShownScore of(SymbolScore score, ScoreSource source, Double confidence) {
            return new ShownScore(score.compositeScore(), source, score.momentumScore(), score.valueScore(),
                    score.diversificationScore(), confidence, score.partial());
        }
    }

    public record Sale(String symbol, String name, String sector, double currentValue, double salePct,
                       double saleValue, double saleScore, String rationale, boolean stopLossSafe) {
    }

    public record Excluded(String symbol, String guard) {
    }

    /**
     * Allocation in percent of the equity value per target bucket (sectors, then regions; names are
     * unique across both), each bucket's dimension, risk as annualized volatility in percent.
     */
    public record ImpactView(Map<String, Double> before, Map<String, Double> after, Map<String, String> dimensionOf,
                             Double riskBefore, Double riskAfter, double totalFreed, double totalInvested,
                             double netChange, Map<String, Double> remainingDrift) {
    }

    /**
     * What the portfolio really holds (EXPOSURE.md 5): its asset classes, in percent of the whole
     * value, and its sectors and regions, in percent of the equity value.
     */
    public record ExposureView(double equityValue, List<ExposureRow> assetClasses, List<ExposureRow> sectors,
                               List<ExposureRow> regions) {
    }

    /** One bucket: its value in the base currency, its share, and its range (absent for Unclassified and asset classes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExposureRow(String bucket, double value, double pct, Double minPct, Double maxPct, Double targetPct) {
    }

    /**
     * One holding as classified (EXPOSURE.md 2): its value in the base currency at {@code fxRate}
     * (the price of one unit of {@code currency} in the base currency), its weights as fractions,
     * and the rule behind each dimension ({@code file}, {@code provider_fund}, {@code known_fund},
     * {@code fund_category}, {@code universe}, {@code profile}, {@code isin}, {@code listing},
     * {@code unclassified};
     * {@code null} for a holding without equity).
     */
    public record HoldingView(String symbol, String name, String currency, Double fxRate, double value,
                              Map<String, Double> assetClasses, Map<String, Double> sectors,
                              Map<String, Double> regions, String sectorSource, String regionSource) {
    }

    /** A position that could not be converted to the base currency: left out of every figure. */
    public record Unconverted(String symbol, String currency, String reason) {
    }

    public record Summary(int positions, double totalValue, int totalGaps, int totalOpportunities, int totalSales,
                          double capitalNeeded, double capitalFreed, boolean sufficientCapital) {
    }

    public record Unscored(String symbol, String reason) {
    }

    /**
     * @param cacheHits          scores answered fresh from the score cache
     * @param cacheMisses        scores computed (missing, expired or of another model version); a
     *                           symbol without data is neither a hit nor a miss but unscored
     * @param staleServed        expired scores served because the upstream failed
     * @param upstreamCalls      requests that reached the market-data provider
     * @param marketDataHits     raw data requests answered by the raw data cache
     * @param marketDataMisses   raw data requests the raw data cache sent on
     */
    public record Stats(long durationMs, int cacheHits, int cacheMisses, int staleServed, int upstreamCalls,
                        int marketDataHits, int marketDataMisses) {
    }

    /**
     * The buy plan (PLAN.md "Output"), present when an amount to invest was given. Money in the base
     * currency to the cent, percents and points to 2 decimals, drifts (sums of squared points outside the
     * ranges) to 2 decimals.
     *
     * @param cash          the amount planned: {@code cashGiven} plus {@code fromTrims}
     * @param method        {@code optimized}, {@code greedy} (the optimiser did no better than the greedy split)
     *                      or {@code none} (nothing to buy: the notes say why)
     * @param before        every bucket of both dimensions, percent of the equity value now
     * @param after         the same after the purchases
     * @param ranges        each bucket's target range, {@code [min, max]}
     * @param dimensionOf   each bucket's dimension, {@code sector} or {@code region}
     */
    public record PlanView(double cash, double cashGiven, double fromTrims, int maxPositions, double minTicket,
                           double minScore, String method, List<PlannedPurchase> purchases, double driftBefore,
                           double driftAfter, double greedyDriftAfter, Map<String, Double> before,
                           Map<String, Double> after, Map<String, List<Double>> ranges, Map<String, String> dimensionOf,
                           List<String> notes) {
    }

    /**
     * One purchase of the plan.
     *
     * @param fills points each bucket's percent moves up by this purchase alone, largest first
     * @param why   what it fills and why it beat the other candidates of its bucket
     */
    public record PlannedPurchase(String symbol, String name, String type, double amount, double score,
                                  Reading reading, Map<String, Double> fills, String why) {
    }
}
