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

    /**
     * @return copies of the orders the plan keeps between epochs, {@link #order} first, for a
     *         checkpoint
     */
    abstract int[][] saveState();

    /**
     * Continues from a saved state: the current epoch's batches and the next epochs' are those
     * that followed it.
     *
     * @param state a state this kind of plan saved over the same examples
     * @throws IllegalArgumentException if the state does not fit this plan
     */
    abstract void restoreState(int[][] state);

    /**
     * Copies saved orders into the plan's own, after checking that each has the length and holds
     * example indices only.
     *
     * @param state the saved orders
     * @param targets the plan's orders, in the same sequence; filled
     */
    static void copyOrders(int[][] state, int[]... targets) {
        if (state.length != targets.length) {
            throw new IllegalArgumentException("the batch plan keeps " + targets.length + " orders, the state has "
                    + state.length);
        }
        int exampleCount = targets[0].length;
        for (int i = 0; i < targets.length; i++) {
            if (state[i].length != targets[i].length) {
                throw new IllegalArgumentException("order " + i + " holds " + targets[i].length + " examples, the "
                        + "state's " + state[i].length);
            }
            for (int example : state[i]) {
                if (example < 0 || example >= exampleCount) {
                    throw new IllegalArgumentException("order " + i + " names example " + example + ", outside [0, "
                            + exampleCount + ")");
                }
            }
        }
        for (int i = 0; i < targets.length; i++) {
            System.arraycopy(state[i], 0, targets[i], 0, targets[i].length);
        }
    }
}
