package com.marketopportunities.benchmark.harness;

import com.marketopportunities.json.JsonFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;

/** The figures and gates of one run, as a table for a person and as JSON for tools. */
final class HarnessReport {

    /** A titled group of figures. */
    record Section(String title, List<Figure> figures) {
    }

    /** The note every ratio carries; not repeated under the table. */
    static final String RATIO_NOTE = "medians of this run";

    private final HarnessOptions options;
    private final Instant startedAt = Instant.now();
    private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    private final List<Section> sections = new ArrayList<>();
    private final List<FigureTable> tables = new ArrayList<>();
    private final List<Gate> gates = new ArrayList<>();
    private final List<String> observations = new ArrayList<>();

    HarnessReport(HarnessOptions options) {
        this.options = options;
    }

    void section(String title, List<Figure> figures) {
        sections.add(new Section(title, List.copyOf(figures)));
    }

    /** Figures side by side, printed after the sections. */
    void table(FigureTable table) {
        tables.add(table);
    }

    void gate(String name, boolean passed, String detail) {
        gates.add(new Gate(name, passed, detail));
    }

    /** Something a person should know about this run that is no figure (e.g. a product anomaly). */
    void observe(String observation) {
        observations.add(observation);
    }

    boolean gatesPassed() {
        return gates.stream().allMatch(Gate::passed);
    }

    void print(PrintStream out, double seconds) {
        out.println();
        out.printf("Market Opportunities benchmark harness (%s), %s%n", options.scaleOut() ? "scale-out"
                : options.ciShort() ? "short form" : "full", environment());
        out.println("command: " + options.command());
        for (Section section : sections) {
            out.println();
            out.println("== " + section.title());
            int nameWidth = Math.max(6, section.figures().stream().mapToInt(f -> f.name().length()).max().orElse(6));
            int valueWidth = Math.max(8, section.figures().stream().mapToInt(f -> f.measured().length()).max().orElse(8));
            int targetWidth = Math.max(6, section.figures().stream().mapToInt(f -> f.target().length()).max().orElse(6));
            String row = "%-" + nameWidth + "s | %-" + valueWidth + "s | %-" + targetWidth + "s | %-7s | %s%n";
            out.printf(row, "figure", "measured", "target", "met", "replaced system");
            for (Figure figure : section.figures()) {
                out.printf(row, figure.name(), figure.measured(), figure.target().isEmpty() ? "-" : figure.target(),
                        figure.verdict(), figure.reference().isEmpty() ? "-" : figure.reference());
            }
            section.figures().stream().filter(figure -> !figure.note().isEmpty() && !figure.note().equals(RATIO_NOTE))
                    .forEach(figure -> out.println("  note, " + figure.name() + ": " + figure.note()));
        }
        for (FigureTable table : tables) {
            out.println();
            out.println("== " + table.title());
            out.print(table.markdown());
            table.notes().forEach(note -> out.println("  " + note));
        }
        out.println();
        out.println("== Regression gates (generous; ratios and counts of this run, never absolute times)");
        for (Gate gate : gates) {
            out.printf("%-4s %s: %s%n", gate.passed() ? "ok" : "FAIL", gate.name(), gate.detail());
        }
        if (!observations.isEmpty()) {
            out.println();
            out.println("== Observations");
            observations.forEach(observation -> out.println("- " + observation));
        }
        out.println();
        out.printf("harness took %.0f s; %s; JSON in %s%n", seconds,
                gatesPassed() ? "all regression gates passed" : "REGRESSION: " + gates.stream().filter(g -> !g.passed())
                        .count() + " gate(s) failed", options.jsonReport());
    }

    void writeJson(double seconds) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", options.command());
        json.put("mode", options.scaleOut() ? "scale-out" : options.ciShort() ? "short" : "full");
        json.put("started_at", startedAt.toString());
        json.put("seconds", Math.round(seconds));
        json.put("environment", environment());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("latency_ms", options.latency().toMillis());
        settings.put("rate_429", options.tooManyRequests());
        settings.put("runs", options.runs());
        settings.put("warm_scans_per_run", options.warmScansPerRun());
        settings.put("clients", options.clients());
        settings.put("load_seconds", options.loadDuration().toSeconds());
        settings.put("portfolio", options.portfolio().toString());
        settings.put("data", options.dataDir().toString());
        settings.put("as_of", options.asOf().toString());
        json.put("settings", settings);
        json.put("sections", sections);
        json.put("tables", tables);
        json.put("gates", gates);
        json.put("gates_passed", gatesPassed());
        json.put("observations", observations);
        Path file = options.jsonReport();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JsonFormat.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
    }

    /** Cores, Java version and load average: what a reader needs to weigh the times on a shared machine. */
    private String environment() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(java.util.Locale.ROOT, "%d cores, Java %s, load average %.2f at the start, %.2f at the end",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAtStart,
                os.getSystemLoadAverage());
    }
}
