package org.fairreg.objective;

import java.util.Objects;

/**
 * Accuracy with a fairness penalty: {@code objective = sum_k S_k / n + lambda * D(e)}, the mean
 * squared error plus {@code lambda} times a {@link GapMeasure} of the groups' mean squared
 * errors. Adding a group-disparity term to the regression loss follows Berk et al., "A Convex
 * Framework for Fair Regression" (FAT/ML 2017); the disparity here is a spread of group errors
 * (accuracy parity) rather than their paper's pairwise prediction terms.
 *
 * <p>With the default {@link GapMeasure#RANGE} the penalty has the unit of the loss, so
 * {@code lambda} is a pure number: with the target standardized, {@code lambda = 1} weighs one
 * unit of group-error spread like one unit of overall error, whatever the unit of the target.
 * The squared measures have the loss's unit squared; their {@code lambda} is scale-free only on
 * a standardized target.
 *
 * <p>Unlike the recipe, only groups present in the batch enter the measure: an absent group says
 * nothing about its error, and counting it as {@code e_k = 0} would reward raising the others'.
 *
 * <p>Weights: {@code w_k = 1 / n + lambda * (dD / de_k) / n_k} for each group present in the
 * batch, the slope read from the batch (exact) or from running estimates.
 */
public final class Penalized implements Objective {

    private final double lambda;
    private final GapMeasure measure;

    /**
     * @param lambda weight of the penalty, finite and at least 0
     * @param measure how the spread of group errors is measured
     * @throws IllegalArgumentException if {@code lambda} is negative or not finite
     */
    public Penalized(double lambda, GapMeasure measure) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and at least 0, found " + lambda);
        }
        this.lambda = lambda;
        this.measure = Objects.requireNonNull(measure, "measure");
    }

    /**
     * Penalizes the range of group errors.
     *
     * @param lambda weight of the penalty, finite and at least 0
     * @throws IllegalArgumentException if {@code lambda} is negative or not finite
     */
    public Penalized(double lambda) {
        this(lambda, GapMeasure.RANGE);
    }

    /** @return the weight of the penalty */
    public double lambda() {
        return lambda;
    }

    @Override
    public double value(GroupStatistics statistics) {
        return statistics.overallMeanSquaredError() + lambda * measure.value(statistics);
    }

    @Override
    public void sumSquaresWeights(GroupStatistics statistics, GroupErrors factors, double[] weights) {
        int groupCount = statistics.groupCount();
        measure.slopes(factors, weights);
        long n = statistics.totalCount();
        double base = n == 0 ? 0.0 : 1.0 / n;
        for (int k = 0; k < groupCount; k++) {
            weights[k] = statistics.isPresent(k) ? base + lambda * weights[k] / statistics.count(k) : 0.0;
        }
    }

    @Override
    public void checkGroupCount(int groupCount) {
        if (groupCount < 2) {
            throw new IllegalArgumentException("objective penalized needs at least 2 groups, the data has "
                    + groupCount);
        }
    }

    @Override
    public String describe() {
        return "penalized lambda=" + lambda + " measure=" + measure.id();
    }
}
