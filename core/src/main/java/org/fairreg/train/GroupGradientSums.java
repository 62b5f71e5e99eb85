package org.fairreg.train;

import java.io.Serializable;
import java.util.Arrays;

import org.fairreg.model.Network;
import org.fairreg.model.Workspace;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.objective.Objective;

/**
 * For a set of examples and the current weights, each group's count {@code n_k}, sum of squared
 * residuals {@code S_k} and gradient {@code G_k = d S_k / d parameter}. Every objective here is a
 * function of the {@code (n_k, S_k)}, so its gradient is {@code sum_k w_k G_k} with
 * {@code w_k = d objective / d S_k} ({@link Objective#sumSquaresWeights}); and all three figures are
 * sums over examples, so sums over disjoint parts of the data {@link #addAll add} up to the sums
 * over the whole. That is what a data-parallel pass needs: each worker fills one for its
 * examples, the parts are added, and the driver forms the objective and its gradient once, from
 * all the data, exactly as a single machine would.
 *
 * <p>Examples come in blocks whose examples all belong to one group, so that each block takes one
 * backward pass whose gradient goes whole to its group's {@code G_k}. Counts are {@code long},
 * sums and gradients {@code double}; a block's gradient is computed in {@code float} by the
 * network's kernels, as in local training, and added in {@code double}.
 *
 * <p>Serializable so that a distributed engine can ship partial sums; the scratch buffers are not
 * part of the serialized form. Not thread-safe.
 */
public final class GroupGradientSums implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int groupCount;
    private final int parameterCount;
    private final long[] counts;
    private final double[] sumSquares;
    /** {@code G_k} at {@code [k * parameterCount, (k + 1) * parameterCount)}, the network's layout. */
    private final double[] gradients;
    private transient float[] predictionGradient;
    private transient float[] blockGradient;

    /**
     * Creates empty sums.
     *
     * @param groupCount the number of groups, at least 1
     * @param parameterCount the network's parameter count, at least 1
     * @throws IllegalArgumentException if a count is out of range or the gradients would not fit
     *         one array
     */
    public GroupGradientSums(int groupCount, int parameterCount) {
        if (groupCount < 1 || parameterCount < 1) {
            throw new IllegalArgumentException("groupCount and parameterCount must be at least 1, found "
                    + groupCount + " and " + parameterCount);
        }
        this.groupCount = groupCount;
        this.parameterCount = parameterCount;
        this.counts = new long[groupCount];
        this.sumSquares = new double[groupCount];
        this.gradients = new double[Math.multiplyExact(groupCount, parameterCount)];
    }

    /**
     * Adds a block of examples of one group: a forward pass, their squared residuals, and a
     * backward pass of {@code d S_k / d prediction_b = 2 r_b} into {@code G_k}.
     *
     * @param network the network at the current weights
     * @param workspace a workspace of {@code network} for at least {@code rowCount} rows; overwritten
     * @param rows the examples' standardized features, at least {@code rowCount} rows
     * @param targets their standardized targets, at least {@code rowCount} values
     * @param rowCount the number of examples, at least 1
     * @param group the group of every example of the block
     * @throws IllegalArgumentException if the group is out of range, or the network's parameter
     *         count or the shapes do not fit
     */
    public void addGroupBlock(Network network, Workspace workspace, float[][] rows, float[] targets, int rowCount,
            int group) {
        if (group < 0 || group >= groupCount) {
            throw new IllegalArgumentException("group must be in [0, " + groupCount + "), found " + group);
        }
        if (network.parameterCount() != parameterCount) {
            throw new IllegalArgumentException("network must have " + parameterCount + " parameters, found "
                    + network.parameterCount());
        }
        ensureScratch(workspace.maxBatchSize());

        float[] predictions = network.forward(rows, rowCount, workspace);
        double squares = 0.0;
        for (int b = 0; b < rowCount; b++) {
            double residual = (double) predictions[b] - targets[b];
            squares += residual * residual;
            predictionGradient[b] = (float) (2.0 * residual);
        }
        network.backward(rows, rowCount, predictionGradient, workspace, blockGradient);

        counts[group] += rowCount;
        sumSquares[group] += squares;
        int offset = group * parameterCount;
        for (int p = 0; p < parameterCount; p++) {
            gradients[offset + p] += blockGradient[p];
        }
    }

    private void ensureScratch(int rows) {
        if (blockGradient == null) {
            blockGradient = new float[parameterCount];
        }
        if (predictionGradient == null || predictionGradient.length < rows) {
            predictionGradient = new float[rows];
        }
    }

    /**
     * Adds the sums of another, disjoint set of examples.
     *
     * @param other sums over the same groups and parameters
     * @return this, modified
     * @throws IllegalArgumentException if the group or parameter counts differ
     */
    public GroupGradientSums addAll(GroupGradientSums other) {
        if (other.groupCount != groupCount || other.parameterCount != parameterCount) {
            throw new IllegalArgumentException("other must have " + groupCount + " groups and " + parameterCount
                    + " parameters, found " + other.groupCount + " and " + other.parameterCount);
        }
        for (int k = 0; k < groupCount; k++) {
            counts[k] += other.counts[k];
            sumSquares[k] += other.sumSquares[k];
        }
        for (int p = 0; p < gradients.length; p++) {
            gradients[p] += other.gradients[p];
        }
        return this;
    }

    /**
     * Copies the counts and sums of squares into group statistics, for the objective.
     *
     * @param into statistics over the same groups; overwritten
     * @throws IllegalArgumentException if the group count differs
     */
    public void copyStatisticsTo(GroupStatistics into) {
        if (into.groupCount() != groupCount) {
            throw new IllegalArgumentException("into must have " + groupCount + " groups, found "
                    + into.groupCount());
        }
        for (int k = 0; k < groupCount; k++) {
            into.set(k, counts[k], sumSquares[k]);
        }
    }

    /**
     * Forms the objective's gradient {@code sum_k w_k G_k} (positive: raising a parameter raises
     * the objective).
     *
     * @param sumSquaresWeights {@code w_k} at index {@code k}, at least {@code groupCount} long
     * @param gradient receives the gradient, the network's layout; overwritten
     * @throws IllegalArgumentException if a length does not fit
     */
    public void combine(double[] sumSquaresWeights, float[] gradient) {
        if (sumSquaresWeights.length < groupCount || gradient.length != parameterCount) {
            throw new IllegalArgumentException("sumSquaresWeights must hold at least " + groupCount
                    + " values and gradient exactly " + parameterCount + ", found " + sumSquaresWeights.length
                    + " and " + gradient.length);
        }
        for (int p = 0; p < parameterCount; p++) {
            double sum = 0.0;
            for (int k = 0; k < groupCount; k++) {
                sum += sumSquaresWeights[k] * gradients[k * parameterCount + p];
            }
            gradient[p] = (float) sum;
        }
    }

    /** @return the number of groups */
    public int groupCount() {
        return groupCount;
    }

    /** @return the number of parameters of each group's gradient */
    public int parameterCount() {
        return parameterCount;
    }

    /** @return the number of examples added, of every group */
    public long totalCount() {
        return Arrays.stream(counts).sum();
    }
}
