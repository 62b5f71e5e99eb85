package org.fairreg.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The decayed running estimate of group errors. */
class RunningGroupErrorsTest {

    private static final double EXACT = 1e-12;

    @Test
    void decaysPastBatchesAndWeighsByCounts() {
        RunningGroupErrors running = new RunningGroupErrors(2, 0.5);
        GroupStatistics first = new GroupStatistics(2);
        first.add(0, 2.0);
        GroupStatistics second = new GroupStatistics(2);
        second.add(0, 1.0);
        second.add(0, 1.0);
        second.add(1, 3.0);

        running.update(first);
        assertThat(running.isPresent(1)).isFalse();
        running.update(second);

        // S~_0 = 0.5 * 4 + 2 = 4, n~_0 = 0.5 * 1 + 2 = 2.5; S~_1 = 9, n~_1 = 1.
        assertThat(running.meanSquaredError(0)).isCloseTo(4.0 / 2.5, within(EXACT));
        assertThat(running.meanSquaredError(1)).isCloseTo(9.0, within(EXACT));
        assertThat(running.overallMeanSquaredError()).isCloseTo(13.0 / 3.5, within(EXACT));
        running.clear();
        assertThat(running.isPresent(0)).isFalse();
    }
}
