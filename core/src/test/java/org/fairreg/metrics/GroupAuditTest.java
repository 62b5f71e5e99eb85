package org.fairreg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fairreg.data.GroupLabels;
import org.fairreg.random.LegacyRandom;
import org.junit.jupiter.api.Test;

class GroupAuditTest {

    /** Hand-computed figures are of order 1 and take a few dozen roundings at most. */
    private static final double HAND_TOLERANCE = 1e-13;

    private static final long DATA_SEED = 20_261_203L;

    /** Few draws keep the hand cases fast; the figures checked do not depend on their number. */
    private static final AuditSettings QUICK = AuditSettings.defaults().withResamples(200).withPermutations(1000);

    private static final GroupLabels A_AND_B = GroupLabels.inOrder(List.of("a", "b"));

    // ---- two groups of constant residuals: a has 5 examples with residual 1, b 40 with residual 2

    private static final int A_ROWS = 5;
    private static final int B_ROWS = 40;

    @Test
    void constantResidualsGiveDegenerateIntervalsRatioAndFlags() {
        GroupAudit audit = constantResidualsAudit(QUICK);

        assertThat(audit.groups()).extracting(AuditedGroup::group).containsExactly("a", "b");
        AuditedGroup a = audit.groups().get(0);
        AuditedGroup b = audit.groups().get(1);
        assertThat(a.n()).isEqualTo(A_ROWS);
        assertThat(b.n()).isEqualTo(B_ROWS);
        // Every resample of a group draws only that group's residuals, so a constant group's MSE
        // never moves: the intervals are single points and so is the gap's.
        assertThat(a.mse()).isEqualTo(1.0);
        assertThat(a.mseInterval()).isEqualTo(new Interval(1.0, 1.0));
        assertThat(b.mse()).isEqualTo(4.0);
        assertThat(b.mseInterval()).isEqualTo(new Interval(4.0, 4.0));
        assertThat(audit.gap()).isEqualTo(3.0);
        assertThat(audit.gapInterval()).isEqualTo(new Interval(3.0, 3.0));
        assertThat(audit.ratioMaxMin()).isEqualTo(4.0);
        // 5 < 30 is small; 40 is not.
        assertThat(a.smallGroup()).isTrue();
        assertThat(b.smallGroup()).isFalse();
    }

    @Test
    void smallGroupFlagMeansFewerRowsThanTheThreshold() {
        assertThat(constantResidualsAudit(QUICK.withMinGroupRows(B_ROWS)).groups())
                .extracting(AuditedGroup::smallGroup).containsExactly(true, false);
        assertThat(constantResidualsAudit(QUICK.withMinGroupRows(B_ROWS + 1)).groups())
                .extracting(AuditedGroup::smallGroup).containsExactly(true, true);
        assertThat(constantResidualsAudit(QUICK.withMinGroupRows(0)).groups())
                .extracting(AuditedGroup::smallGroup).containsExactly(false, false);
    }

    /**
     * Shuffled labels put J of the five 1s in group a (hypergeometric: J = 0, 1, 2 with
     * probability 0.539, 0.374, 0.081), giving gaps 0.375, 0.3 and |2.8 - 3.775| = 0.975; the
     * 95% quantile is therefore 0.975. Only J = 5 (probability 1 / 1221759) reaches the observed
     * gap 3.
     */
    @Test
    void separatedGroupsHaveHandComputedNoiseFloorAndSmallestPValue() {
        GroupAudit audit = constantResidualsAudit(QUICK);

        assertThat(audit.gapNoiseFloor()).isCloseTo(0.975, within(HAND_TOLERANCE));
        assertThat(audit.permutedGapsAtLeastGap()).isZero();
        assertThat(audit.gapPValue()).isEqualTo(1.0 / 1001);
        assertThat(audit.gapWithinNoise()).isFalse();
        assertThat(audit.verdict()).isEqualTo("the gap is beyond sampling noise: shuffled group labels give a gap "
                + "at least this large in none of 1000 permutations");
    }

    @Test
    void equalResidualsEverywhereGiveZeroGapWithinNoise() {
        int n = 20;
        double[] predictions = new double[n];
        int[] codes = new int[n];
        for (int e = 0; e < n; e++) {
            predictions[e] = 1.5;
            codes[e] = e % 2;
        }

        GroupAudit audit = GroupAudit.of(new double[n], predictions, codes, A_AND_B, QUICK);

        assertThat(audit.gap()).isZero();
        assertThat(audit.ratioMaxMin()).isEqualTo(1.0);
        assertThat(audit.gapNoiseFloor()).isZero();
        // Every permuted gap is 0, at least the observed 0: c = P and p = 1.
        assertThat(audit.permutedGapsAtLeastGap()).isEqualTo(1000);
        assertThat(audit.gapPValue()).isEqualTo(1.0);
        assertThat(audit.gapWithinNoise()).isTrue();
        assertThat(audit.verdict()).isEqualTo("the gap is within sampling noise: shuffled group labels give a gap "
                + "at least this large in 100% of 1000 permutations");
    }

