package org.fairreg.data;

import org.fairreg.random.LegacyRandom;

/**
 * A division of examples into train, validation and test parts, made as the recipe makes it with
 * scikit-learn's {@code train_test_split}.
 *
 * <p>{@code train_test_split(test_size=fraction, random_state=seed)} on {@code n} examples takes
 * {@code nTest = ceil(fraction * n)} (the product computed in {@code double}) and
 * {@code perm = RandomState(seed).permutation(n)}; the test part is {@code perm[0 .. nTest)} and
 * the rest is {@code perm[nTest .. n)}, both in permutation order. {@link #threeWay} applies it
 * twice with the same seed, as the recipe does: first to all examples with the test fraction,
 * then to the rest with the validation fraction. With {@code rest} the indices left by the first
 * split and {@code inner} the permutation of the second, validation is
 * {@code rest[inner[0 .. nValidation)]} and train is {@code rest[inner[nValidation ..)]}.
 *
 * <p>Indices refer to the examples of the data split; each part keeps the order above, which is
 * the row order of the recipe's CSV files. Instances are immutable and thread-safe; accessors
 * return copies.
 */
public final class Splits {

    /** Smallest number of examples that leaves one example in each part. */
    private static final int MIN_EXAMPLES = 3;

    private final int exampleCount;
    private final int[] train;
    private final int[] validation;
    private final int[] test;

    private Splits(int exampleCount, int[] train, int[] validation, int[] test) {
        this.exampleCount = exampleCount;
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /**
     * Splits {@code exampleCount} examples into train, validation and test parts as described in
     * the class documentation.
     *
     * @param exampleCount the number of examples, at least 3
     * @param testFraction the share of all examples put in the test part, strictly between 0 and 1
     * @param validationFraction the share of the examples left after the test split put in the
     *        validation part, strictly between 0 and 1
     * @param seed the seed of both permutations, in {@code [0, 2^32 - 1]}
     * @return the split
     * @throws IllegalArgumentException if an argument breaks the rule given for it, or the
     *         fractions leave a part empty
     */
    public static Splits threeWay(
            int exampleCount,
            double testFraction,
            double validationFraction,
            long seed) {
        if (exampleCount < MIN_EXAMPLES) {
            throw new IllegalArgumentException("exampleCount must be at least " + MIN_EXAMPLES
                    + " so that each part holds an example, found " + exampleCount);
        }
        checkFraction("testFraction", testFraction);
        checkFraction("validationFraction", validationFraction);
        LegacyRandom.checkSeed("seed", seed);
        int testCount = partCount(testFraction, exampleCount);
        int restCount = exampleCount - testCount;
        if (restCount < 2) {
            throw new IllegalArgumentException("testFraction must leave at least 2 of the "
                    + exampleCount + " examples for training and validation, found " + testFraction
                    + ", which leaves " + restCount);
        }
        int validationCount = partCount(validationFraction, restCount);
        if (validationCount == restCount) {
            throw new IllegalArgumentException("validationFraction must leave at least 1 of the "
                    + restCount + " examples left after the test split for training, found "
                    + validationFraction + ", which leaves 0");
        }

        int[] outer = new LegacyRandom(seed).permutation(exampleCount);
        int[] inner = new LegacyRandom(seed).permutation(restCount);

        int[] test = new int[testCount];
        System.arraycopy(outer, 0, test, 0, testCount);
        int[] validation = new int[validationCount];
        for (int e = 0; e < validationCount; e++) {
            validation[e] = outer[testCount + inner[e]];
        }
        int[] train = new int[restCount - validationCount];
        for (int e = 0; e < train.length; e++) {
            train[e] = outer[testCount + inner[validationCount + e]];
        }
        return new Splits(exampleCount, train, validation, test);
    }

    /** @return the number of examples split */
    public int exampleCount() {
        return exampleCount;
    }

    /** @return a copy of the indices of the train examples, in split order */
    public int[] train() {
        return train.clone();
    }

    /** @return a copy of the indices of the validation examples, in split order */
    public int[] validation() {
        return validation.clone();
    }

    /** @return a copy of the indices of the test examples, in split order */
    public int[] test() {
        return test.clone();
    }

    /**
     * Cuts a dataset into its three parts, through {@link Dataset#rows(int[])}.
     *
     * @param data the dataset split, with {@link #exampleCount()} examples
     * @return the parts, new datasets sharing the groups of {@code data}
     * @throws IllegalArgumentException if {@code data} does not have {@link #exampleCount()}
     *         examples
     */
    public Parts apply(Dataset data) {
        if (data.size() != exampleCount) {
            throw new IllegalArgumentException("data must have the " + exampleCount
                    + " examples these splits were made for, found " + data.size());
        }
        return new Parts(data.rows(train), data.rows(validation), data.rows(test));
    }

    private static void checkFraction(String name, double fraction) {
        if (!(fraction > 0.0 && fraction < 1.0)) {
            throw new IllegalArgumentException(
                    name + " must be strictly between 0 and 1, found " + fraction);
        }
    }

    /** The size of the part taken first: {@code ceil(fraction * count)}, as scikit-learn has it. */
    private static int partCount(double fraction, int count) {
        return (int) Math.ceil(fraction * count);
    }

    /**
     * The three datasets cut from one dataset by a {@link Splits}.
     *
     * @param train the examples to fit on
     * @param validation the examples to choose the stopping epoch and settings on
     * @param test the examples to report on
     */
    public record Parts(Dataset train, Dataset validation, Dataset test) {
    }
}
