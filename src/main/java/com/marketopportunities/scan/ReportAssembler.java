package com.marketopportunities.scan;

import com.marketopportunities.currency.ConvertedPosition;
import com.marketopportunities.currency.PortfolioConversion;
import com.marketopportunities.plan.Plan;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.exposure.PortfolioExposure;
import com.marketopportunities.portfolio.Position;
import com.marketopportunities.rebalance.BuyPlan;
import com.marketopportunities.rebalance.Holding;
import com.marketopportunities.rebalance.CapitalPlan;
import com.marketopportunities.rebalance.Impact;
import com.marketopportunities.rebalance.PurchaseOption;
import com.marketopportunities.rebalance.TrimPlan;
import com.marketopportunities.scoring.ScoreOutcome;
import com.marketopportunities.scoring.Reading;
import com.marketopportunities.scoring.ScoreScale;
import com.marketopportunities.scoring.SymbolScore;
import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.sectors.BucketGap;
import com.marketopportunities.sectors.Dimension;
import com.marketopportunities.sectors.Taxonomy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a scan's results into the {@link ScanReport}, rounding money to cents and percentages to 2 places. */
final class ReportAssembler {

    private ReportAssembler() {
    }

    static ScanReport assemble(ScanRequest request, List<BucketGap> gaps, List<BucketGap> topGaps,
                               BuyPlan buys, Map<String, ScoreOutcome> outcomes,
                               List<ScanReport.Opportunity> opportunities, TrimPlan trims, Impact impact,
                               PortfolioExposure exposure, List<Holding> holdings, PortfolioConversion conversion,
                               Taxonomy taxonomy,
                               int positions, List<String> warnings, Instant generatedAt, ScanReport.Stats stats,
                               Plan plan) {
        CapitalPlan capital = buys.capital();
        List<ScanReport.Gap> gapRows = gaps.stream().map(gap -> gapRow(gap, topGaps.contains(gap),
                capital.amount(gap), outcomes.get(gap.bucket().proxyEtf()), buys.nothingWorthBuying(gap)))
                .toList();
        List<ScanReport.Sale> sales = trims.sales().stream().map(sale -> new ScanReport.Sale(sale.symbol(),
                sale.name(), sale.bucket(), money(sale.currentValue()), round(sale.salePct(), 2),
                money(sale.saleValue()), sale.saleScore(), sale.rationale(), sale.stopLossSafe())).toList();
        List<ScanReport.Excluded> excluded = trims.excluded().stream()
                .map(position -> new ScanReport.Excluded(position.symbol(), position.guard())).toList();
        List<ScanReport.Unscored> unscored = outcomes.values().stream()
                .filter(outcome -> outcome instanceof ScoreOutcome.Unscored)
                .map(outcome -> new ScanReport.Unscored(outcome.symbol(), ((ScoreOutcome.Unscored) outcome).reason()))
                .toList();
        ScanReport.Summary summary = new ScanReport.Summary(positions, money(exposure.totalValue()),
                gaps.size(), opportunities.size(), sales.size(), money(capital.total()), money(trims.freed()),
                trims.sufficient());
        return new ScanReport(gapRows, List.copyOf(opportunities), sales, excluded, impactView(impact),
                plan == null ? null : planView(plan, request.plan(), taxonomy), summary,
                exposureView(exposure, taxonomy), holdingViews(holdings, conversion), unscored, conversion.unconverted().stream().map(item -> new ScanReport.Unconverted(
                        item.symbol(), item.currency(), item.reason())).toList(), List.copyOf(warnings), request.horizon().key(), request.asOf(),
                conversion.baseCurrency(), generatedAt, stats);
    }

