package org.fairreg.train;

import org.fairreg.random.LegacyRandom;

/**
 * Batches that hold every group in proportion. With {@code B = ceil(n / batchSize)} batches per
 * epoch, each group's examples are shuffled on their own and batch {@code b} takes the slice
 * {@code [floor(b n_k / B), floor((b + 1) n_k / B))} of group {@code k}'s order. A group with at
 * least {@code B} examples therefore appears in every batch; a smaller one appears in
 * {@code n_k} batches, one example each (no example is repeated to fill the rest). Batch sizes
 * differ from {@code n / B} by less than the number of groups.
 *
 * <p>Groups are shuffled in code order, each with the run's generator, so a seed fixes the plan.
 */
final class StratifiedBatches extends BatchPlan {

    private final int[][] members;
    private final int batchCount;
    private final int[] starts;
    private final int maxBatchSize;

    StratifiedBatches(int[] groupCodes, int groupCount, int batchSize) {
        super(groupCodes.length);
        int[] counts = new int[groupCount];
        for (int code : groupCodes) {
            counts[code]++;
        }
        this.members = new int[groupCount][];
        for (int k = 0; k < groupCount; k++) {
            members[k] = new int[counts[k]];
        }
        int[] filled = new int[groupCount];
        for (int e = 0; e < groupCodes.length; e++) {
            int k = groupCodes[e];
            members[k][filled[k]++] = e;
        }
        this.batchCount = (groupCodes.length + batchSize - 1) / batchSize;
        this.starts = new int[batchCount + 1];
        int largest = 0;
        for (int b = 0; b < batchCount; b++) {
            int size = 0;
            for (int[] group : members) {
                size += slice(group.length, b + 1) - slice(group.length, b);
            }
            starts[b + 1] = starts[b] + size;
            largest = Math.max(largest, size);
        }
        this.maxBatchSize = largest;
    }

    @Override
    void nextEpoch(LegacyRandom random) {
        for (int[] group : members) {
            random.shuffle(group);
        }
        for (int b = 0; b < batchCount; b++) {
            int at = starts[b];
            for (int[] group : members) {
                int to = slice(group.length, b + 1);
                for (int j = slice(group.length, b); j < to; j++) {
                    order[at++] = group[j];
                }
            }
        }
    }

    /** Where batch {@code b}'s share of a group of {@code size} examples starts. */
    private int slice(int size, int b) {
        return (int) ((long) b * size / batchCount);
    }

    @Override
    int batchCount() {
        return batchCount;
    }

    @Override
    int start(int b) {
        return starts[b];
    }

    @Override
    int maxBatchSize() {
        return maxBatchSize;
    }

    /** @return the epoch's order, then each group's order, which the next epoch shuffles further */
    @Override
    int[][] saveState() {
        int[][] state = new int[1 + members.length][];
        state[0] = order.clone();
        for (int k = 0; k < members.length; k++) {
            state[1 + k] = members[k].clone();
        }
        return state;
    }

    @Override
    void restoreState(int[][] state) {
        int[][] targets = new int[1 + members.length][];
        targets[0] = order;
        System.arraycopy(members, 0, targets, 1, members.length);
        copyOrders(state, targets);
    }
}
