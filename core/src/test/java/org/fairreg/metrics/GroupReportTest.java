package org.fairreg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fairreg.data.GroupLabels;
import org.junit.jupiter.api.Test;

class GroupReportTest {

    /** Hand-computed figures are of order 1 and need a handful of roundings each. */
    private static final double HAND_TOLERANCE = 1e-14;

    /** Agreement with the straightforward computation, relative to the figure's size. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private static final long RANDOM_SEED = 20_240_611L;

    // ---- a two-group case computed by hand

    /**
     * Group "f" (code 0): targets 1, 2, 3; predictions 2, 2, 5; residuals 1, 0, 2.
     * Group "m" (code 1): targets 4, 8; predictions 5, 6; residuals 1, -2.
     * The arrays interleave the groups and start with "m", so the order is not that of appearance.
     */
    private static final double[] TARGETS = {4, 1, 2, 8, 3};
    private static final double[] PREDICTIONS = {5, 2, 2, 6, 5};
    private static final int[] CODES = {1, 0, 0, 1, 0};
    private static final GroupLabels F_AND_M = GroupLabels.of(List.of("m", "f"));

    @Test
    void handComputedTwoGroupCaseGivesEveryFigure() {
        GroupReport report = GroupReport.of(TARGETS, PREDICTIONS, CODES, F_AND_M);

        assertThat(report.groups()).extracting(GroupMetrics::group).containsExactly("f", "m");

        // f: n 3; SS_res = 1 + 0 + 4 = 5, mse 5/3; mae (1 + 0 + 2) / 3 = 1; bias 3/3 = 1;
        //    mean target 2, SS_tot = 1 + 0 + 1 = 2, r2 = 1 - 5/2 = -1.5.
        assertMetrics(report.groups().get(0), "f", 3, 5.0 / 3, 1.0, 1.0, -1.5);
        // m: n 2; SS_res = 1 + 4 = 5, mse 5/2; mae (1 + 2) / 2 = 1.5; bias (1 - 2) / 2 = -0.5;
        //    mean target 6, SS_tot = 4 + 4 = 8, r2 = 1 - 5/8 = 0.375.
        assertMetrics(report.groups().get(1), "m", 2, 2.5, 1.5, -0.5, 0.375);
        // overall: n 5; SS_res = 10, mse 2; mae 6/5; bias (1 + 0 + 2 + 1 - 2) / 5 = 0.4;
        //    mean target 18/5 = 3.6, SS_tot = 6.76 + 2.56 + 0.36 + 0.16 + 19.36 = 29.2,
        //    r2 = 1 - 10/29.2 = 48/73.
        assertMetrics(report.overall(), "overall", 5, 2.0, 1.2, 0.4, 48.0 / 73);
        // gap: 5/2 - 5/3 = 5/6.
        assertThat(report.gap()).isCloseTo(5.0 / 6, within(HAND_TOLERANCE));
    }

    @Test
    void groupsFollowCodeOrderNotLabelOrder() {
        GroupLabels zThenA = GroupLabels.inOrder(List.of("z", "a"));

        GroupReport report = GroupReport.of(TARGETS, PREDICTIONS, CODES, zThenA);

        assertThat(report.groups()).extracting(GroupMetrics::group).containsExactly("z", "a");
        assertThat(report.groups().get(0).n()).isEqualTo(3);
        assertThat(report.groups().get(1).n()).isEqualTo(2);
    }

    @Test
    void groupWithoutExamplesIsLeftOutOfListAndGap() {
        GroupLabels three = GroupLabels.inOrder(List.of("a", "b", "c"));
        int[] codesSkippingB = {2, 0, 0, 2, 0};

        GroupReport report = GroupReport.of(TARGETS, PREDICTIONS, codesSkippingB, three);

        assertThat(report.groups()).extracting(GroupMetrics::group).containsExactly("a", "c");
        // b would have MSE 0 if it counted; the gap stays 5/2 - 5/3.
        assertThat(report.gap()).isCloseTo(5.0 / 6, within(HAND_TOLERANCE));
        assertThat(report.overall().n()).isEqualTo(5);
    }

