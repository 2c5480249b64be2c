package com.marketopportunities.scan;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.FetchCounts;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.portfolio.PositionsBySymbol;
import com.marketopportunities.rebalance.BuyPlan;
import com.marketopportunities.rebalance.CapitalPlan;
import com.marketopportunities.rebalance.Holding;
import com.marketopportunities.rebalance.Impact;
import com.marketopportunities.rebalance.ImpactCalculator;
import com.marketopportunities.rebalance.PurchaseOption;
import com.marketopportunities.rebalance.TrimPlan;
import com.marketopportunities.rebalance.TrimPlanner;
import com.marketopportunities.returns.DailyReturnSeries;
import com.marketopportunities.scorecache.ScoreCache;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.Scorer;
import com.marketopportunities.scoring.ScoringSettings;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.text.ShortList;
import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.Candidate;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Classification;
import com.marketopportunities.sectors.GapFinder;
import com.marketopportunities.sectors.SectorClassifier;
import com.marketopportunities.sectors.SectorGap;
import com.marketopportunities.sectors.Taxonomy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
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
 *
 * <p>Thread-safe: any number of threads may call {@link #scan} and {@link #score} at once (the
 * service's request threads, the cache warmer, the command line); each call blocks its caller
 * until its answer is complete. A call's market data ({@link ScanData}), scores
 * ({@link ScanScores}) and warnings are its own, touched only by the calling thread and by the
 * threads that complete its fetches. Shared between calls: the market-data source and the score
 * cache, thread-safe by their contracts (a score missing from the cache is computed once however
 * many scans ask for it); the scorer, pure; the settings, taxonomy and universe, immutable; the
 * trim planner and impact calculator, stateless. A scan's listener is called from the threads
 * that complete its fetches.
 */
public final class ScanService {

    private final MarketData marketData;
    private final Scorer scorer;
    private final ScoringSettings scoring;
    private final ScanSettings settings;
    private final Taxonomy taxonomy;
    /** Each bucket's range minimum, below which no trim takes it. */
    private final Map<String, Double> minPctByBucket;
    private final CandidateUniverse universe;
    private final TrimPlanner trimPlanner;
    private final ImpactCalculator impactCalculator;
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
        this.minPctByBucket = taxonomy.buckets().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Bucket::name, Bucket::minPct));
        this.universe = universe;
        this.trimPlanner = trimPlanner;
        this.impactCalculator = new ImpactCalculator(taxonomy, scoring.tradingDaysPerYear());
        this.clock = clock;
    }

    /**
     * Scans a portfolio. Symbols without data are reported unscored and the scan goes on.
     *
     * @throws ScanFailedException when the market-data provider could answer for no symbol at all
     */
    public ScanReport scan(ScanRequest request, ScanListener listener) {
        Run run = start(request, listener);
        List<String> buckets = fetchAndClassifyHoldings(run);
        Allocation allocation = Allocation.of(run.positions(), buckets, taxonomy);
        List<SectorGap> gaps = gapsByEtfScore(run, allocation);
        List<SectorGap> topGaps = topGaps(run, gaps);
        CapitalPlan capital = capitalPlan(run, topGaps, allocation);
        checkTheAnswers(run);
        List<Holding> holdings = holdings(run, buckets);
        List<GapCandidates> candidates = candidates(run, topGaps);
        BuyPlan buys = buys(candidates, capital);
        List<ScanReport.Opportunity> opportunities = opportunities(run, candidates, buys.capital(), holdings);
        TrimPlan trims = trims(run, holdings, buys.capital());
        Impact impact = impactCalculator.impact(holdings, trims, buys.purchases(), run.windowStart(), run.asOf());
        return ReportAssembler.assemble(request, gaps, topGaps, buys, run.scores().outcomes(), opportunities,
                trims, impact, run.positions().size(), allocation.total(), run.warnings(), clock.instant(), stats(run));
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
        Set<String> symbols = new LinkedHashSet<>();
        taxonomy.buckets().forEach(bucket -> symbols.add(bucket.proxyEtf()));
        symbols.addAll(universe.allSymbols());
        return new ArrayList<>(symbols);
    }

    /** A scan's own market data, scores and warnings; the request's notes are its first warnings. */
    private Run start(ScanRequest request, ScanListener listener) {
        long started = System.nanoTime();
        LocalDate asOf = request.asOf();
        ScanData data = new ScanData(marketData, scoring.earliestWindowStart(asOf), asOf, listener);
        ScanScores scores = new ScanScores(data, scorer, scoring.benchmarkSymbol(), request.horizon(), asOf,
                scoreCache.forScan(prefetchSymbols(), request.horizon(), asOf));
        PositionsBySymbol positions = PositionsBySymbol.of(request.portfolio().positions());
        if (positions.positions().size() > settings.maxSymbols()) {
            throw new TooManySymbolsException(positions.positions().size(), settings.maxSymbols());
        }
        List<String> warnings = new ArrayList<>(request.notes());
        warnings.addAll(positions.notes());
        return new Run(request, positions, listener, data, scores, scoring.windowStart(request.horizon(), asOf),
                warnings, started);
    }

    /**
     * The first round: the holdings' profiles and histories, with the benchmark's. Returns each
     * position's bucket, in order; only the profiles are awaited, the histories load meanwhile.
     */
    private List<String> fetchAndClassifyHoldings(Run run) {
        List<Position> positions = run.positions();
        run.listener().stage("classifying " + positions.size() + " holdings");
        SectorClassifier classifier = new SectorClassifier(taxonomy);
        List<String> profiles = positions.stream().filter(classifier::needsProfile).map(Position::symbol).toList();
        List<String> histories = new ArrayList<>(List.of(scoring.benchmarkSymbol()));
        positions.forEach(position -> histories.add(position.symbol()));
        run.data().prefetch(histories, profiles);
        // profiles first: classification waits for them, the histories are needed only later
        profiles.forEach(run.data()::fundamentals);
        histories.forEach(run.data()::history);
        List<String> buckets = classify(positions, classifier, run.data(), run.warnings());
        failIfUnreachable(positions, run.data());
        return buckets;
    }

    /** The second round: every gap with its proxy ETF scored, by that score (highest first, unscored last). */
    private List<SectorGap> gapsByEtfScore(Run run, Allocation allocation) {
        List<SectorGap> gaps = new GapFinder(taxonomy).gaps(allocation, run.request().minGapPct());
        run.listener().stage("scoring the ETFs of " + gaps.size() + " gaps");
        List<String> etfs = gaps.stream().map(gap -> gap.bucket().proxyEtf()).toList();
        run.data().prefetch(etfs, etfs);
        etfs.forEach(run.scores()::request);
        List<SectorGap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparing((SectorGap gap) -> run.scores().score(gap.bucket().proxyEtf())
                .map(SymbolScore::compositeScore).orElse(null), Comparator.nullsLast(Comparator.reverseOrder())));
        return sorted;
    }

    /**
     * The gaps that drive opportunities, trims and impact; the third round asks for their candidates,
     * whose scores are awaited when the rows are made.
     */
    private List<SectorGap> topGaps(Run run, List<SectorGap> gaps) {
        List<SectorGap> topGaps = gaps.subList(0, Math.min(settings.topGaps(), gaps.size()));
        run.listener().stage("scoring the candidates of " + topGaps.size() + " top gaps");
        List<String> candidates = topGaps.stream().flatMap(gap -> universe.candidates(gap.bucket().proxyEtf(),
                run.request().topN()).stream()).map(Candidate::symbol).toList();
        run.data().prefetch(candidates, candidates);
        candidates.forEach(run.scores()::request);
        return topGaps;
    }

    private CapitalPlan capitalPlan(Run run, List<SectorGap> topGaps, Allocation allocation) {
        CapitalPlan capital = CapitalPlan.of(topGaps, allocation, settings.bucketCapPct());
        run.warnings().addAll(capital.warnings());
        return capital;
    }

    /** Fails the scan when nothing at all answered; warns when the benchmark's prices are missing or old. */
    private void checkTheAnswers(Run run) {
        Fetch<PriceHistory> benchmark = run.data().awaitHistory(scoring.benchmarkSymbol());
        failIfNothingAnswered(run.scores(), benchmark);
        failIfNothingInTheWindow(run, benchmark);
        warnAboutBenchmark(benchmark, run.windowStart(), run.asOf(), run.warnings());
    }

    /**
     * Ends the scan when the data has no bar in its window for the benchmark, any holding or any
     * score: every figure would be missing, and trims would be suggested on nothing. Names the
     * data's last day, found with one more request for the benchmark's whole history.
     */
    private void failIfNothingInTheWindow(Run run, Fetch<PriceHistory> benchmark) {
        if (hasBarsInWindow(run, benchmark) || run.scores().outcomes().values().stream()
                .anyMatch(outcome -> outcome.anyScore().isPresent())
                || run.positions().stream().anyMatch(p -> hasBarsInWindow(run, run.data().awaitHistory(p.symbol())))) {
            return;
        }
        LocalDate last = Fetch.await(marketData.history(scoring.benchmarkSymbol(), LocalDate.of(1970, 1, 1),
                run.asOf().plusYears(100))) instanceof Fetch.Ok<PriceHistory> all && !all.value().bars().isEmpty()
                ? all.value().bars().get(all.value().bars().size() - 1).date() : null;
        String window = "between " + run.windowStart() + " and " + run.asOf() + " (the " + run.request().horizon().key()
                + " horizon's window)";
        throw new NoDataInWindowException(last == null
                ? "The market data has no prices " + window + ", not even for the "
                        + "benchmark " + scoring.benchmarkSymbol() + ": nothing can be scored."
                : "The market data has no prices " + window + ": its last day is "
                        + last + ". Scan that day or an earlier one, e.g. --as-of " + last + ".", last);
    }

    private static boolean hasBarsInWindow(Run run, Fetch<PriceHistory> history) {
        return history instanceof Fetch.Ok<PriceHistory> ok && !ok.value().between(run.windowStart(), run.asOf()).isEmpty();
    }

    /** Each top gap with its rows: its ETF first, then its candidates, with their scores and bars. */
    private List<GapCandidates> candidates(Run run, List<SectorGap> topGaps) {
        return topGaps.stream().map(gap -> new GapCandidates(gap, candidateRows(run, gap))).toList();
    }

    /** The opportunities table (SCANNER.md 4): every row of the top gaps, by score, at most the configured rows. */
    private List<ScanReport.Opportunity> opportunities(Run run, List<GapCandidates> candidates, CapitalPlan capital,
                                                       List<Holding> holdings) {
        DailyReturnSeries portfolioReturns = Holding.portfolioReturns(holdings, run.windowStart(), run.asOf());
        Set<String> held = run.positions().stream().map(Position::symbol).collect(Collectors.toSet());
        List<ScanReport.Opportunity> opportunities = new ArrayList<>();
        for (GapCandidates gap : candidates) {
            for (CandidateRow row : gap.rows()) {
                opportunities.add(opportunity(row, gap, capital.amount(gap.gap()), held, portfolioReturns, run));
            }
        }
        opportunities.sort(Comparator.comparing(ScanReport.Opportunity::score,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return opportunities.subList(0, Math.min(settings.maxOpportunities(), opportunities.size()));
    }

    /**
     * Each top gap's money into its best candidate scored at least the minimum to buy; a gap with
     * none buys nothing and needs no capital (SCANNER.md 4).
     */
    private BuyPlan buys(List<GapCandidates> candidates, CapitalPlan capital) {
        Map<SectorGap, List<PurchaseOption>> options = new LinkedHashMap<>();
        candidates.forEach(gap -> options.put(gap.gap(),
                gap.rows().stream().map(CandidateRow::purchaseOption).toList()));
        return BuyPlan.of(capital, options, settings.minBuyScore());
    }

    /** The trims that fund the gaps, with a warning when they fall short. */
    private TrimPlan trims(Run run, List<Holding> holdings, CapitalPlan capital) {
        double needed = capital.total();
        TrimPlan trims = trimPlanner.plan(holdings, needed, run.asOf(), minPctByBucket);
        if (!trims.sufficient() && needed > 0) {
            String currency = run.request().portfolio().baseCurrency();
            run.warnings().add(String.format(Locale.ROOT, "The suggested trims free %s %,.2f of the %s %,.2f needed: "
                    + "the rest needs new cash or larger trims.", currency, trims.freed(), currency, needed));
        }
        return trims;
    }

    private static ScanReport.Stats stats(Run run) {
        FetchCounts counts = run.data().counts();
        return new ScanReport.Stats((System.nanoTime() - run.startedNanos()) / 1_000_000, run.scores().hits(),
                run.scores().misses(), run.scores().staleServed(), counts.upstreamCalls(), counts.hits(),
                counts.misses());
    }

    /** Each position's bucket, in order, with a warning naming the positions left Unknown or Other. */
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
            warnings.add("Sector unknown (no profile could be looked up) for " + ShortList.of(unknown)
                    + ": counted in the total as \"Unknown\"");
        }
        if (!other.isEmpty()) {
            warnings.add("No target bucket for " + ShortList.of(other) + ": counted in the total as \"Other\"");
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
    private static List<Holding> holdings(Run run, List<String> buckets) {
        List<Position> positions = run.positions();
        ScanData data = run.data();
        List<Holding> holdings = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            Position position = positions.get(i);
            holdings.add(new Holding(position, buckets.get(i),
                    data.awaitHistory(position.symbol()).toOptional().orElse(null), run.bySymbol().lotsOf(position)));
        }
        List<String> noHistory = holdings.stream().filter(holding -> holding.history() == null)
                .map(Holding::symbol).toList();
        if (!noHistory.isEmpty()) {
            run.warnings().add("No price history for " + ShortList.of(noHistory)
                    + ": left out of the risk and correlation figures");
        }
        return holdings;
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
        boolean anyAnswered = benchmark instanceof Fetch.Ok
                || outcomes.stream().anyMatch(outcome -> outcome.anyScore().isPresent());
        if (!anyAnswered && scores.unavailable() != null) {
            throw new ScanFailedException("no market data could be had from " + marketData.describe() + ": "
                    + scores.unavailable().getMessage(), scores.unavailable());
        }
    }

    private void warnAboutBenchmark(Fetch<PriceHistory> benchmark, LocalDate windowStart, LocalDate asOf,
                                    List<String> warnings) {
        if (!(benchmark instanceof Fetch.Ok<PriceHistory> ok) || ok.value().between(windowStart, asOf).isEmpty()) {
            warnings.add("Benchmark " + scoring.benchmarkSymbol() + " has no prices between " + windowStart + " and "
                    + asOf + ": relative strength is left out of momentum");
            return;
        }
        List<DailyBar> bars = ok.value().bars();
        LocalDate last = bars.get(bars.size() - 1).date();
        if (last.isBefore(asOf.minusDays(7))) {
            warnings.add("Market data ends on " + last + ", " + ChronoUnit.DAYS.between(last, asOf)
                    + " days before the as-of date " + asOf + ": scores describe " + last
                    + " (pass --as-of to scan an earlier date)");
        }
    }

    private List<CandidateRow> candidateRows(Run run, SectorGap gap) {
        ScanScores scores = run.scores();
        ScanData data = run.data();
        List<CandidateRow> rows = new ArrayList<>();
        String etf = gap.bucket().proxyEtf();
        String etfName = data.awaitFundamentals(etf).toOptional().map(Fundamentals::name)
                .orElse(gap.bucket().name() + " ETF");
        rows.add(new CandidateRow(etf, etfName, "ETF", scores.outcome(etf), data.awaitHistory(etf).toOptional()
                .orElse(null)));
        for (Candidate candidate : universe.candidates(etf, run.request().topN())) {
            rows.add(new CandidateRow(candidate.symbol(), candidate.name(), "Stock", scores.outcome(candidate.symbol()),
                    data.awaitHistory(candidate.symbol()).toOptional().orElse(null)));
        }
        return rows;
    }

    /**
     * One row of the opportunities table. An unscored stock is shown with its gap ETF's score
     * ({@code score_source: "sector"}), never with a made-up number.
     */
    private ScanReport.Opportunity opportunity(CandidateRow row, GapCandidates gap, double amount, Set<String> held,
                                               DailyReturnSeries portfolioReturns, Run run) {
        SymbolScore own = row.score();
        ScanReport.ShownScore shown = ScanReport.ShownScore.of(own, gap.etf().score());
        Double correlation = correlation(row.history(), portfolioReturns, run.windowStart(), run.asOf());
        String rationale = OpportunityRationale.explain(gap.gap(), own, shown, correlation, row.outcome());
        return new ScanReport.Opportunity(row.symbol(), row.name(), gap.gap().bucket().name(), row.type(), shown,
                (own != null ? row.outcome() : gap.etf().outcome()) instanceof ScoreOutcome.Stale,
                correlation == null ? null : ReportAssembler.round(correlation, 2), run.request().horizon().key(), ReportAssembler.money(amount), rationale, held.contains(row.symbol()));
    }

    private Double correlation(PriceHistory history, DailyReturnSeries portfolioReturns, LocalDate from, LocalDate to) {
        if (history == null) {
            return null;
        }
        double correlation = DailyReturnSeries.of(history, from, to).correlation(portfolioReturns,
                settings.minCorrelationOverlap());
        return Double.isNaN(correlation) ? null : correlation;
    }

    /**
     * What one call of {@link #scan} works with: its request, its own market data and scores, the
     * first day of its horizon's window, its warnings in the order they arose, and when it started.
     */
    private record Run(ScanRequest request, PositionsBySymbol bySymbol, ScanListener listener, ScanData data,
                       ScanScores scores, LocalDate windowStart, List<String> warnings, long startedNanos) {
        /** One per symbol: rows of the same symbol are one position. */
        List<Position> positions() {
            return bySymbol.positions();
        }

        LocalDate asOf() {
            return request.asOf();
        }
    }

    /** A top gap and its rows: its ETF first, then its candidates. */
    private record GapCandidates(SectorGap gap, List<CandidateRow> rows) {
        CandidateRow etf() {
            return rows.get(0);
        }
    }

    /** A candidate of a gap with its score and its bars ({@code null} when it has none). */
    private record CandidateRow(String symbol, String name, String type, ScoreOutcome outcome, PriceHistory history) {
        SymbolScore score() {
            return outcome.anyScore().orElse(null);
        }

        PurchaseOption purchaseOption() {
            Double score = outcome.anyScore().map(SymbolScore::compositeScore).orElse(null);
            return new PurchaseOption(symbol, score, history);
        }
    }
}
