package org.fairreg.train;

import java.util.List;

import org.fairreg.optim.OptimizerState;
import org.fairreg.random.LegacyRandom;

/**
 * Everything a run needs to continue exactly where it was: resumed from a checkpoint, a run ends
 * with the same model, bit for bit, as one that was never stopped (with the same kernels). The
 * arrays are shared, not copied: a checkpoint is made, written and dropped, or read and resumed.
 *
 * @param dataFingerprint a hash of the training and validation examples as trained on, so that a
 *        resume on other data is refused rather than silently continued
 * @param epoch the epoch in progress, or the next to run when {@code progress} has not begun; from 1
 * @param progress how far that epoch is
 * @param parameters the network's parameters
 * @param optimizer the optimizer's step count and buffers
 * @param random the run's generator, which draws the batch orders
 * @param batchPlan the batch plan's orders ({@code BatchPlan.saveState()})
 * @param objectiveState what the objective has learned (the constrained objective's multipliers),
 *        empty for most objectives
 * @param runningErrors the running group errors of {@code --gap-estimate running}, empty otherwise
 * @param firstBatchLoss the run's first batch loss, the reference of the divergence check; NaN if
 *        no batch has run
 * @param stopping early stopping's memory, with the best parameters
 * @param history the epochs completed, in order
 */
public record TrainingCheckpoint(
        long dataFingerprint,
        int epoch,
        EpochProgress progress,
        float[] parameters,
        OptimizerState optimizer,
        LegacyRandom.State random,
        int[][] batchPlan,
        double[] objectiveState,
        double[] runningErrors,
        double firstBatchLoss,
        EarlyStopping.State stopping,
        List<EpochRecord> history) {

    /**
     * @throws IllegalArgumentException if {@code epoch} is below 1 or the history does not hold
     *         the epochs before it
     */
    public TrainingCheckpoint {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be at least 1, found " + epoch);
        }
        history = List.copyOf(history);
        if (history.size() != epoch - 1) {
            throw new IllegalArgumentException("the history must hold the " + (epoch - 1) + " epochs before epoch "
                    + epoch + ", found " + history.size());
        }
    }

    /**
     * Where a run is inside its epoch.
     *
     * @param nextBatch the next batch to train, or -1 when the epoch has not begun (its order is
     *        not drawn yet)
     * @param objectiveSum the sum of the batch objectives trained so far in the epoch
     * @param groupCounts the epoch's training examples so far, by group
     * @param groupSumSquares their sums of squared residuals, by group
     */
    public record EpochProgress(int nextBatch, double objectiveSum, long[] groupCounts, double[] groupSumSquares) {

        /**
         * @throws IllegalArgumentException if {@code nextBatch} is below -1 or the group arrays
         *         differ in length
         */
        public EpochProgress {
            if (nextBatch < -1) {
                throw new IllegalArgumentException("nextBatch must be at least -1, found " + nextBatch);
            }
            if (groupCounts.length != groupSumSquares.length) {
                throw new IllegalArgumentException("one count and one sum per group, found " + groupCounts.length
                        + " and " + groupSumSquares.length);
            }
        }

        /** @return whether the epoch has begun */
        public boolean begun() {
            return nextBatch >= 0;
        }
    }
}
