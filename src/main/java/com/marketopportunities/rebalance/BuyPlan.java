package com.marketopportunities.rebalance;

import com.marketopportunities.exposure.HoldingExposure;
import com.marketopportunities.sectors.BucketGap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the top gaps buy (SCANNER.md 4 and 6): each gap's money goes into its best-scored
 * candidate, provided that one scores at least the minimum to buy; an unscored candidate is never
 * bought. A gap with no such candidate buys nothing: its money leaves the plan (so trims fund less)
 * and the gap stays in the remaining drift.
 *
 * @param capital            the money of the gaps that buy; a gap that buys nothing has none
 * @param purchases          one per gap that buys, in the gaps' order
 * @param nothingWorthBuying the gaps that buy nothing, in the gaps' order
 */
public record BuyPlan(CapitalPlan capital, List<Purchase> purchases, List<NothingWorthBuying> nothingWorthBuying) {

    public BuyPlan {
        purchases = List.copyOf(purchases);
        nothingWorthBuying = List.copyOf(nothingWorthBuying);
    }

    /**
     * @param capital     each top gap's money, in the gaps' order
     * @param options     each top gap's candidates, its ETF first; a gap without any buys nothing
     * @param minBuyScore the lowest composite score bought, 0-100 ({@code scan.min-buy-score}, 50)
     * @param exposureOf  what a symbol bought holds (asked only of the symbols bought)
     */
    public static BuyPlan of(CapitalPlan capital, Map<BucketGap, List<PurchaseOption>> options, double minBuyScore,
                             Function<String, HoldingExposure> exposureOf) {
        List<Purchase> purchases = new ArrayList<>();
        List<NothingWorthBuying> nothing = new ArrayList<>();
        for (BucketGap gap : capital.byGap().keySet()) {
            Optional<PurchaseOption> best = PurchaseOption.best(options.getOrDefault(gap, List.of()));
            if (best.isPresent() && best.get().score() >= minBuyScore) {
                purchases.add(Purchase.into(gap.bucket().name(), capital.amount(gap), best.get(),
                        exposureOf.apply(best.get().symbol())));
            } else {
                nothing.add(new NothingWorthBuying(gap, best.orElse(null)));
            }
        }
        return new BuyPlan(capital.without(nothing.stream().map(NothingWorthBuying::gap).toList()), purchases,
                nothing);
    }

    /** What the gap had when it buys nothing; empty when it buys, or is not one of the plan's gaps. */
    public Optional<NothingWorthBuying> nothingWorthBuying(BucketGap gap) {
        return nothingWorthBuying.stream().filter(item -> item.gap().equals(gap)).findFirst();
    }

    /**
     * A top gap none of whose candidates scores the minimum to buy.
     *
     * @param best its best-scored candidate, below the minimum; {@code null} when none could be scored
     */
    public record NothingWorthBuying(BucketGap gap, PurchaseOption best) {
    }
}
