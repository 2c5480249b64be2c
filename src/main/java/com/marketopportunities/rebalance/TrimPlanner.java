package com.marketopportunities.rebalance;

import com.marketopportunities.portfolio.Lot;
import com.marketopportunities.returns.ReturnStatistics;
import com.marketopportunities.scoring.ScoreScale;
import com.marketopportunities.sectors.Bucket;
import com.marketopportunities.text.Sentences;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests which positions to trim, and by how much, to pay for the gaps (SCANNER.md 5).
 *
 * <p>Guards first: the largest holdings, positions whose every lot is held too briefly and
 * zero-value rows are never trimmed, and each is listed with the guard that kept it. The rest
 * get a sale score from their concentration and recent return (halved near a stop-loss); a
 * position with neither signal has nothing to be sold for. The sellable ones are walked from the
 * highest score, each selling at most a share of its value and only from its lots old enough,
 * until the need is covered, and never so much that a bucket it is a material part of (at least
 * {@value #MATERIAL_SHARE} of its value, in either dimension) falls below its range minimum: a trim
 * funds gaps from what is over-weight, it does not open new ones. A broad fund's thin slices of
 * every sector do not hold it back.
 */
public final class TrimPlanner {

    /** The share of a holding's value in a bucket from which the bucket's floor limits its sale. */
    static final double MATERIAL_SHARE = 0.10;

    private final TrimSettings settings;

    public TrimPlanner(TrimSettings settings) {
        this.settings = settings;
    }

    /**
     * A plan with no bucket floor (every bucket may be trimmed down to nothing).
     *
     * @see #plan(List, double, LocalDate, List)
     */
    public TrimPlan plan(List<Holding> holdings, double capitalNeeded, LocalDate asOf) {
        return plan(holdings, capitalNeeded, asOf, List.of());
    }

    /**
     * @param holdings      every position of the portfolio, one per symbol
     * @param capitalNeeded money to free, in the base currency
     * @param asOf          the scan's date: holding periods and returns end there
     * @param floors        the target buckets whose range minimum (in percent of the equity value)
     *                      no sale may cross; a bucket not given has none
     */
    public TrimPlan plan(List<Holding> holdings, double capitalNeeded, LocalDate asOf, List<Bucket> floors) {
        double total = holdings.stream().mapToDouble(Holding::value).sum();
        double equity = holdings.stream().mapToDouble(Holding::equityValue).sum();
        // each floored bucket's value above its minimum
        Map<Bucket, Double> room = new HashMap<>();
        for (Bucket bucket : floors) {
            double value = holdings.stream()
                    .mapToDouble(holding -> holding.value() * share(holding, bucket)).sum();
            room.put(bucket, value - bucket.minPct() / 100 * equity);
        }
        List<Holding> largest = holdings.stream()
                .sorted(Comparator.comparingDouble(Holding::value).reversed())
                .limit(settings.protectedTopN()).toList();
        List<ExcludedPosition> excluded = new ArrayList<>();
        List<SaleCandidate> candidates = new ArrayList<>();
        for (Holding holding : holdings) {
            String guard = guard(holding, largest, asOf);
            if (guard != null) {
                excluded.add(new ExcludedPosition(holding.symbol(), guard));
                continue;
            }
            SaleCandidate candidate = saleCandidate(holding, total, asOf);
            if (candidate == null) {
                excluded.add(new ExcludedPosition(holding.symbol(),
                        "no concentration or weakness signal: nothing to sell it for"));
            } else if (candidate.score() < settings.minSaleScore()) {
                excluded.add(new ExcludedPosition(holding.symbol(), Sentences.format(
                        "sale score %.1f is below %.0f (%s)", candidate.score(), settings.minSaleScore(),
                        candidate.rationale())));
            } else {
                candidates.add(candidate);
            }
        }
        candidates.sort(Comparator.comparingDouble(SaleCandidate::score).reversed()
                .thenComparing(candidate -> -candidate.holding().value())
                .thenComparing(candidate -> candidate.holding().symbol()));

        List<TrimSuggestion> sales = new ArrayList<>();
        double remaining = capitalNeeded;
        for (SaleCandidate candidate : candidates) {
            if (remaining <= 0) {
                break;
            }
            Holding holding = candidate.holding();
            double limit = Math.min(Math.min(holding.value() * settings.maxSalePct() / 100, sellable(holding, asOf)),
                    remaining);
            Bucket binding = null;
            for (Map.Entry<Bucket, Double> floor : room.entrySet()) {
                double share = share(holding, floor.getKey());
                if (share >= MATERIAL_SHARE && Math.max(floor.getValue(), 0) / share < limit) {
                    limit = Math.max(floor.getValue(), 0) / share;
                    binding = floor.getKey();
                }
            }
            if (binding != null && limit <= 0.005) {
                excluded.add(new ExcludedPosition(holding.symbol(), Sentences.format(
                        "a sale would take %s below its range minimum of %.1f%%", binding.name(), binding.minPct())));
                continue;
            }
            double sale = limit;
            remaining -= sale;
            room.replaceAll((bucket, value) -> value - sale * share(holding, bucket));
            sales.add(new TrimSuggestion(holding.symbol(), holding.position().name(), holding.mainBucket(),
                    holding.value(), sale / holding.value() * 100, sale, ScoreScale.round(candidate.score(), 1),
                    candidate.rationale(), candidate.stopLossSafe()));
        }
        double freed = capitalNeeded - Math.max(remaining, 0);
        return new TrimPlan(sales, excluded, capitalNeeded, freed,
                freed >= settings.sufficientRatio() * capitalNeeded);
    }

    /** The guard that keeps a holding out of the trims, or {@code null} when none does. */
    private String guard(Holding holding, List<Holding> largest, LocalDate asOf) {
        if (holding.value() <= 0) {
            return "zero value";
        }
        if (largest.contains(holding)) {
            return "protected: one of the " + settings.protectedTopN() + " largest holdings";
        }
        if (sellable(holding, asOf) <= 0) {
            LocalDate acquired = holding.lots().stream().map(Lot::acquired).filter(java.util.Objects::nonNull)
                    .max(LocalDate::compareTo).orElseThrow();
            long days = ChronoUnit.DAYS.between(acquired, asOf);
            return holding.lots().size() == 1
                    ? "held " + days + " days (since " + acquired + "), under the " + settings.minHoldingDays()
                            + "-day minimum"
                    : "every lot is held fewer days than the " + settings.minHoldingDays() + "-day minimum";
        }
        return null;
    }

    /**
     * The value, in the base currency, of the lots held at least the minimum period (or since a
     * date the file does not give): the holding's value times those lots' share of all its lots.
     */
    private double sellable(Holding holding, LocalDate asOf) {
        double all = holding.lots().stream().mapToDouble(Lot::marketValue).sum();
        double old = holding.lots().stream().filter(lot -> lot.acquired() == null
                        || ChronoUnit.DAYS.between(lot.acquired(), asOf) >= settings.minHoldingDays())
                .mapToDouble(Lot::marketValue).sum();
        return all <= 0 ? 0 : holding.value() * old / all;
    }

    /** The fraction of the holding's value in the bucket. */
    private static double share(Holding holding, Bucket bucket) {
        return holding.exposure().share(bucket.dimension(), bucket.name());
    }

    /** The holding's sale score and why, or {@code null} when no signal applies to it. */
    private SaleCandidate saleCandidate(Holding holding, double total, LocalDate asOf) {
        List<Double> signals = new ArrayList<>(2);
        List<String> reasons = new ArrayList<>(3);
        double weight = holding.value() / total * 100;
        if (weight > 10) {
            signals.add(10 + Math.min((weight - 10) * 4, 40));
            reasons.add(Sentences.format("Over-concentrated (%.1f%% of portfolio)", weight));
        } else if (weight > 5) {
            signals.add(12.0);
            reasons.add(Sentences.format("Large position (%.1f%% of portfolio)", weight));
        } else if (weight > 3) {
            signals.add(10.0);
            reasons.add(Sentences.format("Sizeable position (%.1f%% of portfolio)", weight));
        }
        Double recentReturn = recentReturnPct(holding, asOf);
        if (recentReturn != null && recentReturn < -10) {
            signals.add(Math.min(Math.abs(recentReturn), 50));
            reasons.add(Sentences.format("Down %.1f%% over the last %d bars", -recentReturn,
                    settings.returnBars()));
        } else if (recentReturn != null && recentReturn < 0) {
            signals.add(20.0);
            reasons.add(Sentences.format("Slightly down (%.1f%%) over the last %d bars", -recentReturn,
                    settings.returnBars()));
        }
        if (signals.isEmpty()) {
            return null;
        }
        double score = signals.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Double pnl = holding.position().unrealizedPnlPct();
        boolean nearStopLoss = pnl != null && pnl >= -10 && pnl <= -5;
        if (nearStopLoss) {
            score /= 2;
            reasons.add(Sentences.format("%.1f%% below entry price, near a stop-loss: signals halved", -pnl));
        }
        return new SaleCandidate(holding, score, String.join("; ", reasons), !nearStopLoss);
    }

    /** Return over the last {@code returnBars} bars up to the as-of date, in percent, or {@code null}. */
    private Double recentReturnPct(Holding holding, LocalDate asOf) {
        if (holding.history() == null) {
            return null;
        }
        double[] closes = holding.history().lastCloses(asOf, settings.returnBars());
        if (closes.length < 2) {
            return null;
        }
        return ReturnStatistics.percentChange(closes, closes.length);
    }

    private record SaleCandidate(Holding holding, double score, String rationale, boolean stopLossSafe) {
    }
}
