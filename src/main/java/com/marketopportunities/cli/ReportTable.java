package com.marketopportunities.cli;

import com.marketopportunities.portfolio.PrintableText;
import com.marketopportunities.scan.ScanReport;
import com.marketopportunities.scan.ScoreSource;
import com.marketopportunities.scoring.Horizon;
import com.marketopportunities.scoring.Reading;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scan report as text that reads well in an 80-column terminal. Every text is printed
 * {@linkplain PrintableText printable}: names and notes come from files and providers, and an
 * escape sequence in them must not reach the terminal (the readers strip them already; this is
 * the last guard).
 */
final class ReportTable {

    static final int WIDTH = 80;

    /** Under a table with a partial score: what its {@code p} says. */
    static final String PARTIAL_LEGEND = "  p partial: value pillar missing (fundamentals could not be fetched)";

    private final PrintWriter out;

    ReportTable(PrintWriter out) {
        this.out = out;
    }

    void print(ScanReport report, String source, String dataSource) {
        Horizon horizon = Horizon.parse(report.horizon());
        ScanReport.Summary summary = report.summary();
        line("MARKET OPPORTUNITIES  %s horizon (%s), as of %s", report.horizon(), horizon.description(),
                report.asOf());
        wrapped("", String.format(Locale.ROOT, "%s: %d positions, %s %s; data: %s", source, summary.positions(),
                money(summary.totalValue()), report.baseCurrency(), dataSource));
        unconverted(report);
        exposure(report);
        holdings(report);
        gaps(report);
        opportunities(report);
        trims(report);
        impact(report);
        plan(report);
        if (!report.unscored().isEmpty()) {
            section("UNSCORED (no score is made up for these)");
            report.unscored().forEach(item -> wrapped("  " + item.symbol() + ": ", item.reason()));
        }
        if (!report.warnings().isEmpty()) {
            section("WARNINGS");
            report.warnings().forEach(warning -> wrapped("  ! ", warning));
        }
        out.println();
        line("%d gaps, %d opportunities, %d trims; scanned in %d ms with %d data requests.", summary.totalGaps(),
                summary.totalOpportunities(), summary.totalSales(), report.stats().durationMs(),
                report.stats().upstreamCalls());
    }

    /** Positions left out of every figure: said before anything else, for every figure below lacks them. */
    private void unconverted(ScanReport report) {
        if (report.unconverted() == null || report.unconverted().isEmpty()) {
            return;
        }
        section("NOT CONVERTED to " + report.baseCurrency() + "  (left out of every figure below)");
        report.unconverted().forEach(item -> wrapped("  " + item.symbol() + " (" + item.currency() + "): ",
                item.reason()));
    }

    /**
     * The asset-class line, then sectors and regions side by side: now, target, and after the
     * suggested trims and purchases, in percent of the equity value.
     */
    private void exposure(ScanReport report) {
        ScanReport.ExposureView exposure = report.exposure();
        if (exposure == null) {
            return;
        }
        section(String.format(Locale.ROOT, "EXPOSURE  (%% of the equity, %s %s; After: with the suggestions)",
                money(exposure.equityValue()), report.baseCurrency()));
        wrapped("  Asset classes: ", String.join(", ", exposure.assetClasses().stream()
                .map(row -> String.format(Locale.ROOT, "%s %.1f%%", row.bucket(), row.pct())).toList()));
        line("  %-20s %5s %5s %5s | %-16s %5s %5s %5s", "Sector", "Now", "Tgt", "After", "Region", "Now", "Tgt",
                "After");
        int rows = Math.max(exposure.sectors().size(), exposure.regions().size());
        for (int i = 0; i < rows; i++) {
            line("  %s | %s", side(exposure.sectors(), i, 20, report.impact()),
                    side(exposure.regions(), i, 16, report.impact()));
        }
    }

