package org.fairreg.data;

import java.util.Arrays;
import java.util.Objects;

import org.fairreg.random.LegacyRandom;

/**
 * The settings of a {@link GroupShiftRegression}: its size, the share of each group, how far the
 * groups other than group 0 depart from it, the noise and the seed.
 *
 * <p>Start from {@link #defaults()} and vary with the {@code withX} methods; each returns a new
 * settings object and checks it before it exists, so an instance always describes a problem
 * that can be generated. The defaults give 20000 examples of 10 features in a majority of 80%
 * (group 0) and a minority of 20% (group 1). A model that cannot see the group does best, for
 * mean squared error, by leaving the minority with about 14 times the majority's error (3.26
 * against 0.23 for the default seed); the network {@code fairreg train --objective mse} trains
 * comes within 10% of that, and a linear least-squares fit leaves about 26 times
 * ({@code docs/synthetic.md} has the measured figures).
 *
 * <p>Instances are immutable and thread-safe; {@link #shares()} returns a copy.
 */
public final class GroupShiftSettings {

    /** Default number of examples, as in the recipe. */
    public static final int DEFAULT_EXAMPLE_COUNT = 20_000;

    /** Default number of features, as in the recipe. */
    public static final int DEFAULT_FEATURE_COUNT = 10;

    /** Default share of group 0, the majority. */
    public static final double DEFAULT_MAJORITY_SHARE = 0.8;

    /** Default share of group 1, the minority. */
    public static final double DEFAULT_MINORITY_SHARE = 0.2;

    /** Default standard deviation of the noise of group 0, as the recipe's noise. */
    public static final double DEFAULT_NOISE = 0.2;

    /** Default scale of the coefficient shift of groups 1 and above. */
    public static final double DEFAULT_SHIFT = 0.5;

    /** Default weight of the curved term of groups 1 and above. */
    public static final double DEFAULT_CURVATURE = 1.0;

    /** Default noise of groups 1 and above, as a multiple of the noise of group 0. */
    public static final double DEFAULT_NOISE_RATIO = 2.0;

    /** Default seed, as the recipe's {@code random_state}. */
    public static final long DEFAULT_SEED = 42;

    /**
     * How far the shares may sum from 1. Shares typed as decimals, such as 0.33, 0.33 and 0.34,
     * do not sum to exactly 1 in binary; 1e-6 accepts six typed digits and still rejects a share
     * that is plainly missing.
     */
    public static final double SHARE_SUM_TOLERANCE = 1e-6;

    private final int exampleCount;
    private final int featureCount;
    private final double[] shares;
    private final double noise;
    private final double shift;
    private final double curvature;
    private final double noiseRatio;
    private final long seed;

    private GroupShiftSettings(
            int exampleCount,
            int featureCount,
            double[] shares,
            double noise,
            double shift,
            double curvature,
            double noiseRatio,
            long seed) {
        check(exampleCount, featureCount, shares, noise, shift, curvature, noiseRatio, seed);
        this.exampleCount = exampleCount;
        this.featureCount = featureCount;
        this.shares = shares.clone();
        this.noise = noise;
        this.shift = shift;
        this.curvature = curvature;
        this.noiseRatio = noiseRatio;
        this.seed = seed;
    }

    /**
     * Returns the default settings, listed by the {@code DEFAULT_} constants of this class.
     *
     * @return the settings
     */
    public static GroupShiftSettings defaults() {
        return new GroupShiftSettings(DEFAULT_EXAMPLE_COUNT, DEFAULT_FEATURE_COUNT,
                new double[] {DEFAULT_MAJORITY_SHARE, DEFAULT_MINORITY_SHARE}, DEFAULT_NOISE,
                DEFAULT_SHIFT, DEFAULT_CURVATURE, DEFAULT_NOISE_RATIO, DEFAULT_SEED);
    }

    /**
     * Returns a copy with another number of examples.
     *
     * @param newExampleCount the number of examples, at least 1, and at most
     *        {@code 2^31 - 9} values in all with the features
     * @return the new settings
     * @throws IllegalArgumentException if the count is below 1 or the features would not fit in
     *         one Java array
     */
    public GroupShiftSettings withExampleCount(int newExampleCount) {
        return new GroupShiftSettings(newExampleCount, featureCount, shares, noise, shift,
                curvature, noiseRatio, seed);
    }

    /**
     * Returns a copy with another number of features.
     *
     * @param newFeatureCount the number of features, at least 1
     * @return the new settings
     * @throws IllegalArgumentException if the count is below 1 or the features would not fit in
     *         one Java array
     */
    public GroupShiftSettings withFeatureCount(int newFeatureCount) {
        return new GroupShiftSettings(exampleCount, newFeatureCount, shares, noise, shift,
                curvature, noiseRatio, seed);
    }

    /**
     * Returns a copy with other group shares; their number sets the number of groups.
     *
     * @param newShares the expected share of the examples in each group, group 0 first: at least
     *        2 values, each finite and above 0, summing to 1 within {@link #SHARE_SUM_TOLERANCE};
     *        copied
     * @return the new settings
     * @throws IllegalArgumentException if there are fewer than 2 shares, a share is not finite or
     *         not above 0, or the sum is off by more than the tolerance
     */
    public GroupShiftSettings withShares(double... newShares) {
        Objects.requireNonNull(newShares, "shares");
        return new GroupShiftSettings(exampleCount, featureCount, newShares, noise, shift,
                curvature, noiseRatio, seed);
    }

