package com.marketopportunities.plan;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * PLAN.md's program, solved by ojAlgo's convex solver: the shares {@code x_i} of the amount put in
 * each candidate ({@code x_i >= lower}, {@code sum x_i = 1}) that minimise
 * {@code sum_b (under_b^2 + over_b^2) + lambda * sum_i x_i (100 - score_i) / 100}, where
 * {@code under_b} and {@code over_b} are the points by which bucket b's percent falls below or rises
 * above its range (kept non-negative by linear constraints, so that at the optimum they are the
 * distance of PLAN.md's {@code dist}).
 */
final class QuadraticProgram {

    private QuadraticProgram() {
    }

    /**
     * @param lower the smallest share of each candidate (the ticket over the amount; 0 for none)
     * @return each candidate's share of the amount, in the order given, adding up to 1
     * @throws IllegalStateException when the solver finds no feasible answer (the lower bounds exceed the amount)
     */
    static double[] shares(PlanProblem problem, List<PlanCandidate> candidates, double lower) {
        int n = candidates.size();
        double total = problem.equityValue() + problem.amount();
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] shares = new Variable[n];
        for (int i = 0; i < n; i++) {
            shares[i] = model.addVariable("x" + i).lower(lower).upper(1);
        }
        Expression budget = model.addExpression("budget").level(1);
        Expression objective = model.addExpression("objective").weight(1);
        for (int i = 0; i < n; i++) {
            budget.set(shares[i], 1);
            objective.set(shares[i], problem.lambda() * (100 - candidates.get(i).score()) / 100);
        }
        for (PlanBucket bucket : problem.buckets()) {
            double now = 100 * problem.bucketValues().getOrDefault(bucket.name(), 0.0) / total;
            double[] points = new double[n];
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                points[i] = 100 * problem.amount() * candidates.get(i).weight(bucket.name()) / total;
                moved |= points[i] != 0;
            }
            if (!moved) {
                continue; // a constant: nothing bought moves it
            }
            Variable under = model.addVariable("under " + bucket.name()).lower(0);
            Variable over = model.addVariable("over " + bucket.name()).lower(0);
            objective.set(under, under, 1);
            objective.set(over, over, 1);
            Expression floor = model.addExpression("min " + bucket.name()).lower(bucket.minPct() - now);
            Expression ceiling = model.addExpression("max " + bucket.name()).upper(bucket.maxPct() - now);
            for (int i = 0; i < n; i++) {
                floor.set(shares[i], points[i]);
                ceiling.set(shares[i], points[i]);
            }
            floor.set(under, 1);
            ceiling.set(over, -1);
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("the plan's program has no feasible answer (" + result.getState() + ")");
        }
        double[] values = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            values[i] = Math.max(lower, result.doubleValue(i));
            sum += values[i];
        }
        for (int i = 0; i < n; i++) {
            values[i] /= sum;
        }
        return values;
    }
}
