package com.marketopportunities.benchmark.harness;

/**
 * A regression check of the short form (CI): generous, and judged on ratios and counts measured in
 * the same run, never on absolute times, so that a slow or busy machine does not fail it.
 *
 * @param name   the rule, e.g. "warm/cold in the same instance <= 0.10"
 * @param passed whether the run kept it
 * @param detail what was measured
 */
record Gate(String name, boolean passed, String detail) {
}
