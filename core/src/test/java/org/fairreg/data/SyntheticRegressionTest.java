package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticRegressionTest {

    /** Relative difference allowed between a noise-free target and the model it comes from. */
    private static final double LINEAR_RELATIVE_TOLERANCE = 1e-12;

    private static SyntheticRegression generated;

    @BeforeAll
    static void generateRecipeData() {
        generated = SyntheticRegression.generate(
                RecipeData.EXAMPLE_COUNT,
                RecipeData.FEATURE_COUNT,
                RecipeData.NOISE,
                RecipeData.DATA_SEED,
                RecipeData.GROUP_COUNT,
                RecipeData.GROUP_SEED);
    }

    @Test
    void recipeDataEqualsSeedFile() {
        SeedFiles.Table expected = SeedFiles.readCsv("all.csv.gz");

        assertThat(generated.exampleCount()).isEqualTo(expected.size());
        assertThat(generated.featureCount()).isEqualTo(expected.features().length);
        for (int f = 0; f < generated.featureCount(); f++) {
            SeedFiles.assertClose("x" + f, generated.column(f), expected.features()[f]);
        }
        SeedFiles.assertClose("y", generated.targets(), expected.targets());
        assertThat(generated.groups()).containsExactly(expected.groups());
    }

    @Test
    void coefficientsEqualSeedFile() {
        // The coefficients are uniform draws scaled by 100 with no logarithm or sum involved, so
        // they equal numpy's exactly.
        assertThat(generated.coefficients()).containsExactly(SeedFiles.readCoefficients());
    }

    @Test
    void datasetHoldsTheGeneratedValues() {
        Dataset data = generated.toDataset();

        assertThat(data.size()).isEqualTo(RecipeData.EXAMPLE_COUNT);
        assertThat(data.features().names())
                .containsExactly("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");
        assertThat(data.targetName()).isEqualTo("y");
        assertThat(data.groupName()).isEqualTo("g");
        assertThat(data.groups().labels()).containsExactly("0", "1");
        assertThat(data.targets()).containsExactly(generated.targets());
        assertThat(data.groupCodes()).containsExactly(generated.groups());
        for (int f = 0; f < generated.featureCount(); f++) {
            double[] source = generated.column(f);
            float[] column = data.features().column(f);
            for (int e = 0; e < source.length; e++) {
                assertThat(column[e]).as("x%d of example %d", f, e).isEqualTo((float) source[e]);
            }
        }
    }

    @Test
    void datasetLabelsEveryGroupEvenWithoutExamples() {
        SyntheticRegression small = SyntheticRegression.generate(3, 2, 0.1, 1, 12, 1);

        assertThat(small.toDataset().groups().labels())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    }

    @Test
    void accessorsReturnCopies() {
        generated.targets()[0] = Double.NaN;
        generated.features()[0][0] = Double.NaN;
        generated.column(0)[0] = Double.NaN;
        generated.coefficients()[0] = Double.NaN;
        generated.groups()[0] = -1;

        assertThat(generated.targets()[0]).isNotNaN();
        assertThat(generated.column(0)[0]).isNotNaN();
        assertThat(generated.coefficients()[0]).isNotNaN();
        assertThat(generated.groups()[0]).isNotNegative();
    }

    @Test
    void sameArgumentsGiveTheSameProblem() {
        SyntheticRegression first = SyntheticRegression.generate(50, 3, 1.5, 99, 3, 5);
        SyntheticRegression second = SyntheticRegression.generate(50, 3, 1.5, 99, 3, 5);

        assertThat(second.features()).isDeepEqualTo(first.features());
        assertThat(second.targets()).containsExactly(first.targets());
        assertThat(second.coefficients()).containsExactly(first.coefficients());
        assertThat(second.groups()).containsExactly(first.groups());
    }

    @Test
    void zeroNoiseMakesTargetsLinearInTheFeatures() {
        SyntheticRegression noiseless = SyntheticRegression.generate(200, 4, 0.0, 17, 2, 17);

        double[] coefficients = noiseless.coefficients();
        double[] targets = noiseless.targets();
        for (int e = 0; e < targets.length; e++) {
            double model = 0.0;
            for (int f = 0; f < coefficients.length; f++) {
                model += noiseless.column(f)[e] * coefficients[f];
            }
            assertThat(targets[e]).as("target of example %d", e)
                    .isCloseTo(model, within(LINEAR_RELATIVE_TOLERANCE * Math.abs(model)));
        }
    }

    @Test
    void groupsDependOnlyOnTheGroupSeed() {
        SyntheticRegression one = SyntheticRegression.generate(100, 2, 0.5, 1, 4, 8);
        SyntheticRegression other = SyntheticRegression.generate(100, 5, 3.0, 2, 4, 8);

        assertThat(other.groups()).containsExactly(one.groups());
        assertThat(one.groups()).containsOnly(0, 1, 2, 3);
    }

    @Test
    void singleGroupPutsEveryExampleInGroupZero() {
        SyntheticRegression single = SyntheticRegression.generate(30, 2, 0.5, 1, 1, 8);

        assertThat(single.groups()).containsOnly(0);
        assertThat(single.groupCount()).isEqualTo(1);
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirNameAndValue() {
        assertRejected(() -> SyntheticRegression.generate(0, 2, 0.1, 1, 2, 1),
                "exampleCount", "0");
        assertRejected(() -> SyntheticRegression.generate(5, -1, 0.1, 1, 2, 1),
                "featureCount", "-1");
        assertRejected(() -> SyntheticRegression.generate(5, 2, -0.5, 1, 2, 1),
                "noise", "-0.5");
        assertRejected(() -> SyntheticRegression.generate(5, 2, Double.NaN, 1, 2, 1),
                "noise", "NaN");
        assertRejected(() -> SyntheticRegression.generate(5, 2, Double.POSITIVE_INFINITY, 1, 2, 1),
                "noise", "Infinity");
        assertRejected(() -> SyntheticRegression.generate(5, 2, 0.1, -7, 2, 1),
                "seed", "-7");
        assertRejected(() -> SyntheticRegression.generate(5, 2, 0.1, 1, 0, 1),
                "groupCount", "0");
        assertRejected(() -> SyntheticRegression.generate(5, 2, 0.1, 1, 2, 1L << 32),
                "groupSeed", "4294967296");
        assertRejected(() -> SyntheticRegression.generate(100_000, 100_000, 0.1, 1, 2, 1),
                "exampleCount * featureCount", "100000 * 100000");
    }

    private static void assertRejected(Runnable call, String parameter, String value) {
        assertThatThrownBy(call::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(parameter + " ")
                .hasMessageContaining(value);
    }
}