    /** One dimension's row: bucket, now, target, after; blank past its last row. */
    private static String side(List<ScanReport.ExposureRow> rows, int i, int width, ScanReport.ImpactView impact) {
        if (i >= rows.size()) {
            return " ".repeat(width + 18);
        }
        ScanReport.ExposureRow row = rows.get(i);
        Double after = impact == null ? null : impact.after().get(row.bucket());
        return String.format(Locale.ROOT, "%-" + width + "s %5.1f %5s %5s", cut(row.bucket(), width), row.pct(),
                row.targetPct() == null ? "" : String.format(Locale.ROOT, "%.1f", row.targetPct()),
                after == null ? "" : String.format(Locale.ROOT, "%.1f", after));
    }

    /** Each holding with its value, its main sector and region, and where they came from. */
    private void holdings(ScanReport report) {
        if (report.holdings() == null || report.holdings().isEmpty()) {
            return;
        }
        section("HOLDINGS  (value in " + report.baseCurrency() + "; from = where sector / region came from)");
        line("  %-9s %12s %-20s %-16s %-16s", "Symbol", "Value", "Sector", "Region", "From");
        for (ScanReport.HoldingView holding : report.holdings()) {
            line("  %-9s %12s %-20s %-16s %-16s", cut(holding.symbol(), 9), money(holding.value()),
                    cut(main(holding.sectors(), holding.assetClasses()), 20),
                    cut(main(holding.regions(), holding.assetClasses()), 16),
                    cut(source(holding.sectorSource()) + " / " + source(holding.regionSource()), 16));
        }
    }

    /** The largest weight, with "+n" when the holding is spread over more; the asset class without equity. */
    private static String main(Map<String, Double> weights, Map<String, Double> assetClasses) {
        if (weights == null || weights.isEmpty()) {
            return assetClasses == null || assetClasses.isEmpty() ? "-" : assetClasses.keySet().iterator().next();
        }
        Map.Entry<String, Double> largest = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return weights.size() == 1 ? largest.getKey() : String.format(Locale.ROOT, "%s %.0f%% +%d", largest.getKey(),
                largest.getValue() * 100, weights.size() - 1);
    }

    private static String source(String source) {
        if (source == null) {
            return "-";
        }
        return switch (source) {
            case "provider_fund" -> "fund";
            case "known_fund" -> "table";
            case "fund_category" -> "category";
            case "unclassified" -> "none";
            default -> source;
        };
    }

    private void gaps(ScanReport report) {
        section("GAPS  (* = top gaps, which drive the suggestions below)");
        if (report.gaps().isEmpty()) {
            out.println("  No bucket is below its target by the minimum gap. Nothing to fill.");
            return;
        }
        line("  %-17s %-6s %5s %6s %5s %-5s %5s  %-10s %10s", "Bucket", "Dim", "Now%", "Target", "Gap", "ETF", "Score",
                "Reading", "Capital");
        for (ScanReport.Gap gap : report.gaps()) {
            line("%s %-17s %-6s %5.1f %6.1f %5.1f %-5s %5s  %-10s %10s", gap.top() ? "*" : " ", cut(gap.sector(), 17),
                    gap.dimension(), gap.currentPct(), gap.targetPct(), gap.gapPct(), gap.etf(),
                    score(gap.score()) + (gap.partial() ? "p" : ""),
                    words(gap.reading()), gap.top() ? money(gap.capitalNeeded()) : "");
            if (gap.noCandidateWorthBuying()) {
                line("    %s", nothingWorthBuying(gap.bestCandidate()));
            }
        }
        if (report.gaps().stream().anyMatch(ScanReport.Gap::partial)) {
            out.println(PARTIAL_LEGEND);
        }
    }

    /** "nothing worth buying: best XLE 41.7 (avoid)": a top gap that buys nothing, and why. */
    private static String nothingWorthBuying(ScanReport.BestCandidate best) {
        return best == null ? "nothing worth buying: no candidate could be scored"
                : String.format(Locale.ROOT, "nothing worth buying: best %s %.1f (%s)", best.symbol(), best.score(),
                        best.reading().words());
    }

