package org.fairreg.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Gap measures: hand-computed values, the two-group reduction to the recipe's gap, absent groups. */
class GapMeasureTest {

    private static final double EXACT = 1e-12;

    /** Group errors e_k = squares of the given residuals (one example per group). */
    private static GroupStatistics errors(int groupCount, double... residuals) {
        GroupStatistics statistics = new GroupStatistics(groupCount);
        for (int k = 0; k < residuals.length; k++) {
            if (!Double.isNaN(residuals[k])) {
                statistics.add(k, residuals[k]);
            }
        }
        return statistics;
    }

    @ParameterizedTest
    @EnumSource(GapMeasure.class)
    void twoGroupsGiveTheRecipesGap(GapMeasure measure) {
        GroupStatistics two = errors(2, 2.0, 1.0);
        double recipeGap = new GroupGap(measure == GapMeasure.RANGE ? GapForm.ABSOLUTE : GapForm.SQUARED).value(two);
        assertThat(measure.value(two)).isCloseTo(recipeGap, within(EXACT));
    }

    @Test
    void threeGroupsByHand() {
        // e = 1, 4, 7: mean 4, squared deviations 9 + 0 + 9 = 18.
        GroupStatistics three = errors(3, 1.0, 2.0, Math.sqrt(7.0));
        assertThat(GapMeasure.RANGE.value(three)).isCloseTo(6.0, within(EXACT));
        assertThat(GapMeasure.VARIANCE.value(three)).isCloseTo(4.0 / 3 * 18, within(EXACT));
        // pairs: (1-4)^2 + (1-7)^2 + (4-7)^2 = 9 + 36 + 9 = 54 over 3 pairs.
        assertThat(GapMeasure.PAIRWISE.value(three)).isCloseTo(18.0, within(EXACT));
    }

    @ParameterizedTest
    @EnumSource(GapMeasure.class)
    void absentGroupsTakeNoPart(GapMeasure measure) {
        GroupStatistics withAbsent = errors(4, 2.0, Double.NaN, 1.0, Double.NaN);
        GroupStatistics withoutAbsent = errors(2, 2.0, 1.0);
        assertThat(measure.value(withAbsent)).isCloseTo(measure.value(withoutAbsent), within(EXACT));

        double[] slopes = new double[4];
        measure.slopes(withAbsent, slopes);
        assertThat(slopes[1]).isZero();
        assertThat(slopes[3]).isZero();
    }

    @ParameterizedTest
    @EnumSource(GapMeasure.class)
    void fewerThanTwoGroupsPresentMeasureZero(GapMeasure measure) {
        GroupStatistics one = errors(3, Double.NaN, 5.0, Double.NaN);
        assertThat(measure.value(one)).isZero();
        double[] slopes = {9, 9, 9};
        measure.slopes(one, slopes);
        assertThat(slopes).containsOnly(0.0);
    }
}
