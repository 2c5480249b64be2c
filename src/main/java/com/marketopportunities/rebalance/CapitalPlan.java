package com.marketopportunities.rebalance;

import com.marketopportunities.sectors.Allocation;
import com.marketopportunities.sectors.BucketGap;
import com.marketopportunities.sectors.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The money each top gap gets (SCANNER.md 4, EXPOSURE.md 4): {@code gap% x equity value}, capped
 * so that the buy does not lift its bucket above the bucket cap of the equity value (or above its
 * own range's maximum, where that is higher). The candidates of one gap are
 * alternatives for the same money, so the money needed is counted once per gap. Money in the
 * base currency.
 *
 * @param byGap    each top gap's money, in the gaps' order
 * @param warnings one per capped gap, naming the bucket, the capped amount and the cap
 */
public record CapitalPlan(Map<BucketGap, Double> byGap, List<String> warnings) {

    public CapitalPlan {
        byGap = Collections.unmodifiableMap(new LinkedHashMap<>(byGap));
        warnings = List.copyOf(warnings);
    }

    /**
     * @param allocations  each dimension's equity value per bucket
     * @param bucketCapPct no buy lifts its bucket above this share of the equity value, in percent (25)
     */
    public static CapitalPlan of(List<BucketGap> gaps, Map<Dimension, Allocation> allocations, double bucketCapPct) {
        Map<BucketGap, Double> byGap = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (BucketGap gap : gaps) {
            Allocation allocation = allocations.get(gap.bucket().dimension());
            double total = allocation.total();
            double wanted = gap.gapPct() / 100 * total;
            // a bucket whose own range reaches above the cap (North America, 50-67 %) is capped at its range
            double capPct = Math.max(bucketCapPct, gap.bucket().maxPct());
            double room = Math.max(0, capPct / 100 * total - allocation.value(gap.bucket().name()));
            if (wanted > room) {
                warnings.add(String.format(Locale.ROOT,
                        "%s: capital capped at %,.2f so the bucket stays within %.0f%% of the equity value",
                        gap.bucket().name(), room, capPct));
            }
            byGap.put(gap, Math.min(wanted, room));
        }
        return new CapitalPlan(byGap, warnings);
    }

    /** The gap's money, 0 for a gap that is not one of the plan's. */
    public double amount(BucketGap gap) {
        return byGap.getOrDefault(gap, 0.0);
    }

    /** This plan without the money of these gaps (they buy nothing); the warnings stay. */
    public CapitalPlan without(Collection<BucketGap> gaps) {
        Map<BucketGap, Double> kept = new LinkedHashMap<>(byGap);
        kept.keySet().removeAll(gaps);
        return new CapitalPlan(kept, warnings);
    }

    /** The money all the gaps need together. */
    public double total() {
        return byGap.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