    /** The plan as the answer shows it, every figure rounded as the rest of the answer is. */
    static ScanReport.PlanView planView(Plan plan, PlanChoice choice, Taxonomy taxonomy) {
        Map<String, List<Double>> ranges = new java.util.LinkedHashMap<>();
        Map<String, String> dimensionOf = new java.util.LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            for (Bucket bucket : taxonomy.buckets(dimension)) {
                ranges.put(bucket.name(), List.of(bucket.minPct(), bucket.maxPct()));
                dimensionOf.put(bucket.name(), dimension.key());
            }
        }
        List<ScanReport.PlannedPurchase> purchases = plan.purchases().stream().map(purchase -> {
            Map<String, Double> fills = new java.util.LinkedHashMap<>();
            purchase.fills().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(fill -> fills.put(fill.getKey(), fill.getValue()));
            return new ScanReport.PlannedPurchase(purchase.candidate().symbol(), purchase.candidate().name(),
                    purchase.candidate().type(), money(purchase.amount()), round(purchase.candidate().score(), 1),
                    com.marketopportunities.scoring.Reading.of(purchase.candidate().score()), fills, purchase.why());
        }).toList();
        double fromTrims = money(plan.amount() - choice.cash());
        return new ScanReport.PlanView(money(plan.amount()), money(choice.cash()), Math.max(0, fromTrims),
                choice.maxPositions(), money(choice.ticketFor(plan.amount())), choice.minScore(), plan.method().key(),
                purchases, round(plan.driftBefore(), 2), round(plan.driftAfter(), 2), round(plan.greedyDriftAfter(), 2),
                rounded(plan.before(), ranges), rounded(plan.after(), ranges), ranges, dimensionOf, plan.notes());
    }

    /** Percents to 2 decimals, in the taxonomy's order. */
    private static Map<String, Double> rounded(Map<String, Double> pcts, Map<String, List<Double>> order) {
        Map<String, Double> rounded = new java.util.LinkedHashMap<>();
        order.keySet().forEach(bucket -> rounded.put(bucket, round(pcts.getOrDefault(bucket, 0.0), 2)));
        return rounded;
    }

    private static ScanReport.Gap gapRow(BucketGap gap, boolean top, double capital, ScoreOutcome etfOutcome,
                                         Optional<BuyPlan.NothingWorthBuying> nothingWorthBuying) {
        SymbolScore score = etfOutcome == null ? null : etfOutcome.anyScore().orElse(null);
        PurchaseOption best = nothingWorthBuying.map(BuyPlan.NothingWorthBuying::best).orElse(null);
        return new ScanReport.Gap(gap.bucket().name(), gap.bucket().dimension().key(), round(gap.currentPct(), 2), round(gap.targetPct(), 2),
                round(gap.gapPct(), 2), gap.bucket().minPct(), gap.bucket().maxPct(), gap.bucket().proxyEtf(),
                score == null ? null : score.compositeScore(), score == null ? null : score.reading(),
                score == null ? null : score.confidence(),
                score == null ? null : score.momentumScore(), score == null ? null : score.valueScore(),
                score == null ? null : score.diversificationScore(), etfOutcome instanceof ScoreOutcome.Stale,
                score != null && score.partial(), top,
                money(capital), nothingWorthBuying.isPresent(), best == null ? null
                        : new ScanReport.BestCandidate(best.symbol(), best.score(), Reading.of(best.score())));
    }

    private static ScanReport.ImpactView impactView(Impact impact) {
        Map<String, String> dimensionOf = new LinkedHashMap<>();
        impact.dimensionOf().forEach((bucket, dimension) -> dimensionOf.put(bucket, dimension.key()));
        return new ScanReport.ImpactView(roundAll(impact.before()), roundAll(impact.after()), dimensionOf,
                impact.riskBefore() == null ? null : round(impact.riskBefore(), 2),
                impact.riskAfter() == null ? null : round(impact.riskAfter(), 2),
                money(impact.totalFreed()), money(impact.totalInvested()), money(impact.netChange()),
                roundAll(impact.remainingDrift()));
    }

    private static ScanReport.ExposureView exposureView(PortfolioExposure exposure, Taxonomy taxonomy) {
        double total = exposure.totalValue();
        List<ScanReport.ExposureRow> classes = exposure.assetClasses().entrySet().stream()
                .map(entry -> new ScanReport.ExposureRow(entry.getKey().label(), money(entry.getValue()),
                        round(total <= 0 ? 0 : entry.getValue() / total * 100, 2), null, null, null))
                .toList();
        return new ScanReport.ExposureView(money(exposure.equityValue()), classes,
                rows(exposure.allocation(Dimension.SECTOR), taxonomy), rows(exposure.allocation(Dimension.REGION), taxonomy));
    }

    /** Every target bucket of the dimension, in order, then Unclassified when any equity is. */
    private static List<ScanReport.ExposureRow> rows(Allocation allocation, Taxonomy taxonomy) {
        List<ScanReport.ExposureRow> rows = new ArrayList<>();
        allocation.valueByBucket().forEach((name, value) -> {
            Bucket bucket = taxonomy.bucket(name).orElse(null);
            if (bucket == null && value <= 0) {
                return;
            }
            rows.add(new ScanReport.ExposureRow(name, money(value), round(allocation.pct(name), 2),
                    bucket == null ? null : bucket.minPct(), bucket == null ? null : bucket.maxPct(),
                    bucket == null ? null : bucket.targetPct()));
        });
        return rows;
    }

    /** Each holding with the currency its value was in and the factor that took it to the base currency. */
    private static List<ScanReport.HoldingView> holdingViews(List<Holding> holdings, PortfolioConversion conversion) {
        // a symbol on several rows was converted row by row, each at its currency's rate: the first row's is shown
        Map<String, ConvertedPosition> bySymbol = new java.util.HashMap<>();
        conversion.converted().forEach(row -> bySymbol.putIfAbsent(row.position().symbol(), row));
        return holdings.stream().map(holding -> holdingView(holding, bySymbol.get(holding.symbol()),
                conversion.baseCurrency())).toList();
    }

    private static ScanReport.HoldingView holdingView(Holding holding, ConvertedPosition converted, String base) {
        HoldingExposure exposure = holding.exposure();
        Position position = holding.position();
        Map<String, Double> classes = new LinkedHashMap<>();
        exposure.assetClasses().forEach((assetClass, weight) -> classes.put(assetClass.label(), round(weight, 4)));
        return new ScanReport.HoldingView(position.symbol(), position.name(),
                converted == null ? base : converted.valueCurrency(),
                converted == null ? null : significant(converted.factor(), 6),
                money(holding.value()), classes, fractions(exposure.sectors().byBucket()),
                fractions(exposure.regions().byBucket()),
                exposure.sectorSource() == null ? null : exposure.sectorSource().key(),
                exposure.regionSource() == null ? null : exposure.regionSource().key());
    }

    /** A rate to as many significant digits as the ECB publishes: 0.00698959 for the yen, 1.01082 for the franc. */
    private static double significant(double value, int digits) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue();
    }

    /** Weights rounded to 4 places, largest first. */
    private static Map<String, Double> fractions(Map<String, Double> weights) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> rounded.put(entry.getKey(), round(entry.getValue(), 4)));
        return rounded;
    }

    private static Map<String, Double> roundAll(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((key, value) -> rounded.put(key, round(value, 2)));
        return rounded;
    }

    static double money(double amount) {
        return round(amount, 2);
    }

    static double round(double value, int decimals) {
        return ScoreScale.round(value, decimals);
    }
}
