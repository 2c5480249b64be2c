package com.marketopportunities.benchmark.harness;

import java.util.List;
import java.util.Locale;

/**
 * One measured figure beside its target and the replaced system's figure.
 *
 * @param id        a stable key for the JSON report and BENCHMARKS.md
 * @param name      what was measured, for a person
 * @param value     the measured value (a median where {@code samples} has more than one value)
 * @param unit      "ms", "s", "calls", "commands", "%", "ratio", "scans/s", "count" or "yes/no"
 * @param target    the target in words, or "" when it sets none
 * @param met       whether the target is met; {@code null} without a target
 * @param reference the replaced system's figure, or ""
 * @param samples   every measurement the value was taken from
 * @param note      how it was measured or why it looks as it does, or ""
 */
record Figure(String id, String name, double value, String unit, String target, Boolean met, String reference,
              List<Double> samples, String note) {

    Figure {
        samples = List.copyOf(samples);
    }

    static Figure info(String id, String name, double value, String unit, String note) {
        return new Figure(id, name, value, unit, "", null, "", List.of(value), note);
    }

    Figure withSamples(List<Double> values) {
        return new Figure(id, name, value, unit, target, met, reference, values, note);
    }

    Figure withReference(String referenceFigure) {
        return new Figure(id, name, value, unit, target, met, referenceFigure, samples, note);
    }

    Figure withNote(String text) {
        return new Figure(id, name, value, unit, target, met, reference, samples, text);
    }

    /** The target and whether it is met; {@code isMet} null: the target is shown but not judged by this run. */
    Figure withTarget(String targetText, Boolean isMet) {
        return new Figure(id, name, value, unit, targetText, isMet, reference, samples, note);
    }

    /** The value with its unit, as the table shows it. */
    String measured() {
        if (unit.equals("yes/no")) {
            return value != 0 ? "yes" : "no";
        }
        String number = switch (unit) {
            case "ratio" -> String.format(Locale.ROOT, "%.4f", value);
            case "ms" -> value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
            case "%", "scans/s" -> String.format(Locale.ROOT, "%.1f", value);
            default -> value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        };
        String suffix = switch (unit) {
            case "ratio", "count" -> "";
            case "%" -> " %";
            default -> " " + unit;
        };
        return number + suffix + (samples.size() > 1 ? " (median of " + samples.size() + ")" : "");
    }

    String verdict() {
        return met == null ? "-" : met ? "met" : "NOT MET";
    }
}
