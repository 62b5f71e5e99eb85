package org.fairreg.data;

/**
 * The data of the recipe fairreg starts from, built in: a {@link SyntheticRegression} of 20000
 * examples and 10 features with two random groups, split into 8000 train, 2000 validation and
 * 10000 test examples.
 *
 * <p>In Python the recipe is
 * <pre>
 *   X, y = make_regression(n_samples=20000, n_features=10, noise=0.2, random_state=42)
 *   g = RandomState(7).randint(0, 2, size=20000)
 *   rest, test = train_test_split(arange(20000), test_size=0.5, random_state=42)
 *   train, val = train_test_split(rest, test_size=0.2, random_state=42)
 * </pre>
 * The original recipe draws its groups without a seed; seed 7 makes them reproducible, as in
 * the seed data files ({@code make_seed_data.py}), which {@link #generate()} equals value for
 * value (features as {@code float}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RecipeData {

    /** Number of examples generated ({@code n_samples}). */
    public static final int EXAMPLE_COUNT = 20_000;

    /** Number of features, all informative ({@code n_features}). */
    public static final int FEATURE_COUNT = 10;

    /** Standard deviation of the noise added to the target. */
    public static final double NOISE = 0.2;

    /** Seed of the features, coefficients and target ({@code random_state}). */
    public static final long DATA_SEED = 42;

    /** Number of groups; each example falls in one of them with probability 1/2. */
    public static final int GROUP_COUNT = 2;

    /** Seed of the group draw. */
    public static final long GROUP_SEED = 7;

    /** Share of all examples held out for testing. */
    public static final double TEST_FRACTION = 0.5;

    /** Share of the examples left after the test split held out for validation. */
    public static final double VALIDATION_FRACTION = 0.2;

    /** Seed of both splits. */
    public static final long SPLIT_SEED = 42;

    private final SyntheticRegression source;
    private final Dataset all;
    private final Splits splits;
    private final Splits.Parts parts;

    private RecipeData(SyntheticRegression source, Dataset all, Splits splits) {
        this.source = source;
        this.all = all;
        this.splits = splits;
        this.parts = splits.apply(all);
    }

    /**
     * Generates the recipe's data from the constants of this class.
     *
     * @return the data, about 4 MB of arrays
     */
    public static RecipeData generate() {
        SyntheticRegression source = SyntheticRegression.generate(
                EXAMPLE_COUNT, FEATURE_COUNT, NOISE, DATA_SEED, GROUP_COUNT, GROUP_SEED);
        Splits splits = Splits.threeWay(
                EXAMPLE_COUNT, TEST_FRACTION, VALIDATION_FRACTION, SPLIT_SEED);
        return new RecipeData(source, source.toDataset(), splits);
    }

    /** @return the generated problem, with features and target in {@code double} */
    public SyntheticRegression source() {
        return source;
    }

    /** @return all 20000 examples, in generation order */
    public Dataset all() {
        return all;
    }

    /** @return the indices of the three parts in {@link #all()} */
    public Splits splits() {
        return splits;
    }

    /** @return the 8000 train examples */
    public Dataset train() {
        return parts.train();
    }

    /** @return the 2000 validation examples */
    public Dataset validation() {
        return parts.validation();
    }

    /** @return the 10000 test examples */
    public Dataset test() {
        return parts.test();
    }
}
