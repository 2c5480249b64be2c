package com.marketopportunities.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PLAN.md's buy plan: the purchases that bring both dimensions closest to their ranges for a given
 * amount, with at most {@code maxPositions} purchases, none under the ticket.
 * <ol>
 *   <li>solve the convex program over every candidate ({@link QuadraticProgram});</li>
 *   <li>keep the {@code maxPositions} largest purchases, drop those under the ticket, and solve again
 *       on that set with every purchase at least the ticket;</li>
 *   <li>round to the cent, the amounts adding up to the amount exactly;</li>
 *   <li>compare with the greedy split (the top gaps' best candidates in proportion to their gaps): if
 *       the plan drifts more, the greedy split is the answer, and the answer says so.</li>
 * </ol>
 * Stateless and thread-safe; knows nothing of HTTP, files or market data.
 */
public final class BuyPlanner {

    /**
     * Drift differences below this share of the drift are the solver's tolerance and the rounding to
     * cents, not a worse plan.
     */
    private static final double SAME_DRIFT = 1e-6;

    public Plan plan(PlanProblem problem) {
        Map<String, Double> start = Allocation.pcts(problem, Map.of());
        double driftAtStart = Allocation.drift(problem.buckets(), start);
        Map<String, Double> before = problem.now() == null ? start : problem.now();
        double driftBefore = Allocation.drift(problem.buckets(), before);
        Map<PlanCandidate, Double> greedy = greedy(problem);
        double greedyDrift = Allocation.drift(problem.buckets(), Allocation.pcts(problem, greedy));
        String nothing = nothingToBuy(problem, start);
        if (nothing != null) {
            return new Plan(cents(problem.amount()), Plan.Method.NONE, List.of(), driftBefore, driftAtStart, greedyDrift,
                    before, start, List.of(nothing));
        }
        Map<PlanCandidate, Double> optimized = optimized(problem);
        Map<String, Double> after = Allocation.pcts(problem, optimized);
        double drift = Allocation.drift(problem.buckets(), after);
        List<String> notes = new ArrayList<>();
        Plan.Method method = Plan.Method.OPTIMIZED;
        if (!greedy.isEmpty() && drift > greedyDrift * (1 + SAME_DRIFT) + SAME_DRIFT) {
            notes.add(String.format(Locale.ROOT, "The optimised purchases would leave a drift of %.2f, more than the"
                    + " greedy split's %.2f (each top gap's best candidate in proportion to its gap): the greedy split"
                    + " is the answer.", drift, greedyDrift));
            optimized = greedy;
            after = Allocation.pcts(problem, greedy);
            drift = greedyDrift;
            method = Plan.Method.GREEDY;
        }
        if (!Allocation.anyBelow(problem.buckets(), after)) {
            notes.add("After these purchases no bucket is below its range: the amount is more than the gaps need, and"
                    + " what they do not need is spread where it pushes the allocation least above the ranges.");
        } else if (drift > driftAtStart * (1 + SAME_DRIFT)) {
            notes.add(String.format(Locale.ROOT, "Spending the whole amount raises the drift from %.2f to %.2f: the"
                    + " candidates allowed add mostly to buckets already at or above their ranges. A lower minimum"
                    + " score (more candidates) or a smaller amount would drift less.", driftAtStart, drift));
        }
        return new Plan(cents(problem.amount()), method, purchases(problem, optimized, start), driftBefore, drift,
                greedyDrift, before, after, notes);
    }

    /** Why nothing can be bought, or {@code null} when something can. */
    private static String nothingToBuy(PlanProblem problem, Map<String, Double> before) {
        if (cents(problem.amount()) <= 0) {
            return "Nothing to invest: the amount is 0.";
        }
        if (!Allocation.anyBelow(problem.buckets(), before)) {
            return "No bucket is below its target range: nothing to buy, and the amount stays uninvested.";
        }
        if (problem.candidates().isEmpty()) {
            return "No candidate of the gaps is scored at least the minimum score: nothing to buy, and the amount"
                    + " stays uninvested.";
        }
        return null;
    }

    /**
     * Steps 1-3: solve over every candidate; then, while there are more purchases than allowed or one
     * under the ticket, leave out the smallest and solve again on the rest (those the program gave
     * nothing first, all at once), until every purchase left is within the limits; round. (Solving
     * once more with the ticket as a floor, as PLAN.md sketches, is not needed then; and ojAlgo's
     * active-set solver was seen to return a worse point with such floors.)
     */
    private static Map<PlanCandidate, Double> optimized(PlanProblem problem) {
        double ticket = ticket(problem);
        List<PlanCandidate> kept = new ArrayList<>(bestOfAlike(problem.candidates()));
        double[] shares = QuadraticProgram.shares(problem, kept, 0);
        while (true) {
            List<Integer> bought = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                if (shares[i] * problem.amount() >= 0.005) {
                    bought.add(i);
                }
            }
            if (bought.isEmpty()) {
                bought.add(largest(shares));
            }
            double[] current = shares;
            int smallest = bought.stream().min(Comparator.comparingDouble(i -> current[i])).orElseThrow();
            boolean within = bought.size() <= problem.maxPositions()
                    && shares[smallest] * problem.amount() >= ticket - 0.005;
            boolean done = within && bought.size() == kept.size() || bought.size() == 1;
            if (!done && !within) {
                bought.remove(Integer.valueOf(smallest));
            }
            List<PlanCandidate> previous = kept;
            kept = bought.stream().map(previous::get).collect(Collectors.toCollection(ArrayList::new));
            if (done) {
                shares = bought.size() == 1 ? new double[] {1} : bought.stream().mapToDouble(i -> current[i]).toArray();
                break;
            }
            shares = QuadraticProgram.shares(problem, kept, 0);
        }
        // every purchase left is at least the ticket (or the only one, the whole amount): no floor to impose
        Map<PlanCandidate, Double> amounts = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            amounts.put(kept.get(i), shares[i] * problem.amount());
        }
        return roundedToCents(amounts, problem.amount(), ticket);
    }

    private static int largest(double[] shares) {
        int best = 0;
        for (int i = 1; i < shares.length; i++) {
            if (shares[i] > shares[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Of candidates that move the buckets alike (the same weights: US financials, say), the best-scored
     * only: the score tie-break would never put money in the others, and the program is smaller.
     */
    private static List<PlanCandidate> bestOfAlike(List<PlanCandidate> candidates) {
        Map<Map<String, Double>, PlanCandidate> best = new LinkedHashMap<>();
        for (PlanCandidate candidate : candidates) {
            best.merge(candidate.weights(), candidate, (kept, other) -> other.score() > kept.score() ? other : kept);
        }
        return List.copyOf(best.values());
    }

    /**
     * The greedy split, as a valid plan: the greedy shares of the candidates there are, within the
     * position and ticket limits, scaled to the amount and rounded; empty when it buys nothing.
     */
    private static Map<PlanCandidate, Double> greedy(PlanProblem problem) {
        Map<PlanCandidate, Double> shares = new LinkedHashMap<>();
        for (PlanCandidate candidate : problem.candidates()) {
            Double share = problem.greedyShares().get(candidate.symbol());
            if (share != null && share > 0) {
                shares.put(candidate, share);
            }
        }
        double ticket = ticket(problem);
        while (!shares.isEmpty()) {
            double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
            PlanCandidate smallest = shares.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            if (shares.size() <= problem.maxPositions() && shares.get(smallest) / sum * problem.amount() >= ticket) {
                Map<PlanCandidate, Double> amounts = new LinkedHashMap<>();
                shares.forEach((candidate, share) -> amounts.put(candidate, share / sum * problem.amount()));
                return roundedToCents(amounts, problem.amount(), ticket);
            }
            shares.remove(smallest);
        }
        return Map.of();
    }

    /** The ticket in cents, rounded up, and never more than the amount. */
    private static double ticket(PlanProblem problem) {
        return Math.min(BigDecimal.valueOf(problem.minTicket()).setScale(2, RoundingMode.CEILING).doubleValue(),
                cents(problem.amount()));
    }

    /**
     * The amounts rounded to the cent so that they add up to the amount exactly (largest remainders
     * get the cents left), none under the ticket.
     */
    static Map<PlanCandidate, Double> roundedToCents(Map<PlanCandidate, Double> amounts, double amount, double ticket) {
        long target = Math.round(amount * 100);
        long ticketCents = Math.round(ticket * 100);
        List<PlanCandidate> keys = new ArrayList<>(amounts.keySet());
        long[] rounded = new long[keys.size()];
        double[] remainders = new double[keys.size()];
        long sum = 0;
        for (int i = 0; i < keys.size(); i++) {
            double exact = amounts.get(keys.get(i)) * 100;
            rounded[i] = Math.max((long) Math.floor(exact), ticketCents);
            remainders[i] = exact - Math.floor(exact);
            sum += rounded[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]));
        for (int k = 0; sum < target; k = (k + 1) % order.size()) {
            rounded[order.get(k)]++;
            sum++;
        }
        order.sort(Comparator.comparingLong((Integer i) -> -rounded[i]));
        for (int k = 0; sum > target; k = (k + 1) % order.size()) {
            int i = order.get(k);
            if (rounded[i] > ticketCents) {
                rounded[i]--;
                sum--;
            }
        }
        Map<PlanCandidate, Double> result = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            result.put(keys.get(i), rounded[i] / 100.0);
        }
        return result;
    }

    private static List<Plan.Purchase> purchases(PlanProblem problem, Map<PlanCandidate, Double> amounts,
                                                 Map<String, Double> before) {
        double total = problem.equityValue() + amounts.values().stream().mapToDouble(Double::doubleValue).sum();
        PurchaseReasons reasons = new PurchaseReasons(problem, before);
        List<Plan.Purchase> purchases = new ArrayList<>();
        amounts.entrySet().stream().sorted(Map.Entry.<PlanCandidate, Double>comparingByValue().reversed())
                .forEach(purchase -> {
                    Map<String, Double> fills = new LinkedHashMap<>();
                    for (PlanBucket bucket : problem.buckets()) {
                        double points = 100 * purchase.getValue() * purchase.getKey().weight(bucket.name()) / total;
                        if (points >= 0.005) {
                            fills.put(bucket.name(), Math.round(points * 100) / 100.0);
                        }
                    }
                    purchases.add(new Plan.Purchase(purchase.getKey(), purchase.getValue(), fills,
                            reasons.why(purchase.getKey(), fills)));
                });
        return purchases;
    }

    private static double cents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
