package org.fairreg.objective;

import java.util.Arrays;

/**
 * Accuracy with a fairness penalty: {@code objective = sum_k S_k / n + lambda * (max_k e_k -
 * min_k e_k)}, the mean squared error plus {@code lambda} times the range of the groups' mean
 * squared errors. Adding a group-disparity term to the regression loss follows Berk et al., "A
 * Convex Framework for Fair Regression" (FAT/ML 2017); the disparity here is the spread of group
 * errors (accuracy parity) rather than their paper's pairwise prediction terms.
 *
 * <p>The penalty has the unit of the loss, so {@code lambda} is a pure number: with the target
 * standardized, {@code lambda = 1} weighs one unit of group-error spread like one unit of overall
 * error, whatever the unit of the target. For two groups the penalty is {@code |e_0 - e_1|}, the
 * recipe's stated gap.
 *
 * <p>Unlike the recipe, only groups present in the batch enter the range: an absent group says
 * nothing about its error, and counting it as {@code e_k = 0} would reward raising the others'.
 * With fewer than two groups present the penalty is 0.
 *
 * <p>Weights: {@code w_k = 1 / n}, plus {@code lambda / n_max} for the group with the highest
 * {@code e_k} and minus {@code lambda / n_min} for the one with the lowest (the lowest code wins
 * a tie, a valid subgradient).
 */
public final class Penalized implements Objective {

    private final double lambda;

    /**
     * @param lambda weight of the penalty, finite and at least 0
     * @throws IllegalArgumentException if {@code lambda} is negative or not finite
     */
    public Penalized(double lambda) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and at least 0, found " + lambda);
        }
        this.lambda = lambda;
    }

    /** @return the weight of the penalty */
    public double lambda() {
        return lambda;
    }

    @Override
    public double value(GroupStatistics statistics) {
        return statistics.overallMeanSquaredError() + lambda * statistics.meanSquaredErrorRange();
    }

    @Override
    public void sumSquaresWeights(GroupStatistics statistics, double[] weights) {
        long n = statistics.totalCount();
        Arrays.fill(weights, 0, statistics.groupCount(), n == 0 ? 0.0 : 1.0 / n);
        int highest = statistics.indexOfExtreme(true);
        int lowest = statistics.indexOfExtreme(false);
        if (highest >= 0 && highest != lowest) {
            weights[highest] += lambda / statistics.count(highest);
            weights[lowest] -= lambda / statistics.count(lowest);
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
        return "penalized lambda=" + lambda;
    }
}