    private void opportunities(ScanReport report) {
        if (report.opportunities().isEmpty()) {
            return;
        }
        section("OPPORTUNITIES  (per gap: alternatives for the same capital)");
        line("  %-9s %-12s %-9s %6s %-10s %11s %4s %5s %4s", "Symbol", "Name", "Sector", "Score", "Action",
                "Mom/Val/Div", "Conf", "Corr", "Held");
        for (ScanReport.Opportunity row : report.opportunities()) {
            ScanReport.ShownScore shown = row.shown();
            String pillars = shown.momentumScore() == null ? "-" : String.format(Locale.ROOT, "%.0f/%s/%.0f",
                    shown.momentumScore(), shown.valueScore() == null ? "-"
                            : String.format(Locale.ROOT, "%.0f", shown.valueScore()), shown.diversificationScore());
            String scoreText = score(shown.score()) + (shown.scoreSource() == ScoreSource.SECTOR ? "~" : "")
                    + (shown.partial() ? "p" : "");
            line("  %-9s %-12s %-9s %6s %-10s %11s %4s %5s %4s", cut(row.symbol(), 9), cut(row.name(), 12),
                    cut(row.sector(), 9), scoreText, words(row.action()), pillars,
                    shown.confidence() == null ? "-" : String.format(Locale.ROOT, "%.2f", shown.confidence()),
                    row.correlationToPortfolio() == null ? "-"
                            : String.format(Locale.ROOT, "%.2f", row.correlationToPortfolio()),
                    row.held() ? "yes" : "");
        }
        if (report.opportunities().stream().anyMatch(row -> row.shown().scoreSource() == ScoreSource.SECTOR)) {
            out.println("  ~ not scored itself: shown with its sector ETF's score and reading");
        }
        if (report.opportunities().stream().anyMatch(row -> row.shown().partial())) {
            out.println(PARTIAL_LEGEND);
        }
    }

    private void trims(ScanReport report) {
        ScanReport.Summary summary = report.summary();
        section(String.format(Locale.ROOT, "SUGGESTED TRIMS  (to free %s: %s %s)", money(summary.capitalNeeded()),
                summary.sufficientCapital() ? "covered," : "short,", money(summary.capitalFreed()) + " freed"));
        if (report.suggestedSales().isEmpty()) {
            out.println("  None.");
        } else {
            line("  %-9s %-22s %12s %6s %12s %6s", "Symbol", "Name", "Value", "Sell%", "Sell", "Score");
            for (ScanReport.Sale sale : report.suggestedSales()) {
                line("  %-9s %-22s %12s %6.1f %12s %6.1f", cut(sale.symbol(), 9), cut(sale.name(), 22),
                        money(sale.currentValue()), sale.salePct(), money(sale.saleValue()), sale.saleScore());
                wrapped("            ", sale.rationale() + (sale.stopLossSafe() ? "" : " [not stop-loss safe]"));
            }
        }
        if (!report.excludedPositions().isEmpty()) {
            out.println("  Kept out of the trims:");
            report.excludedPositions().forEach(item -> wrapped("  - " + item.symbol() + ": ", item.guard()));
        }
    }

    private void impact(ScanReport report) {
        ScanReport.ImpactView impact = report.impact();
        section("IMPACT  (trims applied, each gap's capital in its best candidate worth buying)");
        List<String> drifts = new ArrayList<>();
        impact.remainingDrift().forEach((bucket, drift) -> {
            if (drift != null && Math.abs(drift) >= 0.05) {
                drifts.add(String.format(Locale.ROOT, "%s %+.1f", bucket, drift));
            }
        });
        wrapped("  Outside its range after (points): ", drifts.isEmpty() ? "none" : String.join(", ", drifts));
        line("  Risk (annualized volatility): %s -> %s", pct(impact.riskBefore()), pct(impact.riskAfter()));
        line("  Freed %s, invested %s, new cash needed %s", money(impact.totalFreed()), money(impact.totalInvested()),
                money(Math.max(impact.netChange(), 0)));
    }

