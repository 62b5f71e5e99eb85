package org.fairreg.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed values of the objectives, including the recipe's empty-group rule. */
class ObjectiveValueTest {

    private static final double EXACT = 1e-12;

    /**
     * Group 0 has residuals 1 and 3 (S_0 = 10, e_0 = 5); group 1 has residual 2 (S_1 = 4,
     * e_1 = 4); n = 3.
     */
    private static GroupStatistics twoGroups() {
        GroupStatistics statistics = new GroupStatistics(2);
        statistics.add(0, 1.0);
        statistics.add(0, -3.0);
        statistics.add(1, 2.0);
        return statistics;
    }

    @Test
    void meanSquaredErrorIsTheOverallMean() {
        assertThat(new MeanSquaredError().value(twoGroups())).isCloseTo(14.0 / 3, within(EXACT));
    }

    @Test
    void squaredGapIsTheSquaredDifferenceOfGroupErrors() {
        assertThat(new GroupGap(GapForm.SQUARED).value(twoGroups())).isCloseTo(1.0, within(EXACT));
        assertThat(new GroupGap(GapForm.ABSOLUTE).value(twoGroups())).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void gapCountsAnAbsentGroupAsZeroErrorAsTheRecipeDoes() {
        GroupStatistics onlyGroupZero = new GroupStatistics(2);
        onlyGroupZero.add(0, 2.0);
        onlyGroupZero.add(0, 4.0);

        assertThat(new GroupGap(GapForm.SQUARED).value(onlyGroupZero)).isCloseTo(100.0, within(EXACT));
        double[] weights = new double[2];
        new GroupGap(GapForm.SQUARED).sumSquaresWeights(onlyGroupZero, weights);
        assertThat(weights[0]).isCloseTo(2 * 10.0 / 2, within(EXACT));
        assertThat(weights[1]).isZero();
    }

    @Test
    void penalizedAddsLambdaTimesTheRangeOfPresentGroupsOnly() {
        assertThat(new Penalized(2.0).value(twoGroups())).isCloseTo(14.0 / 3 + 2.0 * (5 - 4), within(EXACT));

        GroupStatistics groupTwoAbsent = new GroupStatistics(3);
        groupTwoAbsent.add(0, 1.0);
        groupTwoAbsent.add(1, 3.0);
        assertThat(new Penalized(2.0).value(groupTwoAbsent)).isCloseTo(5.0 + 2.0 * 8.0, within(EXACT));

        GroupStatistics oneGroup = new GroupStatistics(2);
        oneGroup.add(1, 3.0);
        assertThat(new Penalized(2.0).value(oneGroup)).isCloseTo(9.0, within(EXACT));
    }

    @Test
    void penalizedWithLambdaZeroEqualsMeanSquaredError() {
        double[] penalized = new double[2];
        double[] plain = new double[2];
        new Penalized(0.0).sumSquaresWeights(twoGroups(), penalized);
        new MeanSquaredError().sumSquaresWeights(twoGroups(), plain);
        assertThat(penalized).containsExactly(plain);
    }

    @Test
    void statisticsOfPartsAddUpToTheWhole() {
        GroupStatistics whole = twoGroups();
        GroupStatistics first = new GroupStatistics(2);
        first.add(0, 1.0);
        GroupStatistics second = new GroupStatistics(2);
        second.add(0, -3.0);
        second.add(1, 2.0);
        first.addAll(second);

        for (int k = 0; k < 2; k++) {
            assertThat(first.count(k)).isEqualTo(whole.count(k));
            assertThat(first.sumSquares(k)).isEqualTo(whole.sumSquares(k));
        }
    }

    @Test
    void groupCountChecksNameTheObjective() {
        assertThatThrownBy(() -> new GroupGap(GapForm.SQUARED).checkGroupCount(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gap")
                .hasMessageContaining("3");
        assertThatThrownBy(() -> new Penalized(1.0).checkGroupCount(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("penalized");
        assertThatThrownBy(() -> new Penalized(-1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda")
                .hasMessageContaining("-1.0");
    }
}
