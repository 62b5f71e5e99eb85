package org.fairreg.objective;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-group counts {@code n_k} and sums of squared residuals {@code S_k} of a set of examples,
 * accumulated in {@code double}.
 *
 * <p>Not thread-safe; one instance serves a whole run and is {@link #clear() cleared} before each
 * batch. Serializable so that a distributed pass can ship the statistics of its part of the data
 * to be {@link #addAll added}.
 */
public final class GroupStatistics implements GroupErrors, Serializable {

    private static final long serialVersionUID = 1L;

    private final long[] counts;
    private final double[] sumSquares;

    /**
     * @param groupCount the number of groups, at least 1
     * @throws IllegalArgumentException if {@code groupCount < 1}
     */
    public GroupStatistics(int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be at least 1, found " + groupCount);
        }
        this.counts = new long[groupCount];
        this.sumSquares = new double[groupCount];
    }

    /** Resets every count and sum to zero. */
    public void clear() {
        Arrays.fill(counts, 0L);
        Arrays.fill(sumSquares, 0.0);
    }

    /**
     * Adds the examples of a batch.
     *
     * @param predictions {@code f_b}, at least {@code count} values
     * @param targets {@code y_b}, at least {@code count} values
     * @param groups group code of each example, each in {@code [0, groupCount())}
     * @param count how many examples to add
     */
    public void accumulate(float[] predictions, float[] targets, int[] groups, int count) {
        for (int b = 0; b < count; b++) {
            double residual = (double) predictions[b] - targets[b];
            int k = groups[b];
            counts[k]++;
            sumSquares[k] += residual * residual;
        }
    }

    /**
     * Adds the examples of a batch and keeps each residual, so that the gradient can be formed
     * from them ({@link PredictionGradient#fromResiduals}) without a second pass over predictions
     * and targets.
     *
     * @param predictions {@code f_b}, at least {@code count} values
     * @param targets {@code y_b}, at least {@code count} values
     * @param groups group code of each example, each in {@code [0, groupCount())}
     * @param count how many examples to add
     * @param residuals receives {@code r_b = f_b - y_b} at index {@code b}; overwritten there
     */
    public void accumulate(float[] predictions, float[] targets, int[] groups, int count, double[] residuals) {
        for (int b = 0; b < count; b++) {
            double residual = (double) predictions[b] - targets[b];
            residuals[b] = residual;
            int k = groups[b];
            counts[k]++;
            sumSquares[k] += residual * residual;
        }
    }

    /**
     * Adds one example.
     *
     * @param group its group code
     * @param residual its residual {@code prediction - target}
     */
    public void add(int group, double residual) {
        counts[group]++;
        sumSquares[group] += residual * residual;
    }

    /**
     * Sets one group's figures, as a checkpoint saved them.
     *
     * @param k the group
     * @param count its number of examples, at least 0
     * @param sum its sum of squared residuals, finite and at least 0
     * @throws IllegalArgumentException if a figure is out of range
     */
    public void set(int k, long count, double sum) {
        if (count < 0 || !(sum >= 0.0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("group " + k + " needs a count and a sum of squares at least 0, found "
                    + count + " and " + sum);
        }
        counts[k] = count;
        sumSquares[k] = sum;
    }

    /**
     * Adds the statistics of another, disjoint set of examples.
     *
     * @param other statistics over the same groups
     * @throws IllegalArgumentException if the group counts differ
     */
    public void addAll(GroupStatistics other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("other must have " + counts.length + " groups, found "
                    + other.counts.length);
        }
        for (int k = 0; k < counts.length; k++) {
            counts[k] += other.counts[k];
            sumSquares[k] += other.sumSquares[k];
        }
    }

    @Override
    public int groupCount() {
        return counts.length;
    }

    /**
     * @param k a group code
     * @return {@code n_k}
     */
    public long count(int k) {
        return counts[k];
    }

    /**
     * @param k a group code
     * @return {@code S_k}
     */
    public double sumSquares(int k) {
        return sumSquares[k];
    }

    @Override
    public boolean isPresent(int k) {
        return counts[k] > 0;
    }

    @Override
    public double meanSquaredError(int k) {
        return counts[k] == 0 ? 0.0 : sumSquares[k] / counts[k];
    }

    /** @return {@code n}, the number of examples of every group */
    public long totalCount() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    @Override
    public double overallMeanSquaredError() {
        double total = 0.0;
        for (double sum : sumSquares) {
            total += sum;
        }
        long n = totalCount();
        return n == 0 ? 0.0 : total / n;
    }
}
