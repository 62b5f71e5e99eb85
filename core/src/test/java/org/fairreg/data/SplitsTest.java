package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.fairreg.random.LegacyRandom;
import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void recipeSplitsEqualSeedFiles() {
        SyntheticRegression source = SyntheticRegression.generate(
                RecipeData.EXAMPLE_COUNT,
                RecipeData.FEATURE_COUNT,
                RecipeData.NOISE,
                RecipeData.DATA_SEED,
                RecipeData.GROUP_COUNT,
                RecipeData.GROUP_SEED);
        Splits splits = Splits.threeWay(
                RecipeData.EXAMPLE_COUNT,
                RecipeData.TEST_FRACTION,
                RecipeData.VALIDATION_FRACTION,
                RecipeData.SPLIT_SEED);

        Splits.Parts parts = splits.apply(source.toDataset());

        assertPartEqualsSeedFile("train.csv.gz", source, splits.train(), parts.train());
        assertPartEqualsSeedFile("val.csv.gz", source, splits.validation(), parts.validation());
        assertPartEqualsSeedFile("test.csv.gz", source, splits.test(), parts.test());
    }

    @Test
    void partSizesAreCeilingsOfTheFractions() {
        Splits splits = Splits.threeWay(10, 0.5, 0.2, 0);

        assertThat(splits.test()).hasSize(5);
        assertThat(splits.validation()).hasSize(1);
        assertThat(splits.train()).hasSize(4);
    }

    @Test
    void testSizeIsTheCeilingOfTheDoubleProduct() {
        // 0.07 * 100 is 7.000000000000001 in double, so scikit-learn takes 8 test examples.
        Splits splits = Splits.threeWay(100, 0.07, 0.5, 1);

        assertThat(splits.test()).hasSize(8);
        assertThat(splits.validation()).hasSize(46);
        assertThat(splits.train()).hasSize(46);
    }

    @Test
    void partsFollowTheTwoPermutations() {
        int[] outer = new LegacyRandom(3).permutation(20);
        int[] inner = new LegacyRandom(3).permutation(14);

        Splits splits = Splits.threeWay(20, 0.3, 0.25, 3);

        assertThat(splits.test()).containsExactly(Arrays.copyOf(outer, 6));
        int[] validation = splits.validation();
        for (int e = 0; e < validation.length; e++) {
            assertThat(validation[e]).as("validation[%d]", e).isEqualTo(outer[6 + inner[e]]);
        }
        int[] train = splits.train();
        for (int e = 0; e < train.length; e++) {
            assertThat(train[e]).as("train[%d]", e).isEqualTo(outer[6 + inner[4 + e]]);
        }
    }

    @Test
    void partsAreDisjointAndCoverEveryExample() {
        Splits splits = Splits.threeWay(1_000, 0.3, 0.25, 5);

        int[] seen = new int[1_000];
        for (int[] part : new int[][] {splits.train(), splits.validation(), splits.test()}) {
            for (int index : part) {
                seen[index]++;
            }
        }

        assertThat(seen).containsOnly(1);
        assertThat(splits.exampleCount()).isEqualTo(1_000);
    }

    @Test
    void accessorsReturnCopies() {
        Splits splits = Splits.threeWay(10, 0.5, 0.2, 0);

        splits.train()[0] = -1;
        splits.validation()[0] = -1;
        splits.test()[0] = -1;

        assertThat(splits.train()[0]).isNotNegative();
        assertThat(splits.validation()[0]).isNotNegative();
        assertThat(splits.test()[0]).isNotNegative();
    }

    @Test
    void fractionsOutsideTheOpenUnitIntervalAreRejected() {
        assertRejected(() -> Splits.threeWay(10, 0.0, 0.2, 0), "testFraction", "0.0");
        assertRejected(() -> Splits.threeWay(10, 1.0, 0.2, 0), "testFraction", "1.0");
        assertRejected(() -> Splits.threeWay(10, -0.1, 0.2, 0), "testFraction", "-0.1");
        assertRejected(() -> Splits.threeWay(10, Double.NaN, 0.2, 0), "testFraction", "NaN");
        assertRejected(() -> Splits.threeWay(10, 0.5, 1.5, 0), "validationFraction", "1.5");
        assertRejected(() -> Splits.threeWay(10, 0.5, 0.0, 0), "validationFraction", "0.0");
    }

    @Test
    void testFractionThatLeavesTooFewExamplesIsRejected() {
        assertRejected(() -> Splits.threeWay(3, 0.5, 0.2, 0), "testFraction", "0.5");
    }

    @Test
    void validationFractionThatLeavesNoTrainingExampleIsRejected() {
        assertRejected(() -> Splits.threeWay(10, 0.5, 0.9, 0), "validationFraction", "0.9");
    }

    @Test
    void tooFewExamplesAreRejected() {
        assertRejected(() -> Splits.threeWay(2, 0.3, 0.3, 0), "exampleCount", "2");
    }

    @Test
    void seedOutOfRangeIsRejected() {
        assertRejected(() -> Splits.threeWay(10, 0.5, 0.2, -1), "seed", "-1");
    }

    @Test
    void datasetOfAnotherSizeIsRejected() {
        Dataset data = SyntheticRegression.generate(12, 2, 0.1, 1, 2, 1).toDataset();
        Splits splits = Splits.threeWay(10, 0.5, 0.2, 0);

        assertThatThrownBy(() -> splits.apply(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("data ")
                .hasMessageContaining("10")
                .hasMessageContaining("12");
    }

    private static void assertPartEqualsSeedFile(
            String file,
            SyntheticRegression source,
            int[] indices,
            Dataset part) {
        SeedFiles.Table expected = SeedFiles.readCsv(file);

        assertThat(part.size()).as(file).isEqualTo(expected.size());
        for (int f = 0; f < source.featureCount(); f++) {
            String column = file + " x" + f;
            SeedFiles.assertClose(column, pick(source.column(f), indices), expected.features()[f]);
            SeedFiles.assertClose(column, part.features().column(f), expected.features()[f]);
        }
        SeedFiles.assertClose(file + " y", part.targets(), expected.targets());
        assertThat(part.groupCodes()).as(file + " g").containsExactly(expected.groups());
    }

    private static double[] pick(double[] values, int[] indices) {
        double[] picked = new double[indices.length];
        for (int e = 0; e < indices.length; e++) {
            picked[e] = values[indices[e]];
        }
        return picked;
    }

    private static void assertRejected(Runnable call, String parameter, String value) {
        assertThatThrownBy(call::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(parameter + " ")
                .hasMessageContaining(value);
    }
}