    /**
     * Returns a copy with another noise level.
     *
     * @param newNoise the standard deviation of the noise of group 0, in the target's unit;
     *        finite and at least 0
     * @return the new settings
     * @throws IllegalArgumentException if the value is negative, NaN or infinite
     */
    public GroupShiftSettings withNoise(double newNoise) {
        return new GroupShiftSettings(exampleCount, featureCount, shares, newNoise, shift,
                curvature, noiseRatio, seed);
    }

    /**
     * Returns a copy with another coefficient shift.
     *
     * @param newShift the scale of the standard normal draws added to the base coefficients for
     *        groups 1 and above; finite and at least 0 (0: every group has the base coefficients)
     * @return the new settings
     * @throws IllegalArgumentException if the value is negative, NaN or infinite
     */
    public GroupShiftSettings withShift(double newShift) {
        return new GroupShiftSettings(exampleCount, featureCount, shares, noise, newShift,
                curvature, noiseRatio, seed);
    }

    /**
     * Returns a copy with another curvature.
     *
     * @param newCurvature the weight of the term {@code x_j^2 - 1} in the targets of groups 1 and
     *        above; finite and at least 0 (0: no curved term)
     * @return the new settings
     * @throws IllegalArgumentException if the value is negative, NaN or infinite
     */
    public GroupShiftSettings withCurvature(double newCurvature) {
        return new GroupShiftSettings(exampleCount, featureCount, shares, noise, shift,
                newCurvature, noiseRatio, seed);
    }

    /**
     * Returns a copy with another noise ratio.
     *
     * @param newNoiseRatio the standard deviation of the noise of groups 1 and above divided by
     *        that of group 0; finite and at least 0 (1: the same noise for every group)
     * @return the new settings
     * @throws IllegalArgumentException if the value is negative, NaN or infinite
     */
    public GroupShiftSettings withNoiseRatio(double newNoiseRatio) {
        return new GroupShiftSettings(exampleCount, featureCount, shares, noise, shift,
                curvature, newNoiseRatio, seed);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param newSeed the seed of every draw, in {@code [0, 2^32 - 1]}, as numpy's
     *        {@code RandomState} accepts
     * @return the new settings
     * @throws IllegalArgumentException if the seed is outside that range
     */
    public GroupShiftSettings withSeed(long newSeed) {
        return new GroupShiftSettings(exampleCount, featureCount, shares, noise, shift,
                curvature, noiseRatio, newSeed);
    }

    /** @return the number of examples */
    public int exampleCount() {
        return exampleCount;
    }

    /** @return the number of features */
    public int featureCount() {
        return featureCount;
    }

    /** @return the number of groups, the number of shares, at least 2 */
    public int groupCount() {
        return shares.length;
    }

    /** @return a copy of the expected share of each group, group 0 first */
    public double[] shares() {
        return shares.clone();
    }

    /** @return the standard deviation of the noise of group 0, in the target's unit */
    public double noise() {
        return noise;
    }

    /** @return the scale of the coefficient shift of groups 1 and above */
    public double shift() {
        return shift;
    }

    /** @return the weight of the curved term of groups 1 and above */
    public double curvature() {
        return curvature;
    }

    /** @return the noise of groups 1 and above as a multiple of the noise of group 0 */
    public double noiseRatio() {
        return noiseRatio;
    }

    /** @return the seed of every draw */
    public long seed() {
        return seed;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof GroupShiftSettings)) {
            return false;
        }
        GroupShiftSettings that = (GroupShiftSettings) other;
        return exampleCount == that.exampleCount
                && featureCount == that.featureCount
                && Arrays.equals(shares, that.shares)
                && Double.compare(noise, that.noise) == 0
                && Double.compare(shift, that.shift) == 0
                && Double.compare(curvature, that.curvature) == 0
                && Double.compare(noiseRatio, that.noiseRatio) == 0
                && seed == that.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(exampleCount, featureCount, Arrays.hashCode(shares), noise, shift,
                curvature, noiseRatio, seed);
    }

    @Override
    public String toString() {
        return "GroupShiftSettings[exampleCount=" + exampleCount + ", featureCount=" + featureCount
                + ", shares=" + Arrays.toString(shares) + ", noise=" + noise + ", shift=" + shift
                + ", curvature=" + curvature + ", noiseRatio=" + noiseRatio + ", seed=" + seed + "]";
    }

    /** The one check every construction path runs, so that no invalid settings object exists. */
    private static void check(
            int exampleCount,
            int featureCount,
            double[] shares,
            double noise,
            double shift,
            double curvature,
            double noiseRatio,
            long seed) {
        GeneratedColumns.checkSize(exampleCount, featureCount);
        checkShares(shares);
        checkScale("noise", noise);
        checkScale("shift", shift);
        checkScale("curvature", curvature);
        checkScale("noiseRatio", noiseRatio);
        LegacyRandom.checkSeed("seed", seed);
    }

    private static void checkShares(double[] shares) {
        // One group has nothing to differ from, and the generator's formulas single out group 0.
        if (shares.length < 2) {
            throw new IllegalArgumentException("shares must hold at least 2 values, one per group, found "
                    + shares.length + " (" + Arrays.toString(shares) + ")");
        }
        double sum = 0.0;
        for (int k = 0; k < shares.length; k++) {
            if (!(shares[k] > 0.0) || shares[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        "shares[" + k + "] must be finite and above 0, found " + shares[k]);
            }
            sum += shares[k];
        }
        if (Math.abs(sum - 1.0) > SHARE_SUM_TOLERANCE) {
            throw new IllegalArgumentException("shares must sum to 1 within " + SHARE_SUM_TOLERANCE
                    + ", found " + sum + " for " + Arrays.toString(shares));
        }
    }

    private static void checkScale(String name, double value) {
        if (!(value >= 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and at least 0, found " + value);
        }
    }
}
