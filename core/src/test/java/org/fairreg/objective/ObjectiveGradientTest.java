package org.fairreg.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every objective's gradient with respect to the predictions, {@code 2 r_i w_k}, against
 * central finite differences of its value, all in {@code double}, on batches with every group
 * present, with a group absent, and with one group only.
 */
class ObjectiveGradientTest {

    /** Central-difference step; the objectives are quadratic-ish, so truncation error is tiny. */
    private static final double STEP = 1e-5;
    /** Relative agreement expected between the exact gradient and the finite difference. */
    private static final double RELATIVE_TOLERANCE = 1e-6;
    /** Absolute floor for gradients that are exactly zero (an absent group's examples). */
    private static final double ABSOLUTE_TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        List<Objective> objectives = List.of(new MeanSquaredError(), new GroupGap(GapForm.SQUARED),
                new GroupGap(GapForm.ABSOLUTE), new Penalized(0.7), new Penalized(0.0));
        int[][] groupings = {
            {0, 1, 0, 1, 1, 0, 0, 1},
            {0, 0, 0, 0, 0},
            {1, 1, 1, 1},
            {0, 1, 1, 0, 1, 0, 0},
        };
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Objective objective : objectives) {
            for (int[] groups : groupings) {
                cases.add(Arguments.of(objective, groups, 2));
            }
        }
        cases.add(Arguments.of(new Penalized(1.3), new int[] {0, 2, 1, 2, 2, 0, 1, 1, 0}, 3));
        cases.add(Arguments.of(new Penalized(1.3), new int[] {0, 2, 2, 0, 2}, 3));
        cases.add(Arguments.of(new MeanSquaredError(), new int[] {2, 0, 1, 2}, 3));
        return cases.build();
    }

    @ParameterizedTest(name = "{0} groups {1}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Objective objective, int[] groups, int groupCount) {
        Random random = new Random(groups.length * 31L + groupCount);
        double[] targets = new double[groups.length];
        double[] predictions = new double[groups.length];
        for (int b = 0; b < groups.length; b++) {
            targets[b] = random.nextGaussian() * 3;
            // Residuals of very different sizes per group keep the group errors apart, away from
            // the kinks of |gap| and of max/min where the derivative is not defined.
            predictions[b] = targets[b] + (groups[b] + 1) * (0.5 + random.nextDouble());
        }

        GroupStatistics statistics = statistics(predictions, targets, groups, groupCount);
        double[] weights = new double[groupCount];
        objective.sumSquaresWeights(statistics, weights);

        for (int i = 0; i < predictions.length; i++) {
            double exact = 2 * (predictions[i] - targets[i]) * weights[groups[i]];
            double[] shifted = predictions.clone();
            shifted[i] = predictions[i] + STEP;
            double above = objective.value(statistics(shifted, targets, groups, groupCount));
            shifted[i] = predictions[i] - STEP;
            double below = objective.value(statistics(shifted, targets, groups, groupCount));
            double numeric = (above - below) / (2 * STEP);
            assertThat(exact)
                    .as("d objective / d prediction[%d] of %s", i, objective.describe())
                    .isCloseTo(numeric, within(ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(numeric)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictionGradientAppliesTheWeightsPerExample(Objective objective, int[] groups, int groupCount) {
        float[] predictions = new float[groups.length];
        float[] targets = new float[groups.length];
        for (int b = 0; b < groups.length; b++) {
            predictions[b] = 0.25f * b;
            targets[b] = 1f - 0.5f * b;
        }
        GroupStatistics statistics = new GroupStatistics(groupCount);
        statistics.accumulate(predictions, targets, groups, groups.length);
        double[] weights = new double[groupCount];
        objective.sumSquaresWeights(statistics, weights);

        float[] gradient = new float[groups.length];
        PredictionGradient.compute(predictions, targets, groups, groups.length, weights, gradient);

        for (int b = 0; b < groups.length; b++) {
            double expected = 2.0 * ((double) predictions[b] - targets[b]) * weights[groups[b]];
            assertThat((double) gradient[b]).as("gradient[%d]", b)
                    .isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        }
    }

    private static GroupStatistics statistics(double[] predictions, double[] targets, int[] groups, int groupCount) {
        GroupStatistics statistics = new GroupStatistics(groupCount);
        for (int b = 0; b < predictions.length; b++) {
            statistics.add(groups[b], predictions[b] - targets[b]);
        }
        return statistics;
    }
}
