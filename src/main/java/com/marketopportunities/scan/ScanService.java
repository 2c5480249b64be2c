package com.marketopportunities.scan;

import com.marketopportunities.marketdata.DailyBar;
import com.marketopportunities.marketdata.Fetch;
import com.marketopportunities.marketdata.FetchCounts;
import com.marketopportunities.marketdata.Fundamentals;
import com.marketopportunities.marketdata.MarketData;
import com.marketopportunities.marketdata.PriceHistory;
import com.marketopportunities.portfolio.Portfolio;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.portfolio.PositionsBySymbol;
import com.marketopportunities.rebalance.BuyPlan;
import com.marketopportunities.rebalance.CapitalPlan;
import com.marketopportunities.rebalance.Holding;
import com.marketopportunities.rebalance.Impact;
import com.marketopportunities.rebalance.ImpactCalculator;
import com.marketopportunities.rebalance.Purchase;
import com.marketopportunities.rebalance.PurchaseOption;
import com.marketopportunities.rebalance.TrimSuggestion;
import com.marketopportunities.plan.BuyPlanner;
import com.marketopportunities.plan.Plan;
import com.marketopportunities.plan.PlanBucket;
import com.marketopportunities.plan.PlanCandidate;
import com.marketopportunities.plan.PlanProblem;
import com.marketopportunities.sectors.Bucket;
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
import com.marketopportunities.currency.CurrencyUnit;
import com.marketopportunities.currency.FxPair;
import com.marketopportunities.currency.FxRates;
import com.marketopportunities.currency.HistoryConversion;
import com.marketopportunities.currency.ParsedCurrency;
import com.marketopportunities.currency.PortfolioConversion;
import com.marketopportunities.exposure.ExposureClassifier;
import com.marketopportunities.exposure.ExposureTables;
import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.exposure.PortfolioExposure;
import com.marketopportunities.sectors.Candidate;
import com.marketopportunities.sectors.CandidateUniverse;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.GapFinder;
import com.marketopportunities.sectors.BucketGap;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The product's one job: from a portfolio to gaps, scored candidates, trims and impact. The
 * command line and the HTTP service are two doors onto this class.
 *
 * <p>Market data is fetched in three rounds, each in parallel: the holdings (profiles for those
 * whose buckets neither the file nor the candidate universe tells, histories for risk and trims)
 * with the benchmark; then the proxy ETF of every gap; then the candidates of the top gaps, with
 * the profiles of the ETFs among them (a fund bought is looked through). When every gap is a top
 * gap (or there are at most {@link ScanSettings#earlyCandidatesMaxGaps} gaps), the candidates come in
 * the second round, before the ETF scores tell the top gaps: a round trip less. Each symbol's
 * history, fundamentals and profile are asked for once per scan; each round's data is first asked
 * of the shared cache in one round trip, and every score the scan may need in one more.
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

    private static final String ETF = "ETF";
    private static final String STOCK = "Stock";

    /** Classification notes shown in full among the warnings; the rest are counted. */
    private static final int NOTES_SHOWN = 8;

    private final MarketData marketData;
    private final Scorer scorer;
    private final ScoringSettings scoring;
    private final ScanSettings settings;
    private final Taxonomy taxonomy;
    private final ExposureClassifier classifier;
    private final CandidateUniverse universe;
    private final TrimPlanner trimPlanner;
    private final ImpactCalculator impactCalculator;
    private final ScoreCache scoreCache;
    private final Clock clock;

    public ScanService(MarketData marketData, Scorer scorer, ScoringSettings scoring, ScanSettings settings,
                       Taxonomy taxonomy, ExposureTables exposureTables, CandidateUniverse universe,
                       TrimPlanner trimPlanner, ScoreCache scoreCache, Clock clock) {
        this.marketData = marketData;
        this.scoreCache = scoreCache;
        this.scorer = scorer;
        this.scoring = scoring;
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.classifier = new ExposureClassifier(taxonomy, exposureTables, universe);
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
        List<Classified> classified = fetchAndClassifyHoldings(run);
        PortfolioExposure exposure = PortfolioExposure.of(IntStream.range(0, classified.size())
                .mapToObj(i -> new PortfolioExposure.Valued(run.positions().get(i).marketValue(),
                        classified.get(i).exposure())).toList(), taxonomy);
        // the gaps need what the holdings hold, not their prices: the ETFs are asked for while those load
        List<BucketGap> gaps = gapsByEtfScore(run, exposure);
        List<Holding> holdings = holdings(run, classified);
        warnAboutUnclassified(run, holdings, exposure);
        List<BucketGap> topGaps = topGaps(run, gaps);
        CapitalPlan capital = capitalPlan(run, topGaps, exposure);
        checkTheAnswers(run);
        warnAboutMissingHistories(run, holdings);
        List<GapCandidates> candidates = candidates(run, topGaps);
        BuyPlan buys = buys(run, candidates, capital);
        List<ScanReport.Opportunity> opportunities = opportunities(run, candidates, buys.capital(), holdings);
        TrimPlan trims = trims(run, holdings, buys.capital());
        Impact impact = impactCalculator.impact(holdings, trims, buys.purchases(), run.windowStart(), run.asOf());
        Plan plan = request.plan() == null ? null : plan(run, gaps, exposure, holdings, trims, buys);
        warnAboutPartialScores(run);
        // every score answered first: a score computed after a cache miss asks for its data only then
        Map<String, ScoreOutcome> outcomes = run.scores().outcomes();
        run.data().awaitEveryRequest();
        return ReportAssembler.assemble(request, gaps, topGaps, buys, outcomes, opportunities,
                trims, impact, exposure, holdings, run.conversion(), taxonomy, run.positions().size(), run.warnings(),
                clock.instant(),
                stats(run), plan);
    }

    /**
     * One symbol's score through the score cache, computed as a scan computes it when missing:
     * the warm-up's way in.
     */
    public CompletableFuture<ScoreOutcome> score(String symbol, Horizon horizon, LocalDate asOf) {
        ScanData data = new ScanData(marketData, scoring.earliestWindowStart(asOf), asOf, ScanListener.SILENT, null);
        ScanScores scores = new ScanScores(data, scorer, scoring.benchmarkSymbol(), horizon, asOf,
                (key, compute) -> scoreCache.score(key, horizon, asOf, compute));
        return scores.request(symbol);
    }

    /** Every proxy ETF and candidate of the universe: what a scan may score, and what warming covers. */
    public List<String> warmUpSymbols() {
        Set<String> symbols = new LinkedHashSet<>();
        taxonomy.buckets().forEach(bucket -> symbols.add(bucket.proxyEtf()));
        symbols.addAll(universe.allSymbols());
        return new ArrayList<>(symbols);
    }

    /** A scan's own market data, scores and warnings; the request's notes are its first warnings. */
    private Run start(ScanRequest request, ScanListener listener) {
        long started = System.nanoTime();
        LocalDate asOf = request.asOf();
        Portfolio portfolio = request.portfolio();
        ScanData data = new ScanData(marketData, scoring.earliestWindowStart(asOf), asOf, listener,
                portfolio.baseCurrency());
        ScanScores scores = new ScanScores(data, scorer, scoring.benchmarkSymbol(), request.horizon(), asOf,
                scoreCache.forScan(request.horizon(), asOf));
        List<Position> rows = portfolio.positions();
        long symbols = rows.stream().map(Position::symbol).distinct().count();
        if (symbols > settings.maxSymbols()) {
            throw new TooManySymbolsException((int) symbols, settings.maxSymbols());
        }
        listener.stage("classifying " + symbols + " holdings");
        fetchFirstRound(data, portfolio);
        FxRates fx = new FxRates(data::awaitHistory);
        // every value in the base currency before anything is summed, rows of one symbol included
        PortfolioConversion conversion = PortfolioConversion.of(portfolio, asOf, fx);
        PositionsBySymbol positions = PositionsBySymbol.of(conversion.portfolio().positions());
        List<String> warnings = new ArrayList<>(conversion.warnings());
        warnings.addAll(request.notes());
        warnings.addAll(positions.notes());
        return new Run(request, positions, conversion, fx, listener, data, scores,
                scoring.windowStart(request.horizon(), asOf), warnings, started);
    }

    /**
     * The first round, asked for all at once: each holding's history and (when the file does not
     * classify it) profile, the benchmark's history, and the FX pairs of the values' currencies.
     * Nothing is awaited here.
     */
    private void fetchFirstRound(ScanData data, Portfolio portfolio) {
        String base = portfolio.baseCurrency();
        List<String> profiles = portfolio.positions().stream().filter(classifier::needsProfile)
                .map(Position::symbol).distinct().toList();
        List<String> histories = new ArrayList<>(List.of(scoring.benchmarkSymbol()));
        portfolio.positions().stream().map(Position::symbol).distinct().forEach(histories::add);
        List<String> currencies = portfolio.positions().stream().map(portfolio::valueCurrency).distinct()
                .map(CurrencyUnit::parse).filter(ParsedCurrency.Known.class::isInstance)
                .map(known -> ((ParsedCurrency.Known) known).unit().iso()).filter(iso -> !iso.equals(base))
                .distinct().toList();
        List<String> hinted = new ArrayList<>(histories);
        currencies.forEach(iso -> hinted.addAll(FxRates.pairSymbols(iso, base)));
        data.prefetch(hinted, List.of(), profiles);
        // profiles first: classification waits for them; then the direct pairs, which the conversion
        // waits for (an inverse or a cross is asked for only when a direct pair has no data)
        profiles.forEach(data::profile);
        currencies.forEach(iso -> data.history(new FxPair(iso, base).symbol()));
        histories.forEach(data::history);
    }

    /**
     * The first round: the holdings' profiles and histories, with the benchmark's. Returns what
     * each position holds and the currency its prices are in, in order; only the profiles are
     * awaited, the histories load meanwhile.
     */
    private List<Classified> fetchAndClassifyHoldings(Run run) {
        List<Position> positions = run.positions();
        List<Classified> classified = positions.stream().map(position -> {
            Fetch<Fundamentals> profile = profileOf(run, position);
            return new Classified(classifier.classify(position, profile),
                    profile.toOptional().map(Fundamentals::currency).orElse(position.currency()));
        }).toList();
        failIfUnreachable(positions, run.data());
        return classified;
    }

    /**
     * A holding as its profile (or the file) tells it: what it holds, and the currency its provider
     * quotes it in, else the file's ({@code null}: the base).
     */
    private record Classified(HoldingExposure exposure, String quotedIn) {
    }

    /**
     * The second round: every gap with its proxy ETF scored, by that score (highest first, unscored
     * last). When every gap is a top gap (or the settings ask for it), their candidates are asked for now too.
     */
    private List<BucketGap> gapsByEtfScore(Run run, PortfolioExposure exposure) {
        List<BucketGap> gaps = new GapFinder(taxonomy).gaps(exposure.byDimension(), run.request().minGapPct());
        boolean early = settings.candidatesEarly(gaps.size());
        run.listener().stage("scoring the ETFs of " + gaps.size() + " gaps" + (early && !gaps.isEmpty()
                ? " and their candidates" : ""));
        List<String> etfs = gaps.stream().map(gap -> gap.bucket().proxyEtf()).toList();
        if (early) {
            askForCandidates(run, gaps, etfs, gaps.size() <= settings.topGaps());
        } else {
            run.data().prefetch(etfs, etfs, List.of());
            etfs.forEach(run.data()::fundamentals);
            run.scores().requestAll(etfs);
        }
        List<BucketGap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparing((BucketGap gap) -> run.scores().score(gap.bucket().proxyEtf())
                .map(SymbolScore::compositeScore).orElse(null), Comparator.nullsLast(Comparator.reverseOrder())));
        return sorted;
    }

    /**
     * The gaps that drive opportunities, trims and impact; the third round asks for their candidates
     * (unless the second did), whose scores are awaited when the rows are made.
     */
    private List<BucketGap> topGaps(Run run, List<BucketGap> gaps) {
        List<BucketGap> topGaps = gaps.subList(0, Math.min(settings.topGaps(), gaps.size()));
        // a buy plan weighs every gap's candidates (PLAN.md), the opportunities the top gaps' only
        List<BucketGap> asked = run.request().plan() != null ? gaps : topGaps;
        if (!settings.candidatesEarly(gaps.size())) {
            run.listener().stage("scoring the candidates of " + asked.size() + (asked == topGaps ? " top gaps" : " gaps"));
            askForCandidates(run, asked, List.of(), true);
        } else if (gaps.size() > settings.topGaps() || asked != topGaps) {
            // asked for early; the profiles a purchase needs are those of the gaps bought into
            askForCandidates(run, asked, List.of(), true);
        }
        return topGaps;
    }

    /**
     * Asks, in one go, for the scores of {@code alsoScored} and of every row of {@code gaps} (its ETF
     * and its candidates), and (with {@code profiles}) for the profiles of the rows a purchase would
     * need looked up (the ETFs: a fund bought is looked through). What was asked for already is not
     * asked for again.
     */
    private void askForCandidates(Run run, List<BucketGap> gaps, List<String> alsoScored, boolean withProfiles) {
        List<String> symbols = new ArrayList<>(alsoScored);
        List<String> profiles = new ArrayList<>();
        for (BucketGap gap : gaps) {
            String etf = gap.bucket().proxyEtf();
            symbols.add(etf);
            if (withProfiles && classifier.needsProfile(rowPosition(etf, ETF))) {
                profiles.add(etf);
            }
            for (Candidate candidate : universe.candidates(etf, run.request().topN())) {
                symbols.add(candidate.symbol());
                if (withProfiles && classifier.needsProfile(rowPosition(candidate.symbol(), STOCK))) {
                    profiles.add(candidate.symbol());
                }
            }
        }
        List<String> distinct = symbols.stream().distinct().toList();
        run.data().prefetch(distinct, distinct, profiles);
        // fundamentals first: announced, they leave in one call before the charts the scores ask for
        distinct.forEach(run.data()::fundamentals);
        run.scores().requestAll(distinct);
        profiles.forEach(run.data()::profile);
    }

    /** A candidate row as a position of no value: what the rules classify when it is bought. */
    private static Position rowPosition(String symbol, String type) {
        return new Position(symbol, symbol, null, 0, null, null, null, null, null, type, null, 0);
    }

    /**
     * The provider's profile of a position, asked for (and awaited) only when the file and the
     * universe do not classify it.
     */
    private Fetch<Fundamentals> profileOf(Run run, Position position) {
        return classifier.needsProfile(position) ? run.data().awaitProfile(position.symbol())
                : new Fetch.NoData<>("not asked: the file or the candidate universe classifies it");
    }

    private CapitalPlan capitalPlan(Run run, List<BucketGap> topGaps, PortfolioExposure exposure) {
        CapitalPlan capital = CapitalPlan.of(topGaps, exposure.byDimension(), settings.bucketCapPct());
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
    private List<GapCandidates> candidates(Run run, List<BucketGap> topGaps) {
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
    private BuyPlan buys(Run run, List<GapCandidates> candidates, CapitalPlan capital) {
        Map<BucketGap, List<PurchaseOption>> options = new LinkedHashMap<>();
        Map<String, String> types = new java.util.HashMap<>();
        candidates.forEach(gap -> {
            options.put(gap.gap(), gap.rows().stream().map(CandidateRow::purchaseOption).toList());
            gap.rows().forEach(row -> types.putIfAbsent(row.symbol(), row.type()));
        });
        return BuyPlan.of(capital, options, settings.minBuyScore(),
                symbol -> classifier.classify(rowPosition(symbol, types.get(symbol)),
                        profileOf(run, rowPosition(symbol, types.get(symbol)))));
    }

    /**
     * The buy plan (PLAN.md): the amount asked for (with the trims' proceeds when asked), spent on the
     * ETFs and candidates of every gap scored at least the minimum, each with its look-through
     * exposure, against the portfolio's buckets in both dimensions (after the trims, when their
     * proceeds are spent); the scan's own purchases, scaled to the amount, are the greedy split it
     * is compared with.
     */
    private Plan plan(Run run, List<BucketGap> gaps, PortfolioExposure exposure, List<Holding> holdings,
                      TrimPlan trims, BuyPlan buys) {
        PlanChoice choice = run.request().plan();
        double freed = choice.useTrims() ? trims.freed() : 0;
        double amount = choice.cash() + freed;
        double equity = exposure.equityValue();
        Map<String, Double> values = new java.util.HashMap<>();
        List<PlanBucket> buckets = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            for (Bucket bucket : taxonomy.buckets(dimension)) {
                values.put(bucket.name(), exposure.allocation(dimension).value(bucket.name()));
                buckets.add(new PlanBucket(bucket.name(), dimension.key(), bucket.minPct(), bucket.maxPct()));
            }
        }
        Map<String, Double> now = null;
        if (choice.useTrims() && !trims.sales().isEmpty()) {
            now = new java.util.HashMap<>();
            for (Map.Entry<String, Double> bucket : values.entrySet()) {
                now.put(bucket.getKey(), equity > 0 ? 100 * bucket.getValue() / equity : 0);
            }
            Map<String, Holding> bySymbol = holdings.stream().collect(Collectors.toMap(Holding::symbol, h -> h, (a, b) -> a));
            for (TrimSuggestion sale : trims.sales()) {
                HoldingExposure sold = bySymbol.get(sale.symbol()).exposure();
                equity -= sale.saleValue() * sold.equityShare();
                for (Dimension dimension : Dimension.values()) {
                    sold.weights(dimension).byBucket().forEach((bucket, weight) -> values.computeIfPresent(bucket,
                            (name, value) -> value - sale.saleValue() * sold.share(dimension, bucket)));
                }
            }
        }
        double bought = buys.purchases().stream().mapToDouble(Purchase::amount).sum();
        Map<String, Double> greedy = new java.util.HashMap<>();
        buys.purchases().forEach(purchase -> greedy.merge(purchase.symbol(), purchase.amount() / bought, Double::sum));
        PlanProblem problem = new PlanProblem(amount, equity, values, buckets, planCandidates(run, gaps, choice),
                choice.maxPositions(), choice.ticketFor(amount), 1, bought > 0 ? greedy : Map.of(), now);
        Plan plan = new BuyPlanner().plan(problem);
        if (freed > 0) {
            run.warnings().add(String.format(Locale.ROOT, "The buy plan spends %s %,.2f: the %,.2f asked for and the"
                    + " %,.2f the suggested trims free.", run.baseCurrency(), amount, choice.cash(), freed));
        }
        return plan;
    }

    /**
     * Every gap's ETF and candidates scored at least the plan's minimum (unscored: never), once each,
     * with what a unit of money in it adds to each bucket of both dimensions.
     */
    private List<PlanCandidate> planCandidates(Run run, List<BucketGap> gaps, PlanChoice choice) {
        Map<String, PlanCandidate> candidates = new LinkedHashMap<>();
        for (BucketGap gap : gaps) {
            String etf = gap.bucket().proxyEtf();
            String etfName = run.data().awaitFundamentals(etf).toOptional().map(Fundamentals::name)
                    .orElse(gap.bucket().name() + " ETF");
            addPlanCandidate(run, candidates, etf, etfName, ETF, choice);
            for (Candidate candidate : universe.candidates(etf, run.request().topN())) {
                addPlanCandidate(run, candidates, candidate.symbol(), candidate.name(), STOCK, choice);
            }
        }
        return List.copyOf(candidates.values());
    }

    private void addPlanCandidate(Run run, Map<String, PlanCandidate> candidates, String symbol, String name,
                                  String type, PlanChoice choice) {
        if (candidates.containsKey(symbol)) {
            return;
        }
        Double score = run.scores().outcome(symbol).anyScore().map(SymbolScore::compositeScore).orElse(null);
        if (score == null || score < choice.minScore()) {
            return;
        }
        Position row = rowPosition(symbol, type);
        HoldingExposure exposure = classifier.classify(row, profileOf(run, row));
        Map<String, Double> weights = new java.util.HashMap<>();
        for (Dimension dimension : Dimension.values()) {
            exposure.weights(dimension).byBucket().forEach((bucket, weight) ->
                    weights.merge(bucket, exposure.share(dimension, bucket), Double::sum));
        }
        candidates.put(symbol, new PlanCandidate(symbol, name, type, score, weights));
    }

    /** The trims that fund the gaps, with a warning when they fall short. */
    private TrimPlan trims(Run run, List<Holding> holdings, CapitalPlan capital) {
        double needed = capital.total();
        TrimPlan trims = trimPlanner.plan(holdings, needed, run.asOf(), taxonomy.buckets());
        if (!trims.sufficient() && needed > 0) {
            String currency = run.baseCurrency();
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

    /**
     * The positions in file order, each valued in the base currency with what it holds and its
     * price history.
     */
    private List<Holding> holdings(Run run, List<Classified> classified) {
        List<Position> positions = run.positions();
        List<Holding> holdings = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            Position position = positions.get(i);
            holdings.add(new Holding(position, position.marketValue(), classified.get(i).exposure(),
                    run.historyInBase(position.symbol(), classified.get(i).quotedIn()),
                    run.bySymbol().lotsOf(position)));
        }
        return holdings;
    }

    private static void warnAboutMissingHistories(Run run, List<Holding> holdings) {
        List<String> noHistory = holdings.stream().filter(holding -> holding.history() == null)
                .map(Holding::symbol).toList();
        if (!noHistory.isEmpty()) {
            run.warnings().add("No price history for " + ShortList.of(noHistory)
                    + ": left out of the risk and correlation figures");
        }
    }

    /**
     * Says how much of the equity no rule could classify, in each dimension, and what would
     * classify it: the holdings' own notes, the first few in full.
     */
    private static void warnAboutUnclassified(Run run, List<Holding> holdings, PortfolioExposure exposure) {
        for (Dimension dimension : Dimension.values()) {
            double pct = exposure.unclassifiedPct(dimension);
            if (pct > 0.005) {
                List<String> symbols = holdings.stream()
                        .filter(holding -> holding.exposure().weights(dimension).of(Taxonomy.UNCLASSIFIED) > 0)
                        .map(Holding::symbol).toList();
                run.warnings().add(String.format(Locale.ROOT, "%.1f%% of the equity has no %s (Unclassified): %s;"
                        + " it counts in the total and is never spread over the other buckets", pct, dimension.key(),
                        ShortList.of(symbols)));
            }
        }
        List<String> notes = holdings.stream().flatMap(holding -> holding.exposure().notes().stream()).toList();
        notes.stream().limit(NOTES_SHOWN).forEach(run.warnings()::add);
        if (notes.size() > NOTES_SHOWN) {
            run.warnings().add((notes.size() - NOTES_SHOWN) + " more classification notes: each holding's sources"
                    + " are in holdings[]");
        }
    }

    /** Names the symbols scored without their fundamentals, which the provider could not give (issue 12). */
    private static void warnAboutPartialScores(Run run) {
        List<String> partial = run.scores().outcomes().values().stream()
                .filter(outcome -> outcome.anyScore().map(SymbolScore::partial).orElse(false))
                .map(ScoreOutcome::symbol).toList();
        if (!partial.isEmpty()) {
            run.warnings().add("Scored without fundamentals, which the market-data provider could not give now"
                    + " (throttled or failing): " + ShortList.of(partial) + ". Their value pillar is left out of the"
                    + " composite (marked partial); such scores are kept for minutes, and the next scan asks again.");
        }
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

    private List<CandidateRow> candidateRows(Run run, BucketGap gap) {
        ScanScores scores = run.scores();
        ScanData data = run.data();
        List<CandidateRow> rows = new ArrayList<>();
        String etf = gap.bucket().proxyEtf();
        String etfName = data.awaitFundamentals(etf).toOptional().map(Fundamentals::name)
                .orElse(gap.bucket().name() + " ETF");
        rows.add(new CandidateRow(etf, etfName, ETF, scores.outcome(etf), run.historyInBase(etf, currencyOf(run, etf))));
        for (Candidate candidate : universe.candidates(etf, run.request().topN())) {
            rows.add(new CandidateRow(candidate.symbol(), candidate.name(), STOCK, scores.outcome(candidate.symbol()),
                    run.historyInBase(candidate.symbol(), currencyOf(run, candidate.symbol()))));
        }
        return rows;
    }

    /** The currency the provider quotes a candidate in; {@code null} when it does not say. */
    private static String currencyOf(Run run, String symbol) {
        return run.data().awaitFundamentals(symbol).toOptional().map(Fundamentals::currency).orElse(null);
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
    private record Run(ScanRequest request, PositionsBySymbol bySymbol, PortfolioConversion conversion, FxRates fx,
                       ScanListener listener, ScanData data, ScanScores scores, LocalDate windowStart,
                       List<String> warnings, long startedNanos) {
        /** One per symbol: rows of the same symbol are one position. */
        List<Position> positions() {
            return bySymbol.positions();
        }

        LocalDate asOf() {
            return request.asOf();
        }

        String baseCurrency() {
            return conversion.baseCurrency();
        }

        /**
         * A symbol's history in the base currency, day by day, from {@code currency} (the one its
         * provider quotes it in, else the file's; {@code null}: the base). {@code null} when it has no
         * history, or one that cannot be converted (said in the warnings).
         */
        PriceHistory historyInBase(String symbol, String quotedIn) {
            PriceHistory history = data.awaitHistory(symbol).toOptional().orElse(null);
            if (history == null) {
                return null;
            }
            String currency = quotedIn == null ? baseCurrency() : quotedIn;
            HistoryConversion conversion = fx.convert(history, currency, baseCurrency());
            if (conversion instanceof HistoryConversion.Converted converted) {
                return converted.history();
            }
            warnings.add("The prices of " + symbol + " could not be converted to " + baseCurrency() + " ("
                    + ((HistoryConversion.NotConverted) conversion).reason() + "): left out of the risk and"
                    + " correlation figures");
            return null;
        }
    }

    /** A top gap and its rows: its ETF first, then its candidates. */
    private record GapCandidates(BucketGap gap, List<CandidateRow> rows) {
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
