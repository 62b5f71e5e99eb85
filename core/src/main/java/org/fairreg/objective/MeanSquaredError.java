package org.fairreg.objective;

import java.util.Arrays;

/**
 * The accuracy baseline: {@code objective = sum_k S_k / n}, the mean squared error of the batch,
 * blind to groups. {@code w_k = 1 / n} for every group.
 */
public final class MeanSquaredError implements Objective {

    @Override
    public double value(GroupStatistics statistics) {
        return statistics.overallMeanSquaredError();
    }

    @Override
    public void sumSquaresWeights(GroupStatistics statistics, GroupErrors factors, double[] weights) {
        long n = statistics.totalCount();
        Arrays.fill(weights, 0, statistics.groupCount(), n == 0 ? 0.0 : 1.0 / n);
    }

    @Override
    public void checkGroupCount(int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be at least 1, found " + groupCount);
        }
    }

    @Override
    public String describe() {
        return "mse";
    }
}
