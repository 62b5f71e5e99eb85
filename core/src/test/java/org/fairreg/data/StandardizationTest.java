package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizationTest {

    /** Means and deviations of small whole numbers take a few roundings each. */
    private static final double FIT_TOLERANCE = 1e-14;

    /** Relative rounding of one {@code float} conversion. */
    private static final double FLOAT_EPSILON = Math.ulp(1f);

    /**
     * x0: 1..8, mean 4.5, population variance (3.5^2 + 2.5^2 + 1.5^2 + 0.5^2) * 2 / 8 = 5.25.
     * x1: 3 everywhere, no spread. y: 2, 4, 4, 4, 5, 5, 7, 9, mean 5, population deviation 2.
     */
    private static Dataset small() {
        float[][] columns = {{1, 2, 3, 4, 5, 6, 7, 8}, {3, 3, 3, 3, 3, 3, 3, 3}};
        double[] targets = {2, 4, 4, 4, 5, 5, 7, 9};
        return dataset(columns, targets);
    }

    private static Dataset dataset(float[][] columns, double[] targets) {
        List<String> names = columns.length == 1 ? List.of("x0") : List.of("x0", "x1");
        return new Dataset(new FeatureTable(names, columns), "y", targets, "g", new int[targets.length],
                GroupLabels.inOrder(List.of("0")));
    }

    // ---- fit

    @Test
    void fitUsesMeanAndPopulationDeviation() {
        Standardization fitted = Standardization.fit(small(), true, true);

        assertThat(fitted.featureMeans()[0]).isCloseTo(4.5, within(FIT_TOLERANCE));
        assertThat(fitted.featureScales()[0]).isCloseTo(Math.sqrt(5.25), within(FIT_TOLERANCE));
        assertThat(fitted.targetMean()).isCloseTo(5.0, within(FIT_TOLERANCE));
        assertThat(fitted.targetScale()).isCloseTo(2.0, within(FIT_TOLERANCE));
        assertThat(fitted.standardizesFeatures()).isTrue();
        assertThat(fitted.standardizesTarget()).isTrue();
    }

    @Test
    void constantFeatureKeepsScaleOneAndBecomesZero() {
        Standardization fitted = Standardization.fit(small(), true, true);

        assertThat(fitted.featureMeans()[1]).isEqualTo(3.0);
        assertThat(fitted.featureScales()[1]).isEqualTo(1.0);
        assertThat(fitted.applyToFeatures(small().features()).column(1)).containsOnly(0f);
    }

    @Test
    void constantTargetKeepsScaleOne() {
        Dataset data = dataset(new float[][] {{1, 2, 3}}, new double[] {5, 5, 5});

        Standardization fitted = Standardization.fit(data, false, true);

        assertThat(fitted.targetMean()).isEqualTo(5.0);
        assertThat(fitted.targetScale()).isEqualTo(1.0);
    }

    @Test
    void constantTargetWhoseMeanRoundsAwayKeepsScaleOne() {
        // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in double, so the computed mean is
        // 0.10000000000000002 and the computed deviation about 1.4e-17 instead of 0. The target
        // has no spread and must keep scale 1 (it would otherwise standardize to -1, not 0).
        Dataset data = dataset(new float[][] {{1, 2, 3}}, new double[] {0.1, 0.1, 0.1});

        Standardization fitted = Standardization.fit(data, false, true);

        assertThat(fitted.targetScale()).isEqualTo(1.0);
        for (float standardized : fitted.applyToTargets(data.targets())) {
            assertThat(standardized).isCloseTo(0f, within(1e-15f));
        }
    }

    @Test
    void fitWithoutFeaturesOrTargetLeavesThemUnchanged() {
        Standardization fitted = Standardization.fit(small(), false, false);

        assertThat(fitted.featureMeans()).containsExactly(0.0, 0.0);
        assertThat(fitted.featureScales()).containsExactly(1.0, 1.0);
        assertThat(fitted.targetMean()).isZero();
        assertThat(fitted.targetScale()).isEqualTo(1.0);
        assertThat(fitted.standardizesFeatures()).isFalse();
        assertThat(fitted.standardizesTarget()).isFalse();
    }

    // ---- apply and restore

    @Test
    void applyToFeaturesGivesZeroMeanUnitDeviation() {
        Dataset data = small();
        Standardization fitted = Standardization.fit(data, true, false);

        float[] scaled = fitted.applyToFeatures(data.features()).column(0);

        double mean = 0;
        double squares = 0;
        for (float value : scaled) {
            mean += value;
            squares += value * value;
        }
        assertThat(mean / scaled.length).isCloseTo(0.0, within(FLOAT_EPSILON));
        assertThat(squares / scaled.length).isCloseTo(1.0, within(8 * FLOAT_EPSILON));
        assertThat(data.features().column(0)).as("input left alone").containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void identityReturnsTheSameFeatureTable() {
        FeatureTable features = small().features();

        FeatureTable result = Standardization.identity(2).applyToFeatures(features);

        assertThat(result).isSameAs(features);
        assertThat(Standardization.identity(2).standardizesTarget()).isFalse();
        assertThat(Standardization.identity(2).restoreTarget(1.25)).isEqualTo(1.25);
    }

    @Test
    void applyToFeaturesRejectsWrongFeatureCount() {
        FeatureTable oneColumn = new FeatureTable(List.of("x0"), new float[][] {{1, 2}});

        assertThatThrownBy(() -> Standardization.identity(2).applyToFeatures(oneColumn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features")
                .hasMessageContaining("2")
                .hasMessageContaining("1");
    }

    @Test
    void targetsRoundTripWithinFloatRounding() {
        Standardization transform = new Standardization(new double[] {0}, new double[] {1}, 1234.5, 17.25);
        double[] targets = {1234.5, 0.0, -50.125, 1e4, 1234.6, 3.3};

        float[] scaled = transform.applyToTargets(targets);

        for (int e = 0; e < targets.length; e++) {
            double z = (targets[e] - 1234.5) / 17.25;
            assertThat((double) scaled[e]).as("scaled[%d]", e)
                    .isCloseTo(z, within(FLOAT_EPSILON * Math.abs(z)));
            double allowed = FLOAT_EPSILON * Math.abs(targets[e] - 1234.5) + Math.ulp(targets[e]) + Math.ulp(1234.5);
            assertThat(transform.restoreTarget(scaled[e])).as("restored[%d]", e)
                    .isCloseTo(targets[e], within(allowed));
        }
        assertThat(transform.restoreTarget(0.0)).isEqualTo(1234.5);
    }

    // ---- construction

    @Test
    void constructorRejectsZeroScaleNamingIt() {
        assertThatThrownBy(() -> new Standardization(new double[] {0, 0}, new double[] {1, 0}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("featureScales[1]")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new Standardization(new double[] {0}, new double[] {1}, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetScale");
        assertThatThrownBy(() -> new Standardization(new double[] {0}, new double[] {-2}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("featureScales[0]")
                .hasMessageContaining("-2");
    }

    @Test
    void constructorRejectsNonFiniteValuesNamingThem() {
        assertThatThrownBy(() -> new Standardization(new double[] {0, Double.NaN}, new double[] {1, 1}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("featureMeans[1]")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Standardization(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("featureScales[0]");
        assertThatThrownBy(() -> new Standardization(new double[] {0}, new double[] {1}, Double.NEGATIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetMean");
        assertThatThrownBy(() -> new Standardization(new double[] {0}, new double[] {1}, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetScale");
    }

    @Test
    void constructorRejectsDifferentLengthsNamingBoth() {
        assertThatThrownBy(() -> new Standardization(new double[2], new double[] {1}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("featureMeans")
                .hasMessageContaining("featureScales")
                .hasMessageContaining("2 and 1");
    }

    @Test
    void constructorCopiesItsArrays() {
        double[] means = {1};
        double[] scales = {2};
        Standardization transform = new Standardization(means, scales, 0, 1);

        means[0] = 100;
        scales[0] = 200;
        transform.featureMeans()[0] = 300;

        assertThat(transform.featureMeans()).containsExactly(1.0);
        assertThat(transform.featureScales()).containsExactly(2.0);
    }
}
