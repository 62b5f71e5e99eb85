package org.fairreg.metrics;

/**
 * Error figures of one group, or of all examples.
 *
 * @param group the group label, or {@code "overall"}
 * @param n the number of examples
 * @param mse mean squared error
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param bias mean residual {@code prediction - target}; positive when predictions are too high
 * @param r2 coefficient of determination {@code 1 - SS_res / SS_tot} within the examples, NaN
 *        when their targets have no spread (a single example, say)
 */
public record GroupMetrics(String group, long n, double mse, double rmse, double mae, double bias, double r2) {
}
