package com.marketopportunities.benchmark.harness;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The scores a scan answer carries, in a form two answers can be compared by: every gap's ETF
 * scores, every opportunity's scores, every suggested sale's score, and the symbols left unscored.
 * Two answers for the same portfolio, horizon and as-of date must agree exactly; one that does not
 * has lost (or changed) a score. Timing fields and {@code generated_at} are left out.
 *
 * @param lines one line per scored item, in the answer's order
 */
record ScoreFingerprint(List<String> lines) {

    ScoreFingerprint {
        lines = List.copyOf(lines);
    }

    static ScoreFingerprint of(JsonNode report) {
        List<String> lines = new ArrayList<>();
        for (JsonNode gap : report.path("gaps")) {
            lines.add("gap " + text(gap, "sector") + " " + text(gap, "etf") + " gap_pct=" + text(gap, "gap_pct")
                    + scores(gap) + " stale=" + text(gap, "stale"));
        }
        for (JsonNode opportunity : report.path("opportunities")) {
            lines.add("opportunity " + text(opportunity, "symbol") + scores(opportunity)
                    + " correlation=" + text(opportunity, "correlation_to_portfolio")
                    + " capital=" + text(opportunity, "capital_needed") + " stale=" + text(opportunity, "stale"));
        }
        for (JsonNode sale : report.path("suggested_sales")) {
            lines.add("sale " + text(sale, "symbol") + " sale_score=" + text(sale, "sale_score")
                    + " sale_value=" + text(sale, "sale_value"));
        }
        for (JsonNode unscored : report.path("unscored")) {
            lines.add("unscored " + text(unscored, "symbol"));
        }
        return new ScoreFingerprint(lines);
    }

    /** How many items carry a score (gaps and opportunities with a non-null score). */
    long scored() {
        return lines.stream().filter(line -> !line.startsWith("unscored") && !line.startsWith("sale")
                && !line.contains("score=null")).count();
    }

    /** The first line that differs from {@code other}, for a report, or "" when they agree. */
    String firstDifference(ScoreFingerprint other) {
        for (int i = 0; i < Math.max(lines.size(), other.lines.size()); i++) {
            String mine = i < lines.size() ? lines.get(i) : "(none)";
            String theirs = i < other.lines.size() ? other.lines.get(i) : "(none)";
            if (!mine.equals(theirs)) {
                return "expected '" + other.lines.get(Math.min(i, other.lines.size() - 1)) + "', got '" + mine + "'";
            }
        }
        return "";
    }

    private static String scores(JsonNode item) {
        return " score=" + text(item, "score") + " momentum=" + text(item, "momentum_score")
                + " value=" + text(item, "value_score") + " diversification=" + text(item, "diversification_score")
                + " confidence=" + text(item, "confidence");
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isMissingNode() || value.isNull() ? "null" : value.asString();
    }
}