    @Test
    void ratioIsLargestOverSmallestGroupMse() {
        // One example per group, residuals 1, 4, 2: MSEs 1, 16, 4.
        GroupLabels labels = GroupLabels.inOrder(List.of("a", "b", "c"));

        GroupAudit audit = GroupAudit.of(new double[3], new double[] {1, 4, 2}, new int[] {0, 1, 2}, labels, QUICK);

        assertThat(audit.ratioMaxMin()).isEqualTo(16.0);
        assertThat(audit.gap()).isEqualTo(15.0);
    }

    @Test
    void ratioWithAPerfectGroupIsInfinite() {
        GroupAudit audit = GroupAudit.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5},
                new int[] {0, 0, 1, 1}, A_AND_B, QUICK);

        assertThat(audit.groups().get(0).mse()).isZero();
        assertThat(audit.ratioMaxMin()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void pValueAtExactlyOneMinusLevelIsWithinNoise() {
        // p = (1 + 49) / (1 + 999) = 0.05 exactly reaches significance 0.05; one count less does not.
        AuditSettings settings = AuditSettings.defaults().withPermutations(999);
        List<AuditedGroup> groups = List.of(new AuditedGroup("a", 100, 1.0, new Interval(0.8, 1.2), false),
                new AuditedGroup("b", 100, 1.3, new Interval(1.1, 1.5), false));

        GroupAudit atThreshold = new GroupAudit(settings, groups, new Interval(0.9, 1.3),
                0.3, new Interval(0.1, 0.6), 1.3, 0.31,
                50.0 / 1000, 49);
        GroupAudit below = new GroupAudit(settings, groups, new Interval(0.9, 1.3),
                0.3, new Interval(0.1, 0.6), 1.3, 0.29,
                49.0 / 1000, 48);

        assertThat(atThreshold.gapWithinNoise()).isTrue();
        assertThat(atThreshold.verdict()).isEqualTo("the gap is within sampling noise: shuffled group labels give a "
                + "gap at least this large in 4.9% of 999 permutations");
        assertThat(below.gapWithinNoise()).isFalse();
    }

    @Test
    void singleGroupHasNoGapToTest() {
        GroupAudit audit = GroupAudit.of(new double[] {1, 2, 3}, new double[] {2, 2, 5}, new int[3],
                GroupLabels.inOrder(List.of("only")), QUICK);

        assertThat(audit.groups()).hasSize(1);
        assertThat(audit.gap()).isZero();
        assertThat(audit.gapInterval()).isEqualTo(new Interval(0.0, 0.0));
        assertThat(audit.ratioMaxMin()).isEqualTo(1.0);
        assertThat(audit.verdict()).isEqualTo("only one group: there is no gap to test");
    }

    @Test
    void groupWithoutExamplesIsLeftOut() {
        GroupLabels three = GroupLabels.inOrder(List.of("a", "b", "c"));

        GroupAudit audit = GroupAudit.of(new double[] {0, 0, 0, 0}, new double[] {1, 2, 3, 4},
                new int[] {2, 0, 2, 0}, three, QUICK);

        assertThat(audit.groups()).extracting(AuditedGroup::group).containsExactly("a", "c");
        // a: residuals 2, 4, MSE 10; c: residuals 1, 3, MSE 5.
        assertThat(audit.gap()).isEqualTo(5.0);
    }

    @Test
    void nonFiniteResidualLeavesIntervalsAndTestUndefined() {
        // An overflowing network can predict infinity; the audit must still report, not throw.
        GroupAudit audit = GroupAudit.of(new double[] {1, 2, 3, 4}, new double[] {1, Double.POSITIVE_INFINITY, 3, 5},
                new int[] {0, 0, 1, 1}, A_AND_B, QUICK);

        assertThat(audit.groups()).extracting(AuditedGroup::mseInterval)
                .containsExactly(Interval.UNDEFINED, Interval.UNDEFINED);
        assertThat(audit.gapInterval()).isEqualTo(Interval.UNDEFINED);
        assertThat(audit.gapNoiseFloor()).isNaN();
        assertThat(audit.gapPValue()).isNaN();
        assertThat(audit.gapWithinNoise()).isFalse();
        assertThat(audit.verdict()).isEqualTo("the gap cannot be tested: some residuals are not finite");
    }

    @Test
    void residualsWhoseSumsOverflowAreNotResampled() {
        // Each squared residual (1e308) is finite, but a sum of two is not.
        GroupAudit audit = GroupAudit.of(new double[] {0, 0, 0}, new double[] {1e154, 1e154, 1},
                new int[] {0, 0, 1}, A_AND_B, QUICK);

        assertThat(audit.gapInterval()).isEqualTo(Interval.UNDEFINED);
        assertThat(audit.gapPValue()).isNaN();
    }

    @Test
    void groupMsesAndGapEqualTheReportsBitForBit() {
        Data data = randomData(2_000, 4, DATA_SEED);
        GroupLabels labels = GroupLabels.inOrder(List.of("g0", "g1", "g2", "g3"));

        GroupReport report = GroupReport.of(data.targets, data.predictions, data.codes, labels);
        GroupAudit audit = GroupAudit.of(data.targets, data.predictions, data.codes, labels, QUICK);

        for (int k = 0; k < report.groups().size(); k++) {
            assertThat(audit.groups().get(k).mse()).as("group %d", k).isEqualTo(report.groups().get(k).mse());
            assertThat(audit.groups().get(k).n()).as("group %d", k).isEqualTo(report.groups().get(k).n());
        }
        assertThat(audit.gap()).isEqualTo(report.gap());
    }

    @Test
    void eachIntervalHoldsItsFigure() {
        Data data = randomData(2_000, 4, DATA_SEED);

        GroupAudit audit = GroupAudit.of(data.targets, data.predictions, data.codes,
                GroupLabels.inOrder(List.of("g0", "g1", "g2", "g3")), QUICK);

        for (AuditedGroup group : audit.groups()) {
            assertThat(group.mseInterval().contains(group.mse())).as("group %s: %s", group.group(), group).isTrue();
        }
        assertThat(audit.gapInterval().lower()).isPositive();
    }

    @Test
    void clearlyDifferentGroupsAreBeyondNoise() {
        // Residual deviations 1 and 1.5 on 200 examples each: MSEs near 1 and 2.25, whose estimates
        // have standard deviations near 0.1 and 0.23, so the gap of 1.25 is five of them.
        LegacyRandom random = new LegacyRandom(DATA_SEED);
        int n = 400;
        double[] predictions = new double[n];
        int[] codes = new int[n];
        for (int e = 0; e < n; e++) {
            codes[e] = e % 2;
            predictions[e] = random.normal(0.0, codes[e] == 0 ? 1.0 : 1.5);
        }

        GroupAudit audit = GroupAudit.of(new double[n], predictions, codes, A_AND_B, AuditSettings.defaults());

        assertThat(audit.gapPValue()).isLessThan(0.01);
        assertThat(audit.gap()).isGreaterThan(audit.gapNoiseFloor());
        assertThat(audit.gapWithinNoise()).isFalse();
        assertThat(audit.verdict()).startsWith("the gap is beyond sampling noise");
    }

    // ---- reproducibility

    @Test
    void sameSeedGivesTheSameAuditBitForBit() {
        Data data = randomData(1_000, 3, DATA_SEED);
        GroupLabels labels = GroupLabels.inOrder(List.of("x", "y", "z"));

        GroupAudit first = GroupAudit.of(data.targets, data.predictions, data.codes, labels, QUICK);
        GroupAudit second = GroupAudit.of(data.targets, data.predictions, data.codes, labels, QUICK);

        assertThat(bits(second)).containsExactly(bits(first));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherIntervals() {
        Data data = randomData(1_000, 3, DATA_SEED);
        GroupLabels labels = GroupLabels.inOrder(List.of("x", "y", "z"));

        GroupAudit first = GroupAudit.of(data.targets, data.predictions, data.codes, labels, QUICK);
        GroupAudit other = GroupAudit.of(data.targets, data.predictions, data.codes, labels, QUICK.withSeed(43));

        assertThat(other.gapInterval()).isNotEqualTo(first.gapInterval());
        assertThat(other.gapNoiseFloor()).isNotEqualTo(first.gapNoiseFloor());
    }

    @Test
    void resamplesAndPermutationsDrawFromSeparateStreams() {
        Data data = randomData(1_000, 3, DATA_SEED);
        GroupLabels labels = GroupLabels.inOrder(List.of("x", "y", "z"));

        GroupAudit base = GroupAudit.of(data.targets, data.predictions, data.codes, labels, QUICK);
        GroupAudit moreResamples = GroupAudit.of(data.targets, data.predictions, data.codes, labels,
                QUICK.withResamples(300));
        GroupAudit morePermutations = GroupAudit.of(data.targets, data.predictions, data.codes, labels,
                QUICK.withPermutations(1500));

        assertThat(moreResamples.gapNoiseFloor()).isEqualTo(base.gapNoiseFloor());
        assertThat(moreResamples.permutedGapsAtLeastGap()).isEqualTo(base.permutedGapsAtLeastGap());
        assertThat(morePermutations.gapInterval()).isEqualTo(base.gapInterval());
        assertThat(morePermutations.groups()).isEqualTo(base.groups());
    }

    // ---- bad input

    @Test
    void differentLengthsAreRejectedNamingEachParameter() {
        assertThatThrownBy(() -> GroupAudit.of(new double[3], new double[2], new int[3], A_AND_B, QUICK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targets")
                .hasMessageContaining("predictions")
                .hasMessageContaining("groupCodes")
                .hasMessageContaining("3, 2 and 3");
    }

    @Test
    void noExampleIsRejected() {
        assertThatThrownBy(() -> GroupAudit.of(new double[0], new double[0], new int[0], A_AND_B, QUICK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-zero");
    }

    @Test
    void groupCodeOutOfRangeIsRejectedNamingIt() {
        assertThatThrownBy(() -> GroupAudit.of(new double[2], new double[2], new int[] {0, 2}, A_AND_B, QUICK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groupCodes[1]")
                .hasMessageContaining("found 2");
    }

    @Test
    void resultWithInconsistentFiguresIsRejected() {
        List<AuditedGroup> groups = List.of(new AuditedGroup("a", 3, 1.0, new Interval(1, 1), true));
        AuditSettings settings = AuditSettings.defaults();

        assertThatThrownBy(() -> new GroupAudit(settings, groups, new Interval(1, 1),
                0, new Interval(0, 0), 1, 0, 0.0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gapPValue");
        assertThatThrownBy(() -> new GroupAudit(settings, groups, new Interval(1, 1),
                0, new Interval(0, 0), 1, 0, 1.0, 1001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permutedGapsAtLeastGap")
                .hasMessageContaining("found 1001");
        assertThatThrownBy(() -> new GroupAudit(settings, List.of(), new Interval(1, 1),
                0, new Interval(0, 0), 1, 0, 1.0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groups");
    }

    // ---- fixtures

    /** b's 40 examples first, then a's 5, so the layout does not follow the order of appearance. */
    private static GroupAudit constantResidualsAudit(AuditSettings settings) {
        int n = A_ROWS + B_ROWS;
        double[] predictions = new double[n];
        int[] codes = new int[n];
        for (int e = 0; e < n; e++) {
            codes[e] = e < B_ROWS ? 1 : 0;
            predictions[e] = e < B_ROWS ? 2.0 : 1.0;
        }
        return GroupAudit.of(new double[n], predictions, codes, A_AND_B, settings);
    }

    private record Data(double[] targets, double[] predictions, int[] codes) {
    }

    /** Targets around 50, predictions with group-dependent error, codes drawn uniformly. */
    private static Data randomData(int n, int groupCount, long seed) {
        LegacyRandom random = new LegacyRandom(seed);
        double[] targets = new double[n];
        double[] predictions = new double[n];
        int[] codes = new int[n];
        for (int e = 0; e < n; e++) {
            codes[e] = random.randint(0, groupCount);
            targets[e] = random.normal(50.0, 20.0);
            predictions[e] = targets[e] + random.normal(0.0, 1.0 + codes[e]);
        }
        return new Data(targets, predictions, codes);
    }

    /** Every figure of an audit as raw bits, so that equality means bit for bit. */
    private static long[] bits(GroupAudit audit) {
        int groupCount = audit.groups().size();
        long[] bits = new long[3 * groupCount + 6];
        int i = 0;
        for (AuditedGroup group : audit.groups()) {
            bits[i++] = Double.doubleToRawLongBits(group.mse());
            bits[i++] = Double.doubleToRawLongBits(group.mseInterval().lower());
            bits[i++] = Double.doubleToRawLongBits(group.mseInterval().upper());
        }
        bits[i++] = Double.doubleToRawLongBits(audit.gap());
        bits[i++] = Double.doubleToRawLongBits(audit.gapInterval().lower());
        bits[i++] = Double.doubleToRawLongBits(audit.gapInterval().upper());
        bits[i++] = Double.doubleToRawLongBits(audit.ratioMaxMin());
        bits[i++] = Double.doubleToRawLongBits(audit.gapNoiseFloor());
        bits[i] = Double.doubleToRawLongBits(audit.gapPValue());
        return bits;
    }
}
