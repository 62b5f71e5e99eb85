package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.fairreg.random.LegacyRandom;
import org.junit.jupiter.api.Test;

/** The two batch plans: every example once per epoch; stratified batches hold every group. */
class BatchPlanTest {

    /** 1000 examples: group 0 has 700, group 1 has 250, group 2 has 50. */
    private static int[] groupCodes() {
        int[] codes = new int[1000];
        for (int e = 0; e < codes.length; e++) {
            codes[e] = e % 20 == 0 ? 2 : e % 4 == 1 ? 1 : 0;
        }
        return codes;
    }

    @Test
    void stratifiedBatchesHoldEveryGroupWhenItHasAnExampleForEveryBatch() {
        int[] codes = groupCodes();
        int[] counts = new int[3];
        for (int code : codes) {
            counts[code]++;
        }
        BatchPlan plan = BatchPlan.stratified(codes, 3, 32);
        assertThat(plan.batchCount()).isEqualTo(32);
        assertThat(counts[2]).isGreaterThanOrEqualTo(plan.batchCount());

        LegacyRandom random = new LegacyRandom(5);
        for (int epoch = 0; epoch < 3; epoch++) {
            plan.nextEpoch(random);
            assertEveryExampleOnce(plan.order);
            for (int b = 0; b < plan.batchCount(); b++) {
                int[] inBatch = new int[3];
                for (int j = plan.start(b); j < plan.start(b + 1); j++) {
                    inBatch[codes[plan.order[j]]]++;
                }
                for (int k = 0; k < 3; k++) {
                    assertThat(inBatch[k]).as("group %d in batch %d", k, b).isPositive();
                    // In proportion: within one example of n_k / B.
                    assertThat((double) inBatch[k]).isBetween(counts[k] / 32.0 - 1, counts[k] / 32.0 + 1);
                }
                assertThat(plan.start(b + 1) - plan.start(b)).isLessThanOrEqualTo(plan.maxBatchSize());
            }
        }
        assertThat(plan.maxBatchSize()).isLessThanOrEqualTo(32 + 3);
    }

    @Test
    void aGroupSmallerThanTheBatchCountAppearsOncePerBatchItCanFill() {
        int[] codes = new int[100];
        codes[3] = 1;
        codes[50] = 1;
        BatchPlan plan = BatchPlan.stratified(codes, 2, 10);
        plan.nextEpoch(new LegacyRandom(1));
        assertEveryExampleOnce(plan.order);
        int batchesWithGroupOne = 0;
        for (int b = 0; b < plan.batchCount(); b++) {
            for (int j = plan.start(b); j < plan.start(b + 1); j++) {
                if (codes[plan.order[j]] == 1) {
                    batchesWithGroupOne++;
                }
            }
        }
        assertThat(batchesWithGroupOne).isEqualTo(2);
    }

    @Test
    void shuffledBatchesAreNumpysPermutationCutInOrder() {
        BatchPlan plan = BatchPlan.shuffle(10, 4);
        plan.nextEpoch(new LegacyRandom(42));
        assertThat(plan.order).containsExactly(new LegacyRandom(42).permutation(10));
        assertThat(plan.batchCount()).isEqualTo(3);
        assertThat(new int[] {plan.start(0), plan.start(1), plan.start(2), plan.start(3)}).containsExactly(0, 4, 8, 10);
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        int[] codes = groupCodes();
        BatchPlan first = BatchPlan.stratified(codes, 3, 64);
        BatchPlan second = BatchPlan.stratified(codes, 3, 64);
        first.nextEpoch(new LegacyRandom(9));
        second.nextEpoch(new LegacyRandom(9));
        assertThat(first.order).containsExactly(second.order);
    }

    private static void assertEveryExampleOnce(int[] order) {
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int e = 0; e < sorted.length; e++) {
            assertThat(sorted[e]).isEqualTo(e);
        }
    }
}
