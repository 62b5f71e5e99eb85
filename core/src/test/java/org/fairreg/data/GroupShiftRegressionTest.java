package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fairreg.random.LegacyRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupShiftRegressionTest {

    /**
     * Standard deviations of a binomial count allowed between a group's size and its expected
     * size. The draws are seeded, so a pass is a pass for good; 5 leaves room for any seed while a
     * share off by a tenth of itself on 20000 examples still fails.
     */
    private static final double BINOMIAL_SIGMAS = 5.0;

    /**
     * Smallest ratio of the minority's to the majority's mean squared error that a least-squares
     * fit on all examples must leave on the default data. The population formula of the class
     * Javadoc gives 25.9 for the default seed and about 27 on average over seeds
     * ({@code (0.8^2 * 0.25 * 10 + 2 + 0.4^2) / (0.2^2 * 0.25 * 10 + 0.2^2)}); 10 leaves room for
     * sampling while still asserting the several-fold gap the generator exists for.
     */
    private static final double MIN_LEAST_SQUARES_ERROR_RATIO = 10.0;

    /**
     * Relative difference allowed between a group's least-squares error on 20000 examples and the
     * population value: the estimate's relative standard deviation is about sqrt(2 / n_k), 2% for
     * the 4000 minority examples, and the fit itself uses 11 degrees of freedom.
     */
    private static final double POPULATION_RELATIVE_TOLERANCE = 0.1;

    /**
     * Relative difference allowed between a coefficient and numpy's: normal variates may differ
     * in the last bits ({@link LegacyRandom#standardNormal()}), by less than 5e-16.
     */
    private static final double NUMPY_RELATIVE_TOLERANCE = 1e-15;

    /** A small case with every effect switched on and three groups, one of them tiny. */
    private static final GroupShiftSettings SMALL = GroupShiftSettings.defaults()
            .withExampleCount(57)
            .withFeatureCount(3)
            .withShares(0.5, 0.3, 0.2)
            .withNoise(0.7)
            .withShift(1.5)
            .withCurvature(0.8)
            .withNoiseRatio(3.0)
            .withSeed(2024);

    private static GroupShiftRegression defaults;

    @BeforeAll
    static void generateDefaults() {
        defaults = GroupShiftRegression.generate(GroupShiftSettings.defaults());
    }

    @Test
    void sameSettingsGiveTheSameProblemBitForBit() {
        GroupShiftRegression first = GroupShiftRegression.generate(SMALL);
        GroupShiftRegression second = GroupShiftRegression.generate(SMALL);

        for (int f = 0; f < first.featureCount(); f++) {
            assertThat(bits(second.column(f))).as("x%d", f).containsExactly(bits(first.column(f)));
        }
        assertThat(bits(second.targets())).containsExactly(bits(first.targets()));
        assertThat(bits(second.noise())).containsExactly(bits(first.noise()));
        assertThat(second.groups()).containsExactly(first.groups());
        for (int k = 0; k < first.groupCount(); k++) {
            assertThat(bits(second.coefficients(k))).as("group %d", k)
                    .containsExactly(bits(first.coefficients(k)));
        }
    }

    @Test
    void anotherSeedGivesOtherData() {
        GroupShiftRegression other = GroupShiftRegression.generate(SMALL.withSeed(2025));

        assertThat(other.targets()).isNotEqualTo(GroupShiftRegression.generate(SMALL).targets());
    }

    @Test
    void drawsFollowTheDocumentedOrderExactly() {
        GroupShiftRegression problem = GroupShiftRegression.generate(SMALL);
        int n = SMALL.exampleCount();
        int p = SMALL.featureCount();
        LegacyRandom random = new LegacyRandom(SMALL.seed());

        double[] base = new double[p];
        for (int f = 0; f < p; f++) {
            base[f] = random.standardNormal();
        }
        assertThat(bits(problem.coefficients(0))).containsExactly(bits(base));
        for (int k = 1; k < SMALL.groupCount(); k++) {
            double[] beta = new double[p];
            for (int f = 0; f < p; f++) {
                beta[f] = base[f] + SMALL.shift() * random.standardNormal();
            }
            assertThat(bits(problem.coefficients(k))).as("group %d", k).containsExactly(bits(beta));
        }
        // Thresholds 0.5 and 0.5 + 0.3 of the three shares; the last group takes the rest.
        int[] groups = problem.groups();
        for (int e = 0; e < n; e++) {
            double u = random.randomSample();
            int expected = u < 0.5 ? 0 : u < 0.5 + 0.3 ? 1 : 2;
            assertThat(groups[e]).as("group of example %d", e).isEqualTo(expected);
        }
        double[][] features = problem.features();
        for (int e = 0; e < n; e++) {
            for (int f = 0; f < p; f++) {
                assertThat(features[f][e]).as("x%d of example %d", f, e).isEqualTo(random.standardNormal());
            }
        }
        double[] noise = problem.noise();
        for (int e = 0; e < n; e++) {
            double scale = groups[e] == 0 ? SMALL.noise() : SMALL.noiseRatio() * SMALL.noise();
            assertThat(noise[e]).as("noise of example %d", e).isEqualTo(scale * random.standardNormal());
        }
    }

    @Test
    void targetsEqualTheStatedFormulaOnTheExposedParts() {
        GroupShiftRegression problem = GroupShiftRegression.generate(SMALL);
        double[][] x = problem.features();
        double[] noise = problem.noise();
        int[] groups = problem.groups();

        assertThat(problem.curvature(0)).isZero();
        assertThat(problem.noiseScale(0)).isEqualTo(SMALL.noise());
        for (int k = 1; k < problem.groupCount(); k++) {
            assertThat(problem.curvature(k)).isEqualTo(SMALL.curvature());
            assertThat(problem.curvedFeature(k)).isEqualTo(k % SMALL.featureCount());
            assertThat(problem.noiseScale(k)).isEqualTo(SMALL.noiseRatio() * SMALL.noise());
        }
        double[] targets = problem.targets();
        for (int e = 0; e < targets.length; e++) {
            int k = groups[e];
            double[] beta = problem.coefficients(k);
            double linear = 0.0;
            for (int f = 0; f < beta.length; f++) {
                linear += x[f][e] * beta[f];
            }
            double curved = x[problem.curvedFeature(k)][e];
            double expected = linear + problem.curvature(k) * (curved * curved - 1.0) + noise[e];
            assertThat(targets[e]).as("target of example %d (group %d)", e, k).isEqualTo(expected);
        }
    }

    @Test
    void coefficientsAndGroupsEqualNumpy() {
        // numpy 2.4.6: rs = RandomState(42); b = rs.standard_normal(3);
        // b + 0.5 * rs.standard_normal(3) twice; then searchsorted on cumsum([0.5, 0.3, 0.2])[:-1]
        // of rs.random_sample(30), side='right'.
        GroupShiftRegression problem = GroupShiftRegression.generate(GroupShiftSettings.defaults()
                .withExampleCount(30).withFeatureCount(3).withShares(0.5, 0.3, 0.2).withSeed(42));
        double[][] numpyCoefficients = {
            {0.4967141530112327, -0.13826430117118466, 0.6476885381006925},
            {1.2582290812152452, -0.25534098853285264, 0.5306200596261023},
            {1.2863205607649284, 0.24545306340526973, 0.4129513451332164}};
        int[] numpyGroups = {
            0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 2, 2, 2, 0, 0, 1, 0, 0, 0, 0, 2};

        for (int k = 0; k < numpyCoefficients.length; k++) {
            double[] coefficients = problem.coefficients(k);
            for (int f = 0; f < coefficients.length; f++) {
                double want = numpyCoefficients[k][f];
                assertThat(coefficients[f]).as("coefficient %d of group %d", f, k)
                        .isCloseTo(want, within(NUMPY_RELATIVE_TOLERANCE * Math.abs(want)));
            }
        }
        assertThat(problem.groups()).containsExactly(numpyGroups);
    }

    @Test
    void groupSizesStayWithinBinomialToleranceOfTheShares() {
        double[] shares = {0.6, 0.3, 0.1};
        GroupShiftRegression problem = GroupShiftRegression.generate(
                GroupShiftSettings.defaults().withShares(shares).withSeed(7));

        int n = problem.exampleCount();
        int[] counts = new int[shares.length];
        for (int group : problem.groups()) {
            counts[group]++;
        }
        for (int k = 0; k < shares.length; k++) {
            double expected = n * shares[k];
            double sigma = Math.sqrt(n * shares[k] * (1.0 - shares[k]));
            assertThat((double) counts[k]).as("size of group %d", k)
                    .isCloseTo(expected, within(BINOMIAL_SIGMAS * sigma));
        }
    }

    @Test
    void noShiftCurvatureOrExtraNoiseGivesEveryGroupTheBaseModel() {
        GroupShiftRegression flat = GroupShiftRegression.generate(
                SMALL.withShift(0.0).withCurvature(0.0).withNoiseRatio(1.0));

        for (int k = 1; k < flat.groupCount(); k++) {
            assertThat(flat.coefficients(k)).as("group %d", k).containsExactly(flat.coefficients(0));
            assertThat(flat.curvature(k)).isZero();
            assertThat(flat.noiseScale(k)).isEqualTo(flat.noiseScale(0));
        }
    }

    /**
     * The group effect is real: ordinary least squares with an intercept, fitted on all examples
     * without the group, leaves the minority with many times the majority's error, close to what
     * the class Javadoc's formula predicts from the exposed coefficients.
     */
    @Test
    void leastSquaresFitOnAllExamplesLeavesTheMinorityWithSeveralTimesTheMajorityError() {
        double[][] x = defaults.features();
        double[] y = defaults.targets();
        int[] groups = defaults.groups();

        double[] weights = LeastSquares.fitWithIntercept(x, y);
        double[] squaredErrorSums = new double[2];
        int[] counts = new int[2];
        for (int e = 0; e < y.length; e++) {
            double prediction = weights[0];
            for (int f = 0; f < x.length; f++) {
                prediction += weights[f + 1] * x[f][e];
            }
            double residual = prediction - y[e];
            squaredErrorSums[groups[e]] += residual * residual;
            counts[groups[e]]++;
        }
        double majority = squaredErrorSums[0] / counts[0];
        double minority = squaredErrorSums[1] / counts[1];

        assertThat(minority / majority).as("minority MSE %s / majority MSE %s", minority, majority)
                .isGreaterThanOrEqualTo(MIN_LEAST_SQUARES_ERROR_RATIO);
        // The pooled linear fit takes b + 0.2 (beta_1 - b) and cannot use the curved term.
        double shiftSquared = 0.0;
        double[] base = defaults.coefficients(0);
        double[] shifted = defaults.coefficients(1);
        for (int f = 0; f < base.length; f++) {
            shiftSquared += (shifted[f] - base[f]) * (shifted[f] - base[f]);
        }
        double gamma = defaults.curvature(1);
        double expectedMajority = 0.2 * 0.2 * shiftSquared + Math.pow(defaults.noiseScale(0), 2);
        double expectedMinority = 0.8 * 0.8 * shiftSquared + 2.0 * gamma * gamma
                + Math.pow(defaults.noiseScale(1), 2);
        assertThat(majority).isCloseTo(expectedMajority,
                within(POPULATION_RELATIVE_TOLERANCE * expectedMajority));
        assertThat(minority).isCloseTo(expectedMinority,
                within(POPULATION_RELATIVE_TOLERANCE * expectedMinority));
    }

    @Test
    void datasetHasTheFeaturesTargetAndGroupButNotTheGroupAmongTheFeatures() {
        GroupShiftRegression problem = GroupShiftRegression.generate(SMALL);

        Dataset data = problem.toDataset();

        assertThat(data.features().names()).containsExactly("x0", "x1", "x2");
        assertThat(data.targetName()).isEqualTo("y");
        assertThat(data.groupName()).isEqualTo("g");
        assertThat(data.groups().labels()).containsExactly("0", "1", "2");
        assertThat(data.targets()).containsExactly(problem.targets());
        assertThat(data.groupCodes()).containsExactly(problem.groups());
        for (int f = 0; f < problem.featureCount(); f++) {
            double[] source = problem.column(f);
            float[] column = data.features().column(f);
            for (int e = 0; e < source.length; e++) {
                assertThat(column[e]).as("x%d of example %d", f, e).isEqualTo((float) source[e]);
            }
        }
    }

    @Test
    void accessorsReturnCopies() {
        GroupShiftRegression problem = GroupShiftRegression.generate(SMALL);

        problem.targets()[0] = Double.NaN;
        problem.features()[0][0] = Double.NaN;
        problem.column(0)[0] = Double.NaN;
        problem.coefficients(0)[0] = Double.NaN;
        problem.noise()[0] = Double.NaN;
        problem.groups()[0] = -1;

        assertThat(problem.targets()[0]).isNotNaN();
        assertThat(problem.column(0)[0]).isNotNaN();
        assertThat(problem.coefficients(0)[0]).isNotNaN();
        assertThat(problem.noise()[0]).isNotNaN();
        assertThat(problem.groups()[0]).isNotNegative();
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
