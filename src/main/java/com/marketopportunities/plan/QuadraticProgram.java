package com.marketopportunities.plan;

import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * PLAN.md's program, solved by ojAlgo's convex (active-set) solver: the shares {@code x_i} of the
 * amount put in each candidate ({@code x_i >= lower}, {@code sum x_i = 1}) that minimise
 * {@code sum_b (under_b^2 + over_b^2) + lambda * sum_i x_i (100 - score_i) / 100}, where
 * {@code under_b} and {@code over_b} are the points by which bucket b's percent falls below or rises
 * above its range (kept non-negative by linear constraints, so that at the optimum they are the
 * distance of PLAN.md's {@code dist}). Only the buckets some candidate moves are variables: the
 * others are constants.
 *
 * <p>The problem goes to the solver as matrices (its builder), not through ojAlgo's modelling layer,
 * which costs a hundred times more for a program of this size.
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
        List<PlanBucket> moved = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (PlanBucket bucket : problem.buckets()) {
            double[] row = new double[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                row[i] = 100 * problem.amount() * candidates.get(i).weight(bucket.name()) / total;
                any |= row[i] != 0;
            }
            if (any) {
                moved.add(bucket);
                points.add(row);
            }
        }
        int m = moved.size();
        int variables = n + 2 * m;
        ConvexSolver.Builder program = ConvexSolver.newBuilder(variables);
        // minimise 1/2 v'Qv - c'v: Q is 2 on the slacks; c is minus the score tie-break on the shares
        double[] linear = new double[variables];
        for (int i = 0; i < n; i++) {
            linear[i] = -problem.lambda() * (100 - candidates.get(i).score()) / 100;
        }
        program.linear(linear);
        double[] budget = new double[variables];
        for (int i = 0; i < n; i++) {
            budget[i] = 1;
            program.inequality(-lower, unit(variables, i, -1));
        }
        program.equality(1, budget);
        for (int j = 0; j < m; j++) {
            int under = n + 2 * j;
            int over = under + 1;
            program.objective(under, under, 2).objective(over, over, 2);
            PlanBucket bucket = moved.get(j);
            double now = 100 * problem.bucketValues().getOrDefault(bucket.name(), 0.0) / total;
            double[] floor = new double[variables];
            double[] ceiling = new double[variables];
            for (int i = 0; i < n; i++) {
                floor[i] = -points.get(j)[i];
                ceiling[i] = points.get(j)[i];
            }
            floor[under] = -1;
            ceiling[over] = -1;
            // pct + under >= min, pct - over <= max, both slacks >= 0
            program.inequality(-(bucket.minPct() - now), floor);
            program.inequality(bucket.maxPct() - now, ceiling);
            program.inequality(0, unit(variables, under, -1));
            program.inequality(0, unit(variables, over, -1));
        }
        Optimisation.Result result = program.solve();
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

    private static double[] unit(int size, int index, double value) {
        double[] row = new double[size];
        row[index] = value;
        return row;
    }
}