    @Test
    void singleGroupHasZeroGap() {
        GroupReport report = GroupReport.of(TARGETS, PREDICTIONS, new int[5], GroupLabels.inOrder(List.of("only")));

        assertThat(report.groups()).hasSize(1);
        assertThat(report.gap()).isZero();
        assertThat(report.groups().get(0).mse()).isEqualTo(report.overall().mse());
    }

    @Test
    void gapIsLargestMinusSmallestGroupMse() {
        // Group MSEs: a = 1, b = 16, c = 4 (one example each, residuals 1, 4, 2).
        double[] targets = {0, 0, 0};
        double[] predictions = {1, 4, 2};
        GroupLabels labels = GroupLabels.inOrder(List.of("a", "b", "c"));

        GroupReport report = GroupReport.of(targets, predictions, new int[] {0, 1, 2}, labels);

        assertThat(report.gap()).isEqualTo(15.0);
    }

    // ---- R^2 without spread

    @Test
    void r2IsNaNForSingleExampleGroup() {
        GroupLabels labels = GroupLabels.inOrder(List.of("a", "b"));

        GroupReport report = GroupReport.of(new double[] {1, 2, 7}, new double[] {1.5, 2.5, 6},
                new int[] {0, 0, 1}, labels);

        // a: residuals 0.5, 0.5, SS_res 0.5; mean target 1.5, SS_tot 0.5; r2 = 1 - 0.5/0.5 = 0.
        assertThat(report.groups().get(0).r2()).isCloseTo(0.0, within(HAND_TOLERANCE));
        assertThat(report.groups().get(1).r2()).isNaN();
        assertThat(report.groups().get(1).mse()).isEqualTo(1.0);
    }

    @Test
    void r2IsNaNForGroupWithEqualTargets() {
        GroupLabels labels = GroupLabels.inOrder(List.of("a", "b"));

        GroupReport report = GroupReport.of(new double[] {5, 5, 1, 3}, new double[] {4, 6, 1, 2},
                new int[] {0, 0, 1, 1}, labels);

        assertThat(report.groups().get(0).r2()).isNaN();
        assertThat(report.groups().get(0).mse()).isEqualTo(1.0);
        assertThat(report.groups().get(1).r2()).isFinite();
    }

    @Test
    void r2IsNaNForEqualTargetsWhoseMeanRoundsAway() {
        // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in double, so the computed mean is
        // 0.10000000000000002 and each deviation is about 1.4e-17 instead of 0. The targets still
        // have no spread, so R^2 is undefined, not 1 - 0.03 / 5.8e-34.
        double[] targets = {0.1, 0.1, 0.1};
        double[] predictions = {0.2, 0.0, 0.1};

        GroupReport report = GroupReport.of(targets, predictions, new int[3], GroupLabels.inOrder(List.of("a")));

        assertThat(report.groups().get(0).r2()).isNaN();
        assertThat(report.overall().r2()).isNaN();
    }

    // ---- bad input

    @Test
    void differentLengthsAreRejectedNamingEachParameter() {
        assertThatThrownBy(() -> GroupReport.of(new double[3], new double[2], new int[3], F_AND_M))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targets")
                .hasMessageContaining("predictions")
                .hasMessageContaining("groupCodes")
                .hasMessageContaining("3, 2 and 3");
        assertThatThrownBy(() -> GroupReport.of(new double[3], new double[3], new int[4], F_AND_M))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groupCodes")
                .hasMessageContaining("3, 3 and 4");
    }

    @Test
    void noExampleIsRejected() {
        assertThatThrownBy(() -> GroupReport.of(new double[0], new double[0], new int[0], F_AND_M))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targets")
                .hasMessageContaining("non-zero");
    }

    @Test
    void groupListIsACopy() {
        List<GroupMetrics> rows = new ArrayList<>();
        rows.add(new GroupMetrics("a", 1, 0, 0, 0, 0, Double.NaN));
        GroupReport report = new GroupReport(rows, rows.get(0), 0);

        rows.clear();

        assertThat(report.groups()).hasSize(1);
    }

    // ---- against a straightforward computation

