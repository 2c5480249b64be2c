package com.marketopportunities.scan;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.rebalance.CapitalPlan;
import com.marketopportunities.rebalance.Holding;
import com.marketopportunities.rebalance.Impact;
import com.marketopportunities.rebalance.ImpactCalculator;
import com.marketopportunities.rebalance.Purchase;
import com.marketopportunities.rebalance.PurchaseOption;
import com.marketopportunities.rebalance.TrimPlan;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.scorecache.ScoreCache;
import com.marketopportunities.returns.DailyReturnSeries;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.Scorer;
import com.marketopportunities.scoring.ScoringSettings;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.Candidate;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Classification;
import com.marketopportunities.sectors.GapFinder;
import com.marketopportunities.sectors.SectorClassifier;
import com.marketopportunities.sectors.SectorGap;
import com.marketopportunities.sectors.Taxonomy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The product's one job: from a portfolio to gaps, scored candidates, trims and impact. The
 * command line and the HTTP service are two doors onto this class.
 *
 * <p>Market data is fetched in three rounds, each in parallel: the holdings (profiles for those
 * whose bucket is not known, histories for risk and trims) with the benchmark; then the proxy
 * ETF of every gap; then the candidates of the top gaps. Each symbol is asked for once per scan;
 * each round's data is first asked of the shared cache in one round trip, and every score the
 * scan may need in one more.
 */
public final class ScanService {

    private final MarketData marketData;
    private final Scorer scorer;
    private final ScoringSettings scoring;
    private final ScanSettings settings;
    private final Taxonomy taxonomy;
    private final CandidateUniverse universe;
    private final TrimPlanner trimPlanner;
    private final ScoreCache scoreCache;
    private final Clock clock;

    public ScanService(MarketData marketData, Scorer scorer, ScoringSettings scoring, ScanSettings settings,
                       Taxonomy taxonomy, CandidateUniverse universe, TrimPlanner trimPlanner, ScoreCache scoreCache,
                       Clock clock) {
        this.marketData = marketData;
        this.scoreCache = scoreCache;
        this.scorer = scorer;
        this.scoring = scoring;
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.universe = universe;
        this.trimPlanner = trimPlanner;
        this.clock = clock;
    }

