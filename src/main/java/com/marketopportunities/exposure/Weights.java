package com.marketopportunities.exposure;

import com.marketopportunities.sectors.Taxonomy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A holding's equity spread over the buckets of one dimension: fractions that add up to 1, the
 * part no rule could place under {@link Taxonomy#UNCLASSIFIED} (never spread over the others).
 * Empty for a holding without equity (a bond fund, gold, cash).
 */
public record Weights(Map<String, Double> byBucket) {

    /** Sums within this distance of 1 are the provider's rounding (QQQ's sectors add up to 0.9937). */
    static final double ROUNDING = 0.01;

    public Weights {
        byBucket = Collections.unmodifiableMap(new LinkedHashMap<>(byBucket));
    }

    /** No equity, so no weight in any bucket. */
    public static Weights none() {
        return new Weights(Map.of());
    }

    /** All of it in one bucket. */
    public static Weights all(String bucket) {
        return new Weights(Map.of(bucket, 1.0));
    }

    public static Weights unclassified() {
        return all(Taxonomy.UNCLASSIFIED);
    }

    /** The fraction in {@code bucket}, 0 when none. */
    public double of(String bucket) {
        return byBucket.getOrDefault(bucket, 0.0);
    }

    /** The largest bucket, Unclassified included; empty when there is no equity. */
    public Optional<String> largest() {
        return byBucket.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /**
     * Weights from a provider's or a table's figures, each name mapped to a bucket: a name that
     * maps to none, and whatever the figures leave short of 1, is Unclassified; figures adding
     * up to more than 1 are scaled down to 1, and a sum off 1 by more than rounding is told in
     * {@link Mapped#problem()}. Negative and zero figures are left out.
     *
     * @param bucketOf the bucket a name means, or empty
     */
    public static Mapped mapped(Map<String, Double> figures, Function<String, Optional<String>> bucketOf) {
        Map<String, Double> weights = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> figure : figures.entrySet()) {
            Double value = figure.getValue();
            if (value == null || !(value > 0) || Double.isInfinite(value)) {
                continue;
            }
            sum += value;
            weights.merge(bucketOf.apply(figure.getKey()).orElse(Taxonomy.UNCLASSIFIED), value, Double::sum);
        }
        if (sum <= 0) {
            return new Mapped(unclassified(), "no positive weight");
        }
        String problem = null;
        if (Math.abs(sum - 1) <= ROUNDING) {
            double scale = sum;
            weights.replaceAll((bucket, weight) -> weight / scale);
        } else if (sum > 1) {
            problem = String.format(Locale.ROOT, "weights add up to %.4f: scaled down to 1", sum);
            double scale = sum;
            weights.replaceAll((bucket, weight) -> weight / scale);
        } else {
            problem = String.format(Locale.ROOT, "weights add up to %.4f: the missing %.4f is Unclassified", sum,
                    1 - sum);
            weights.merge(Taxonomy.UNCLASSIFIED, 1 - sum, Double::sum);
        }
        return new Mapped(new Weights(weights), problem);
    }

    /**
     * Weights made from figures, and what was wrong with the figures ({@code null} when nothing).
     */
    public record Mapped(Weights weights, String problem) {
    }
}