    @Test
    void randomDataAgreesWithStraightforwardComputation() {
        Random random = new Random(RANDOM_SEED);
        int exampleCount = 2_000;
        GroupLabels labels = GroupLabels.inOrder(List.of("g0", "g1", "g2", "unused", "g4"));
        int[] usedCodes = {0, 1, 2, 4};
        double[] targets = new double[exampleCount];
        double[] predictions = new double[exampleCount];
        int[] codes = new int[exampleCount];
        for (int e = 0; e < exampleCount; e++) {
            codes[e] = usedCodes[random.nextInt(usedCodes.length)];
            targets[e] = 50.0 + 20.0 * random.nextGaussian() + 5.0 * codes[e];
            // A per-group offset keeps every bias well away from 0, so relative error is meaningful.
            predictions[e] = 0.9 * targets[e] + 3.0 + codes[e] + 4.0 * random.nextGaussian();
        }

        GroupReport report = GroupReport.of(targets, predictions, codes, labels);

        assertThat(report.groups()).extracting(GroupMetrics::group).containsExactly("g0", "g1", "g2", "g4");
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < usedCodes.length; k++) {
            GroupMetrics expected = straightforward(labels.label(usedCodes[k]), targets, predictions, codes,
                    usedCodes[k]);
            assertAgrees(report.groups().get(k), expected);
            highest = Math.max(highest, expected.mse());
            lowest = Math.min(lowest, expected.mse());
        }
        assertAgrees(report.overall(), straightforward("overall", targets, predictions, codes, -1));
        assertClose(report.gap(), highest - lowest, "gap");
    }

    /** The textbook formulas, one group at a time; {@code code} -1 takes every example. */
    private static GroupMetrics straightforward(
            String label,
            double[] targets,
            double[] predictions,
            int[] codes,
            int code) {
        int n = 0;
        double targetSum = 0;
        for (int e = 0; e < targets.length; e++) {
            if (code < 0 || codes[e] == code) {
                n++;
                targetSum += targets[e];
            }
        }
        double targetMean = targetSum / n;
        double squaredErrors = 0;
        double absoluteErrors = 0;
        double residuals = 0;
        double spread = 0;
        for (int e = 0; e < targets.length; e++) {
            if (code < 0 || codes[e] == code) {
                double residual = predictions[e] - targets[e];
                squaredErrors += residual * residual;
                absoluteErrors += Math.abs(residual);
                residuals += residual;
                spread += (targets[e] - targetMean) * (targets[e] - targetMean);
            }
        }
        double mse = squaredErrors / n;
        return new GroupMetrics(label, n, mse, Math.sqrt(mse), absoluteErrors / n, residuals / n,
                1.0 - squaredErrors / spread);
    }

    private static void assertAgrees(GroupMetrics actual, GroupMetrics expected) {
        String group = expected.group();
        assertThat(actual.group()).isEqualTo(group);
        assertThat(actual.n()).as("%s n", group).isEqualTo(expected.n());
        assertClose(actual.mse(), expected.mse(), group + " mse");
        assertClose(actual.rmse(), expected.rmse(), group + " rmse");
        assertClose(actual.mae(), expected.mae(), group + " mae");
        assertClose(actual.bias(), expected.bias(), group + " bias");
        assertClose(actual.r2(), expected.r2(), group + " r2");
    }

    private static void assertClose(double actual, double expected, String what) {
        double allowed = RELATIVE_TOLERANCE * Math.abs(expected);
        assertThat(actual).as(what).isCloseTo(expected, within(allowed));
    }

    private static void assertMetrics(
            GroupMetrics metrics,
            String group,
            long n,
            double mse,
            double mae,
            double bias,
            double r2) {
        assertThat(metrics.group()).isEqualTo(group);
        assertThat(metrics.n()).as("%s n", group).isEqualTo(n);
        assertThat(metrics.mse()).as("%s mse", group).isCloseTo(mse, within(HAND_TOLERANCE));
        assertThat(metrics.rmse()).as("%s rmse", group).isCloseTo(Math.sqrt(mse), within(HAND_TOLERANCE));
        assertThat(metrics.mae()).as("%s mae", group).isCloseTo(mae, within(HAND_TOLERANCE));
        assertThat(metrics.bias()).as("%s bias", group).isCloseTo(bias, within(HAND_TOLERANCE));
        assertThat(metrics.r2()).as("%s r2", group).isCloseTo(r2, within(HAND_TOLERANCE));
    }
}