    /**
     * Scans a portfolio. Symbols without data are reported unscored and the scan goes on.
     *
     * @throws ScanFailedException when the market-data provider could answer for no symbol at all
     */
    public ScanReport scan(ScanRequest request, ScanListener listener) {
        long started = System.nanoTime();
        LocalDate asOf = request.asOf();
        Horizon horizon = request.horizon();
        LocalDate windowStart = scoring.windowStart(horizon, asOf);
        LocalDate fetchFrom = scoring.earliestWindowStart(asOf);
        ScanData data = new ScanData(marketData, fetchFrom, asOf, listener);
        List<String> warnings = new ArrayList<>(request.notes());
        ScanScores scores = new ScanScores(data, scorer, scoring.benchmarkSymbol(), horizon, asOf,
                scoreCache.forScan(prefetchSymbols(), horizon, asOf));

        listener.stage("classifying " + request.portfolio().positions().size() + " holdings");
        List<Position> positions = request.portfolio().positions();
        SectorClassifier classifier = new SectorClassifier(taxonomy);
        List<String> firstRound = new ArrayList<>(List.of(scoring.benchmarkSymbol()));
        positions.forEach(position -> firstRound.add(position.symbol()));
        data.prefetch(firstRound, positions.stream().filter(classifier::needsProfile).map(Position::symbol).toList());
        // profiles first: classification waits for them, the histories are needed only later
        positions.stream().filter(classifier::needsProfile).forEach(position -> data.fundamentals(position.symbol()));
        data.history(scoring.benchmarkSymbol());
        positions.forEach(position -> data.history(position.symbol()));
        List<String> buckets = classify(positions, classifier, data, warnings);
        failIfUnreachable(positions, data);
        Allocation allocation = Allocation.of(positions, buckets, taxonomy);

        List<SectorGap> allGaps = new GapFinder(taxonomy).gaps(allocation, request.minGapPct());
        listener.stage("scoring the ETFs of " + allGaps.size() + " gaps");
        List<String> gapEtfs = allGaps.stream().map(gap -> gap.bucket().proxyEtf()).toList();
        data.prefetch(gapEtfs, gapEtfs);
        allGaps.forEach(gap -> scores.request(gap.bucket().proxyEtf()));
        List<SectorGap> gaps = sortByEtfScore(allGaps, scores);
        List<SectorGap> topGaps = gaps.subList(0, Math.min(settings.topGaps(), gaps.size()));

        listener.stage("scoring the candidates of " + topGaps.size() + " top gaps");
        List<String> candidates = topGaps.stream().flatMap(gap -> universe.candidates(gap.bucket().proxyEtf(),
                request.topN()).stream()).map(Candidate::symbol).toList();
        data.prefetch(candidates, candidates);
        candidates.forEach(scores::request);

        CapitalPlan capital = CapitalPlan.of(topGaps, allocation, settings.bucketCapPct());
        warnings.addAll(capital.warnings());
        Fetch<PriceHistory> benchmark = data.awaitHistory(scoring.benchmarkSymbol());
        failIfNothingAnswered(scores, benchmark);
        warnAboutBenchmark(benchmark, windowStart, asOf, warnings);
        List<Holding> holdings = holdings(positions, buckets, data, warnings);

        DailyReturnSeries portfolioReturns = Holding.portfolioReturns(holdings, windowStart, asOf);
        Set<String> held = positions.stream().map(Position::symbol).collect(Collectors.toSet());
        List<ScanReport.Opportunity> opportunities = new ArrayList<>();
        List<Purchase> purchases = new ArrayList<>();
        for (SectorGap gap : topGaps) {
            List<CandidateRow> rows = candidateRows(gap, request.topN(), scores, data);
            double amount = capital.amount(gap);
            for (CandidateRow row : rows) {
                opportunities.add(opportunity(row, rows.get(0), gap, amount, horizon, held, portfolioReturns,
                        windowStart, asOf));
            }
            purchases.add(Purchase.intoBest(gap.bucket().name(), amount,
                    rows.stream().map(CandidateRow::purchaseOption).toList()));
        }
        opportunities.sort(Comparator.comparing(ScanReport.Opportunity::score,
                Comparator.nullsLast(Comparator.reverseOrder())));
        List<ScanReport.Opportunity> shown = opportunities.subList(0, Math.min(settings.maxOpportunities(),
                opportunities.size()));

        double capitalNeeded = capital.total();
        TrimPlan trims = trimPlanner.plan(holdings, capitalNeeded, asOf);
        if (!trims.sufficient() && capitalNeeded > 0) {
            String currency = request.portfolio().baseCurrency();
            warnings.add(String.format(java.util.Locale.ROOT,
                    "The suggested trims free %s %,.2f of the %s %,.2f needed: the rest needs new cash or larger trims.",
                    currency, trims.freed(), currency, capitalNeeded));
        }
        Impact impact = new ImpactCalculator(taxonomy, scoring.tradingDaysPerYear())
                .impact(holdings, trims, purchases, windowStart, asOf);

        return ReportAssembler.assemble(request, gaps, topGaps, capital, scores.outcomes(), shown, trims, impact,
                allocation.total(), warnings, clock.instant(), new ScanReport.Stats((System.nanoTime() - started) / 1_000_000,
                        scores.hits(), scores.misses(), scores.staleServed(), data.counts().upstreamCalls(),
                        data.counts().hits(), data.counts().misses()));
    }

    /**
     * One symbol's score through the score cache, computed as a scan computes it when missing:
     * the warm-up's way in.
     */
    public CompletableFuture<ScoreOutcome> score(String symbol, Horizon horizon, LocalDate asOf) {
        ScanData data = new ScanData(marketData, scoring.earliestWindowStart(asOf), asOf, ScanListener.SILENT);
        ScanScores scores = new ScanScores(data, scorer, scoring.benchmarkSymbol(), horizon, asOf,
                (key, compute) -> scoreCache.score(key, horizon, asOf, compute));
        return scores.request(symbol);
    }

