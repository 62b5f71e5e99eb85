package org.fairreg.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every objective's gradient with respect to the predictions, {@code 2 r_i w_k}, against
 * central finite differences of the function it descends, all in {@code double}: for 2, 3 and 8
 * groups, on batches with every group present, with groups absent, and with one group only.
 */
class ObjectiveGradientTest {

    /** Central-difference step; the functions are piecewise quadratic, so truncation error is tiny. */
    private static final double STEP = 1e-5;
    /** Relative agreement expected between the exact gradient and the finite difference. */
    private static final double RELATIVE_TOLERANCE = 1e-6;
    /** Absolute floor for gradients that are exactly zero (an absent group's examples). */
    private static final double ABSOLUTE_TOLERANCE = 1e-9;

    /** An objective and the function whose gradient its weights are. */
    record Case(String name, Objective objective, ToDoubleFunction<GroupStatistics> descended) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> objectives(int groupCount) {
        List<Case> cases = new ArrayList<>();
        cases.add(exact("mse", new MeanSquaredError()));
        cases.add(exact("penalized 0", new Penalized(0.0)));
        for (GapMeasure measure : GapMeasure.values()) {
            cases.add(exact("penalized 0.7 " + measure.id(), new Penalized(0.7, measure)));
        }
        if (groupCount == 2) {
            cases.add(exact("gap squared", new GroupGap(GapForm.SQUARED)));
            cases.add(exact("gap absolute", new GroupGap(GapForm.ABSOLUTE)));
        }
        for (Epsilon epsilon : List.of(new Epsilon(0.3, false), new Epsilon(20, true))) {
            Constrained constrained = new Constrained(epsilon, 0.8, 10.0);
            constrained.endEpoch(spreadErrors(groupCount));
            double[][] mu = constrained.multipliers();
            cases.add(new Case("constrained " + epsilon, constrained, s -> lagrangian(s, mu, epsilon)));
        }
        return cases;
    }

    static Stream<Arguments> cases() {
        int[][] groupings = {
            {0, 1, 0, 1, 1, 0, 0, 1},
            {0, 0, 0, 0, 0},
            {1, 1, 1, 1},
            {0, 2, 1, 2, 2, 0, 1, 1, 0},
            {0, 2, 2, 0, 2},
            {7, 0, 3, 3, 5, 7, 1, 0, 2, 6, 4, 4, 7, 5},
            {6, 6, 1, 3, 1, 6},
        };
        int[] groupCounts = {2, 2, 2, 3, 3, 8, 8};
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int g = 0; g < groupings.length; g++) {
            for (Case objective : objectives(groupCounts[g])) {
                cases.add(Arguments.of(objective, groupings[g], groupCounts[g]));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} K={2} groups {1}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case objective, int[] groups, int groupCount) {
        Random random = new Random(groups.length * 31L + groupCount);
        double[] targets = new double[groups.length];
        double[] predictions = new double[groups.length];
        for (int b = 0; b < groups.length; b++) {
            targets[b] = random.nextGaussian() * 3;
            // Residuals of clearly different sizes per group keep the group errors apart, away from
            // the kinks of |gap| and of max/min where the derivative is not defined.
            predictions[b] = targets[b] + (groups[b] + 1) * (0.5 + 0.2 * random.nextDouble());
        }

        GroupStatistics statistics = statistics(predictions, targets, groups, groupCount);
        double[] weights = new double[groupCount];
        objective.objective().sumSquaresWeights(statistics, weights);

        for (int i = 0; i < predictions.length; i++) {
            double exact = 2 * (predictions[i] - targets[i]) * weights[groups[i]];
            double[] shifted = predictions.clone();
            shifted[i] = predictions[i] + STEP;
            double above = objective.descended().applyAsDouble(statistics(shifted, targets, groups, groupCount));
            shifted[i] = predictions[i] - STEP;
            double below = objective.descended().applyAsDouble(statistics(shifted, targets, groups, groupCount));
            double numeric = (above - below) / (2 * STEP);
            assertThat(exact)
                    .as("d objective / d prediction[%d] of %s", i, objective)
                    .isCloseTo(numeric, within(ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(numeric)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictionGradientAppliesTheWeightsPerExample(Case objective, int[] groups, int groupCount) {
        float[] predictions = new float[groups.length];
        float[] targets = new float[groups.length];
        for (int b = 0; b < groups.length; b++) {
            predictions[b] = 0.25f * b;
            targets[b] = 1f - 0.5f * b;
        }
        GroupStatistics statistics = new GroupStatistics(groupCount);
        double[] residuals = new double[groups.length];
        statistics.accumulate(predictions, targets, groups, groups.length, residuals);
        double[] weights = new double[groupCount];
        objective.objective().sumSquaresWeights(statistics, weights);

        float[] gradient = new float[groups.length];
        PredictionGradient.fromResiduals(residuals, groups, groups.length, weights, gradient);

        for (int b = 0; b < groups.length; b++) {
            double expected = 2.0 * ((double) predictions[b] - targets[b]) * weights[groups[b]];
            assertThat((double) gradient[b]).as("gradient[%d]", b)
                    .isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        }
    }

    private static Case exact(String name, Objective objective) {
        return new Case(name, objective, objective::value);
    }

    /** Errors 1, 2, 3, ...: far apart, so a constrained objective's multipliers become positive. */
    private static GroupStatistics spreadErrors(int groupCount) {
        GroupStatistics spread = new GroupStatistics(groupCount);
        for (int k = 0; k < groupCount; k++) {
            spread.add(k, Math.sqrt(k + 1.0));
        }
        return spread;
    }

    /**
     * {@code MSE + sum_{j != k} mu_jk (e_j - e_k - allowed)}, absent groups counting as 0, with
     * the allowance held fixed within a step as {@link Constrained} holds it (here at its value
     * for an overall MSE of 1).
     */
    private static double lagrangian(GroupStatistics s, double[][] mu, Epsilon epsilon) {
        double value = s.overallMeanSquaredError();
        double allowed = epsilon.allowed(1.0);
        for (int j = 0; j < mu.length; j++) {
            for (int k = 0; k < mu.length; k++) {
                if (j != k) {
                    value += mu[j][k] * (s.meanSquaredError(j) - s.meanSquaredError(k) - allowed);
                }
            }
        }
        return value;
    }

    private static GroupStatistics statistics(double[] predictions, double[] targets, int[] groups, int groupCount) {
        GroupStatistics statistics = new GroupStatistics(groupCount);
        for (int b = 0; b < predictions.length; b++) {
            statistics.add(groups[b], predictions[b] - targets[b]);
        }
        return statistics;
    }
}
