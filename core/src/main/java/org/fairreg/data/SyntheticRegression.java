package org.fairreg.data;

import org.fairreg.random.LegacyRandom;

/**
 * A synthetic linear regression problem with random groups, generated exactly as scikit-learn's
 * {@code make_regression} and numpy's legacy {@code RandomState} make it.
 *
 * <p>{@link #generate} reproduces {@code make_regression(n_samples, n_features, noise=noise,
 * random_state=seed, coef=True)} with every feature informative, no bias and one target. From
 * one {@link LegacyRandom} seeded with {@code seed}, in this order:
 * <ol>
 *   <li>{@code X[e][f]} = {@code standardNormal()}, drawn row by row (example {@code e}, then
 *       feature {@code f});</li>
 *   <li>{@code truth[f]} = {@code 100 * uniform(0, 1)};</li>
 *   <li>{@code y[e]} = {@code sum_f X[e][f] * truth[f]}, summed in order of {@code f};</li>
 *   <li>if {@code noise > 0}, {@code y[e] += normal(0, noise)} for each {@code e}; with no noise
 *       scikit-learn draws nothing here, and neither does this class;</li>
 *   <li>{@code rows} = {@code permutation(exampleCount)}: example {@code e} is drawn row
 *       {@code rows[e]};</li>
 *   <li>{@code columns} = {@code permutation(featureCount)}: feature {@code f} is drawn column
 *       {@code columns[f]}, and its coefficient is {@code truth[columns[f]]}.</li>
 * </ol>
 * So {@code y[e] = sum_f features[f][e] * coefficients[f] + noise}. Coefficients and groups
 * equal numpy's exactly; features can differ in the last bits, as
 * {@link LegacyRandom#standardNormal()} explains, and so can targets, because numpy computes the
 * sum of step 3 with BLAS in another order of additions (relative difference below 2e-12 on the
 * recipe's data).
 *
 * <p>Groups come from a second generator seeded with {@code groupSeed}: example {@code e} gets
 * {@code randint(0, groupCount)}, the {@code e}-th draw, as
 * {@code RandomState(groupSeed).randint(0, groupCount, size=n)} does. They are independent of
 * the features and the target.
 *
 * <p>Instances are immutable and thread-safe; accessors return copies.
 */
public final class SyntheticRegression extends GeneratedColumns {

    /** Scale of the coefficients: scikit-learn draws them uniform in {@code [0, 100)}. */
    private static final double COEFFICIENT_SCALE = 100.0;

    private final double[] coefficients;
    private final int groupCount;

    private SyntheticRegression(
            double[][] features,
            double[] targets,
            double[] coefficients,
            int[] groups,
            int groupCount) {
        super(features, targets, groups);
        this.coefficients = coefficients;
        this.groupCount = groupCount;
    }

    /**
     * Generates the problem described in the class documentation.
     *
     * @param exampleCount the number of examples ({@code n_samples}), at least 1
     * @param featureCount the number of features ({@code n_features}), at least 1
     * @param noise the standard deviation of the noise added to the target, finite and at least 0
     * @param seed the seed of the data ({@code random_state}), in {@code [0, 2^32 - 1]}
     * @param groupCount the number of groups, at least 1
     * @param groupSeed the seed of the group draw, in {@code [0, 2^32 - 1]}
     * @return the problem
     * @throws IllegalArgumentException if an argument breaks the rule given for it, or the
     *         features would not fit in one Java array
     */
    public static SyntheticRegression generate(
            int exampleCount,
            int featureCount,
            double noise,
            long seed,
            int groupCount,
            long groupSeed) {
        checkArguments(exampleCount, featureCount, noise, seed, groupCount, groupSeed);

        LegacyRandom random = new LegacyRandom(seed);
        double[] drawn = drawFeatures(random, exampleCount, featureCount);
        double[] truth = new double[featureCount];
        for (int f = 0; f < featureCount; f++) {
            truth[f] = COEFFICIENT_SCALE * random.uniform(0.0, 1.0);
        }
        double[] drawnTargets = computeTargets(random, drawn, truth, noise);
        int[] rows = random.permutation(exampleCount);
        int[] columns = random.permutation(featureCount);

        double[][] features = new double[featureCount][exampleCount];
        double[] coefficients = new double[featureCount];
        for (int f = 0; f < featureCount; f++) {
            double[] column = features[f];
            int source = columns[f];
            for (int e = 0; e < exampleCount; e++) {
                column[e] = drawn[rows[e] * featureCount + source];
            }
            coefficients[f] = truth[source];
        }
        double[] targets = new double[exampleCount];
        for (int e = 0; e < exampleCount; e++) {
            targets[e] = drawnTargets[rows[e]];
        }
        int[] groups = drawGroups(exampleCount, groupCount, groupSeed);
        return new SyntheticRegression(features, targets, coefficients, groups, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    /**
     * @return a copy of the coefficients of the linear model, one per feature in the final
     *         column order (scikit-learn's {@code coef})
     */
    public double[] coefficients() {
        return coefficients.clone();
    }

    private static void checkArguments(
            int exampleCount,
            int featureCount,
            double noise,
            long seed,
            int groupCount,
            long groupSeed) {
        checkSize(exampleCount, featureCount);
        if (!(noise >= 0.0) || noise == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "noise must be finite and at least 0, found " + noise);
        }
        LegacyRandom.checkSeed("seed", seed);
        if (groupCount < 1) {
            throw new IllegalArgumentException(
                    "groupCount must be at least 1, found " + groupCount);
        }
        LegacyRandom.checkSeed("groupSeed", groupSeed);
    }

    /**
     * Draws the features example by example into a row-major block:
     * {@code drawn[e * featureCount + f]} is feature {@code f} of example {@code e}.
     */
    private static double[] drawFeatures(LegacyRandom random, int exampleCount, int featureCount) {
        double[] drawn = new double[exampleCount * featureCount];
        for (int v = 0; v < drawn.length; v++) {
            drawn[v] = random.standardNormal();
        }
        return drawn;
    }

    /** Computes {@code X truth} in index order, then adds the noise in example order. */
    private static double[] computeTargets(
            LegacyRandom random,
            double[] drawn,
            double[] truth,
            double noise) {
        int featureCount = truth.length;
        double[] targets = new double[drawn.length / featureCount];
        for (int e = 0; e < targets.length; e++) {
            int rowStart = e * featureCount;
            double sum = 0.0;
            for (int f = 0; f < featureCount; f++) {
                sum += drawn[rowStart + f] * truth[f];
            }
            targets[e] = sum;
        }
        if (noise > 0.0) {
            for (int e = 0; e < targets.length; e++) {
                targets[e] += random.normal(0.0, noise);
            }
        }
        return targets;
    }

    private static int[] drawGroups(int exampleCount, int groupCount, long groupSeed) {
        LegacyRandom random = new LegacyRandom(groupSeed);
        int[] groups = new int[exampleCount];
        for (int e = 0; e < exampleCount; e++) {
            groups[e] = random.randint(0, groupCount);
        }
        return groups;
    }
}