    /** Every proxy ETF and candidate of the universe: what a scan may score, and what warming covers. */
    public List<String> warmUpSymbols() {
        return prefetchSymbols();
    }

    /** Every score a scan may ask for: the proxy ETFs and the candidate universe. */
    private List<String> prefetchSymbols() {
        java.util.LinkedHashSet<String> symbols = new java.util.LinkedHashSet<>();
        taxonomy.buckets().forEach(bucket -> symbols.add(bucket.proxyEtf()));
        symbols.addAll(universe.allSymbols());
        return new ArrayList<>(symbols);
    }

    /** Each position's bucket, in order; only profiles are awaited, the price histories load meanwhile. */
    private static List<String> classify(List<Position> positions, SectorClassifier classifier, ScanData data,
                                         List<String> warnings) {
        List<String> buckets = new ArrayList<>(positions.size());
        List<String> unknown = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Position position : positions) {
            Classification classification = classifier.needsProfile(position)
                    ? classifyByProfile(position, classifier, data.awaitFundamentals(position.symbol()))
                    : classifier.classify(position, null, false);
            if (classification.bucket().equals(Taxonomy.UNKNOWN)) {
                unknown.add(position.symbol());
            } else if (classification.bucket().equals(Taxonomy.OTHER)) {
                other.add(position.symbol());
            }
            buckets.add(classification.bucket());
        }
        if (!unknown.isEmpty()) {
            warnings.add("Sector unknown (no profile could be looked up) for " + String.join(", ", unknown)
                    + ": counted in the total as \"Unknown\"");
        }
        if (!other.isEmpty()) {
            warnings.add("No target bucket for " + String.join(", ", other) + ": counted in the total as \"Other\"");
        }
        return buckets;
    }

    /** A profile that could not be had, for want of data or of an answer, makes the bucket Unknown. */
    private static Classification classifyByProfile(Position position, SectorClassifier classifier,
                                                    Fetch<Fundamentals> profile) {
        return profile instanceof Fetch.Ok<Fundamentals> ok ? classifier.classify(position, ok.value().sector(), false)
                : classifier.classify(position, null, true);
    }

    /** The positions in file order with their buckets and price histories. */
    private static List<Holding> holdings(List<Position> positions, List<String> buckets, ScanData data,
                                          List<String> warnings) {
        List<Holding> holdings = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            Position position = positions.get(i);
            holdings.add(new Holding(position, buckets.get(i),
                    data.awaitHistory(position.symbol()).toOptional().orElse(null)));
        }
        List<String> noHistory = holdings.stream().filter(holding -> holding.history() == null)
                .map(Holding::symbol).toList();
        if (!noHistory.isEmpty()) {
            warnings.add("No price history for " + String.join(", ", noHistory)
                    + ": left out of the risk and correlation figures");
        }
        return holdings;
    }

    /** Gaps by their ETF's composite score, highest first; gaps whose ETF is unscored come last. */
    private static List<SectorGap> sortByEtfScore(List<SectorGap> gaps, ScanScores scores) {
        List<SectorGap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparing((SectorGap gap) -> scores.score(gap.bucket().proxyEtf())
                .map(SymbolScore::compositeScore).orElse(null), Comparator.nullsLast(Comparator.reverseOrder())));
        return sorted;
    }

    /**
     * Ends the scan early when the provider cannot be reached at all: the benchmark and every
     * holding's history failed for want of the provider, so the rest would fail the same way.
     */
    private void failIfUnreachable(List<Position> positions, ScanData data) {
        if (!(data.awaitHistory(scoring.benchmarkSymbol()) instanceof Fetch.Unavailable<PriceHistory> benchmark
                && benchmark.upstreamFailed())) {
            return;
        }
        for (Position position : positions) {
            if (!(data.awaitHistory(position.symbol()) instanceof Fetch.Unavailable<PriceHistory> history
                    && history.upstreamFailed())) {
                return;
            }
        }
        throw new ScanFailedException("no market data could be had from " + marketData.describe() + ": "
                + benchmark.cause().getMessage(), benchmark.cause());
    }

    private void failIfNothingAnswered(ScanScores scores, Fetch<PriceHistory> benchmark) {
        Collection<ScoreOutcome> outcomes = scores.outcomes().values();
        boolean anyAnswered = benchmark instanceof Fetch.Ok || outcomes.stream().anyMatch(o -> o.anyScore().isPresent());
        if (!anyAnswered && scores.unavailable() != null) {
            throw new ScanFailedException("no market data could be had from " + marketData.describe() + ": "
                    + scores.unavailable().getMessage(), scores.unavailable());
        }
    }

    private void warnAboutBenchmark(Fetch<PriceHistory> benchmark, LocalDate windowStart, LocalDate asOf,
                                    List<String> warnings) {
        if (!(benchmark instanceof Fetch.Ok<PriceHistory> ok) || ok.value().between(windowStart, asOf).isEmpty()) {
            warnings.add("Benchmark " + scoring.benchmarkSymbol() + " has no prices up to " + asOf
                    + ": relative strength is left out of momentum");
            return;
        }
        List<DailyBar> bars = ok.value().bars();
        LocalDate last = bars.get(bars.size() - 1).date();
        if (last.isBefore(asOf.minusDays(7))) {
            warnings.add("Market data ends on " + last + ", " + java.time.temporal.ChronoUnit.DAYS.between(last, asOf)
                    + " days before the as-of date " + asOf + ": scores describe " + last
                    + " (pass --as-of to scan an earlier date)");
        }
    }

    private List<CandidateRow> candidateRows(SectorGap gap, int topN, ScanScores scores, ScanData data) {
        List<CandidateRow> rows = new ArrayList<>();
        String etf = gap.bucket().proxyEtf();
        String etfName = data.awaitFundamentals(etf).toOptional().map(Fundamentals::name)
                .orElse(gap.bucket().name() + " ETF");
        rows.add(new CandidateRow(etf, etfName, "ETF", scores.outcome(etf), data.awaitHistory(etf).toOptional()
                .orElse(null)));
        for (Candidate candidate : universe.candidates(etf, topN)) {
            rows.add(new CandidateRow(candidate.symbol(), candidate.name(), "Stock", scores.outcome(candidate.symbol()),
                    data.awaitHistory(candidate.symbol()).toOptional().orElse(null)));
        }
        return rows;
    }

    /**
     * One row of the opportunities table. An unscored stock is shown with its gap ETF's score
     * ({@code score_source: "sector"}), never with a made-up number.
     */
    private ScanReport.Opportunity opportunity(CandidateRow row, CandidateRow etfRow, SectorGap gap, double amount,
                                               Horizon horizon, Set<String> held, DailyReturnSeries portfolioReturns,
                                               LocalDate from, LocalDate asOf) {
        SymbolScore own = row.score();
        ScanReport.ShownScore shown = ScanReport.ShownScore.of(own, etfRow.score());
        Double correlation = correlation(row.history(), portfolioReturns, from, asOf);
        String rationale = OpportunityRationale.explain(gap, own, shown, correlation, row.outcome());
        return new ScanReport.Opportunity(row.symbol(), row.name(), gap.bucket().name(), row.type(), shown,
                (own != null ? row.outcome() : etfRow.outcome()) instanceof ScoreOutcome.Stale,
                correlation == null ? null : ReportAssembler.round(correlation, 2), "BUY", horizon.key(),
                ReportAssembler.money(amount), rationale, held.contains(row.symbol()));
    }

    private Double correlation(PriceHistory history, DailyReturnSeries portfolioReturns, LocalDate from, LocalDate to) {
        if (history == null) {
            return null;
        }
        double correlation = DailyReturnSeries.of(history, from, to).correlation(portfolioReturns,
                settings.minCorrelationOverlap());
        return Double.isNaN(correlation) ? null : correlation;
    }

    /** A candidate of a gap with its score and its bars ({@code null} when it has none). */
    private record CandidateRow(String symbol, String name, String type, ScoreOutcome outcome, PriceHistory history) {
        SymbolScore score() {
            return outcome.anyScore().orElse(null);
        }

        PurchaseOption purchaseOption() {
            return new PurchaseOption(symbol, outcome.anyScore().map(SymbolScore::compositeScore).orElse(null), history);
        }
    }
}
