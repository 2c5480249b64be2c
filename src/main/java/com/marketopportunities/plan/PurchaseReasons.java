package com.marketopportunities.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a purchase: which buckets it moves and by how many points, and why it beat the other
 * candidates of the bucket it fills most (its score, its fit to both dimensions).
 */
final class PurchaseReasons {

    /** A candidate counts among a bucket's when at least this share of it goes there. */
    private static final double MAIN_SHARE = 0.5;

    private final PlanProblem problem;
    private final Map<String, Double> before;

    PurchaseReasons(PlanProblem problem, Map<String, Double> before) {
        this.problem = problem;
        this.before = before;
    }

    String why(PlanCandidate bought, Map<String, Double> fills) {
        String moves = fills.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(fill -> String.format(Locale.ROOT, "%s +%.2f pts", fill.getKey(), fill.getValue()))
                .collect(Collectors.joining(", "));
        Optional<PlanBucket> main = problem.buckets().stream().filter(this::isGap)
                .max(Comparator.comparingDouble(bucket -> bought.weight(bucket.name())));
        if (main.isEmpty() || bought.weight(main.get().name()) <= 0) {
            return "moves " + moves + "; bought for the drift of both dimensions together";
        }
        String bucket = main.get().name();
        List<String> gapsFilled = problem.buckets().stream().filter(this::isGap)
                .filter(gap -> bought.weight(gap.name()) >= MAIN_SHARE).map(PlanBucket::name).toList();
        Optional<PlanCandidate> bestScored = problem.candidates().stream()
                .filter(other -> other.weight(bucket) >= MAIN_SHARE)
                .max(Comparator.comparingDouble(PlanCandidate::score));
        String because;
        if (gapsFilled.size() >= 2) {
            because = String.format(Locale.ROOT, "it fills %d gaps at once (%s), scored %.1f", gapsFilled.size(),
                    String.join(" and ", gapsFilled), bought.score());
        } else if (bestScored.isEmpty() || bestScored.get().symbol().equals(bought.symbol())) {
            because = String.format(Locale.ROOT, "the best-scored of %s's candidates (%.1f)", bucket, bought.score());
        } else {
            PlanCandidate best = bestScored.get();
            because = String.format(Locale.ROOT, "scored %.1f against %s's %.1f, but it %s", bought.score(),
                    best.symbol(), best.score(), fitAgainst(bought, best));
        }
        return "moves " + moves + "; " + because;
    }

    /** How {@code bought} fits both dimensions better than the better-scored {@code best}. */
    private String fitAgainst(PlanCandidate bought, PlanCandidate best) {
        for (PlanBucket other : problem.buckets()) {
            if (isGap(other) && bought.weight(other.name()) > best.weight(other.name()) + 0.1) {
                return "also fills " + other.name();
            }
        }
        for (PlanBucket other : problem.buckets()) {
            if (isFull(other) && best.weight(other.name()) > bought.weight(other.name()) + 0.1) {
                return "adds less to " + other.name() + ", which is not below its range";
            }
        }
        return "brings both dimensions closer to their ranges together";
    }

    private boolean isGap(PlanBucket bucket) {
        return before.getOrDefault(bucket.name(), 0.0) < bucket.minPct();
    }

    private boolean isFull(PlanBucket bucket) {
        return before.getOrDefault(bucket.name(), 0.0) >= bucket.minPct();
    }
}
