package org.fairreg.train;

import org.fairreg.random.LegacyRandom;

/**
 * The batches of one epoch: an order of the training examples and where each batch starts in it.
 * {@link #shuffle} and {@link #stratified} make the two {@link Batching} plans. The arrays are
 * allocated once per run and refilled each epoch. Not thread-safe.
 */
abstract class BatchPlan {

    /** Example indices in batch order; batch {@code b} is {@code order[start(b) .. start(b + 1))}. */
    final int[] order;

    BatchPlan(int exampleCount) {
        this.order = new int[exampleCount];
    }

    static BatchPlan shuffle(int exampleCount, int batchSize) {
        return new ShuffledBatches(exampleCount, batchSize);
    }

    static BatchPlan stratified(int[] groupCodes, int groupCount, int batchSize) {
        return new StratifiedBatches(groupCodes, groupCount, batchSize);
    }

    /**
     * Draws the next epoch's order.
     *
     * @param random the run's generator, advanced
     */
    abstract void nextEpoch(LegacyRandom random);

    /** @return the number of batches per epoch */
    abstract int batchCount();

    /**
     * @param b a batch index, or {@code batchCount()} for the end of the last batch
     * @return where batch {@code b} starts in {@link #order}
     */
    abstract int start(int b);

    /** @return the largest batch this plan makes */
    abstract int maxBatchSize();
}
