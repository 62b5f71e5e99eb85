package org.fairreg.train;

import org.fairreg.random.LegacyRandom;

/**
 * The recipe's batches: every epoch a fresh permutation of all examples, exactly numpy's
 * {@code rng.permutation(n)} for the same generator state, cut into consecutive batches; the last
 * batch is smaller when the batch size does not divide the number of examples.
 */
final class ShuffledBatches extends BatchPlan {

    private final int batchSize;
    private final int batchCount;

    ShuffledBatches(int exampleCount, int batchSize) {
        super(exampleCount);
        this.batchSize = batchSize;
        this.batchCount = (exampleCount + batchSize - 1) / batchSize;
    }

    @Override
    void nextEpoch(LegacyRandom random) {
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        random.shuffle(order);
    }

    @Override
    int batchCount() {
        return batchCount;
    }

    @Override
    int start(int b) {
        return Math.min(b * batchSize, order.length);
    }

    @Override
    int maxBatchSize() {
        return batchSize;
    }

    @Override
    int[][] saveState() {
        return new int[][] {order.clone()};
    }

    @Override
    void restoreState(int[][] state) {
        copyOrders(state, order);
    }
}