    /**
     * PLAN.md's buy plan: the purchases with what each fills and why, the drift before and after (and
     * the greedy split's), and both dimensions before and after, side by side.
     */
    private void plan(ScanReport report) {
        ScanReport.PlanView plan = report.plan();
        if (plan == null) {
            return;
        }
        String method = switch (plan.method()) {
            case "optimized" -> "optimised over both dimensions";
            case "greedy" -> "the greedy split (the optimiser did no better)";
            default -> "nothing to buy";
        };
        section(String.format(Locale.ROOT, "PLAN  %s %s to invest%s: %s", money(plan.cash()), report.baseCurrency(),
                plan.fromTrims() > 0 ? " (with " + money(plan.fromTrims()) + " from the trims)" : "", method));
        wrapped("  ", String.format(Locale.ROOT, "At most %d purchases of at least %s, scored at least %.0f.",
                plan.maxPositions(), money(plan.minTicket()), plan.minScore()));
        if (!plan.purchases().isEmpty()) {
            line("  %-10s %-24s %12s %6s", "Symbol", "Name", "Amount", "Score");
            for (ScanReport.PlannedPurchase purchase : plan.purchases()) {
                line("  %-10s %-24s %12s %6s", cut(purchase.symbol(), 10), cut(purchase.name(), 24),
                        money(purchase.amount()), score(purchase.score()));
                wrapped("    ", purchase.why());
            }
        }
        wrapped("  ", String.format(Locale.ROOT, "Drift outside the ranges (sum of squared points): %.2f -> %.2f"
                + " (greedy split: %.2f)", plan.driftBefore(), plan.driftAfter(), plan.greedyDriftAfter()));
        if (!plan.purchases().isEmpty()) {
            line("  %-24s %7s %7s %s", "Bucket", "Now %", "After %", "Range %");
            plan.before().forEach((bucket, before) -> {
                double after = plan.after().get(bucket);
                if (Math.abs(after - before) >= 0.005) {
                    List<Double> range = plan.ranges().get(bucket);
                    line("  %-24s %7.2f %7.2f %s", cut(bucket, 24), before, after,
                            String.format(Locale.ROOT, "%.0f-%.0f", range.get(0), range.get(1)));
                }
            });
        }
        plan.notes().forEach(note -> wrapped("  ", note));
    }

    private void section(String title) {
        out.println();
        out.println(PrintableText.of(title));
    }

    private void line(String format, Object... args) {
        Object[] printable = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            printable[i] = args[i] instanceof String text ? PrintableText.of(text) : args[i];
        }
        out.println(String.format(Locale.ROOT, format, printable));
    }

    /** Prints {@code text} after {@code prefix}, wrapped at the terminal width and indented. */
    private void wrapped(String prefix, String text) {
        prefix = PrintableText.of(prefix);
        text = PrintableText.of(text);
        String indent = " ".repeat(Math.min(prefix.length(), 12));
        StringBuilder current = new StringBuilder(prefix);
        List<String> lines = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (current.length() + word.length() + 1 > WIDTH && current.length() > indent.length()) {
                lines.add(current.toString().stripTrailing());
                current = new StringBuilder(indent);
            }
            current.append(word).append(' ');
        }
        lines.add(current.toString().stripTrailing());
        lines.forEach(out::println);
    }

    private static String cut(String raw, int width) {
        if (raw == null) {
            return "";
        }
        String text = PrintableText.of(raw);
        return text.length() <= width ? text : text.substring(0, width - 1) + ".";
    }

    private static String score(Double score) {
        return score == null ? "-" : String.format(Locale.ROOT, "%.1f", score);
    }

    /** A reading in words; "unscored" for a row that shows no score. */
    private static String words(Reading reading) {
        return reading == null ? "unscored" : reading.words();
    }

    private static String pct(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
