package com.marketopportunities.benchmark.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measurements of one figure, for its median and percentiles (nearest rank). Not thread-safe. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    static Samples of(List<Double> values) {
        Samples samples = new Samples();
        values.forEach(samples::add);
        return samples;
    }

    void add(double value) {
        values.add(value);
    }

    int count() {
        return values.size();
    }

    double median() {
        return percentile(50);
    }

    double max() {
        return percentile(100);
    }

    /** The nearest-rank percentile {@code p} (0..100); NaN without values. */
    double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The values in the order they were measured. */
    List<Double> values() {
        return List.copyOf(values);
    }
}
