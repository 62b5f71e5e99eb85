package org.fairreg.objective;

import java.util.Arrays;

/**
 * Group errors estimated across recent batches: exponentially decayed sums
 * {@code S~_k = rho S~_k + S_k} and {@code n~_k = rho n~_k + n_k} over the batches seen, and
 * {@code e~_k = S~_k / n~_k}. With {@code rho = 1 - 1 / stepsPerEpoch} the estimate spans about
 * the last epoch, so it is far less noisy than one batch's {@code e_k} while still following the
 * model as it trains.
 *
 * <p>Used as the factor on the batch gradient of {@code e_k} (design notes, section 2): which
 * group is worst, and by how much, is read from this estimate rather than from the batch, where
 * it is mostly chance when the groups' true errors are close. Not thread-safe.
 */
public final class RunningGroupErrors implements GroupErrors {

    private final double decay;
    private final double[] sumSquares;
    private final double[] counts;

    /**
     * @param groupCount the number of groups, at least 1
     * @param decay the weight {@code rho} kept of the past at each batch, in {@code [0, 1)}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public RunningGroupErrors(int groupCount, double decay) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be at least 1, found " + groupCount);
        }
        if (!(decay >= 0.0 && decay < 1.0)) {
            throw new IllegalArgumentException("decay must be in [0, 1), found " + decay);
        }
        this.decay = decay;
        this.sumSquares = new double[groupCount];
        this.counts = new double[groupCount];
    }

    /**
     * Folds one batch into the estimate.
     *
     * @param batch the batch's statistics, over the same groups
     */
    public void update(GroupStatistics batch) {
        for (int k = 0; k < counts.length; k++) {
            sumSquares[k] = decay * sumSquares[k] + batch.sumSquares(k);
            counts[k] = decay * counts[k] + batch.count(k);
        }
    }

    /** @return the running sums of squares then the running counts, {@code 2 K} values, for a checkpoint */
    public double[] saveState() {
        double[] state = Arrays.copyOf(sumSquares, 2 * counts.length);
        System.arraycopy(counts, 0, state, counts.length, counts.length);
        return state;
    }

    /**
     * Continues from a state {@link #saveState()} gave.
     *
     * @param state the saved state
     * @throws IllegalArgumentException if it does not hold {@code 2 K} values
     */
    public void restoreState(double[] state) {
        if (state.length != 2 * counts.length) {
            throw new IllegalArgumentException("running errors of " + counts.length + " groups take "
                    + 2 * counts.length + " values, found " + state.length);
        }
        System.arraycopy(state, 0, sumSquares, 0, counts.length);
        System.arraycopy(state, counts.length, counts, 0, counts.length);
    }

    /** Forgets everything seen. */
    public void clear() {
        Arrays.fill(sumSquares, 0.0);
        Arrays.fill(counts, 0.0);
    }

    @Override
    public int groupCount() {
        return counts.length;
    }

    @Override
    public boolean isPresent(int k) {
        return counts[k] > 0.0;
    }

    @Override
    public double meanSquaredError(int k) {
        return counts[k] > 0.0 ? sumSquares[k] / counts[k] : 0.0;
    }

    @Override
    public double overallMeanSquaredError() {
        double sum = 0.0;
        double count = 0.0;
        for (int k = 0; k < counts.length; k++) {
            sum += sumSquares[k];
            count += counts[k];
        }
        return count > 0.0 ? sum / count : 0.0;
    }
}
