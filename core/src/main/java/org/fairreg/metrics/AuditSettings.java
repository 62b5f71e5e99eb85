package org.fairreg.metrics;

import java.math.BigDecimal;

import org.fairreg.random.LegacyRandom;

/**
 * The settings of a {@link GroupAudit}: the confidence level, how many bootstrap resamples and
 * label permutations to draw, the seed of both, and the group size below which a group is flagged
 * small. Immutable: each {@code withX} returns a changed copy, checked by the same rules as the
 * canonical constructor.
 *
 * <p>One level serves both halves of the audit: the bootstrap intervals cover
 * {@code level} of the resampled figures, the noise floor is the {@code level} quantile of the
 * permuted gaps, and a gap counts as within sampling noise when its p-value is at least
 * {@link #significance()}, {@code 1 - level}. At the default 0.95 these are the usual 95%
 * intervals, 95th percentile and 0.05 threshold.
 *
 * @param level the confidence level, in {@code (0, 1)}
 * @param resamples bootstrap resamples, in {@code [1, MAX_DRAWS]}
 * @param permutations label permutations, in {@code [1, MAX_DRAWS]}
 * @param seed the seed of the resampling and the permutations, in {@code [0, 2^32 - 1]}
 * @param minGroupRows the fewest examples a group needs not to be flagged small, at least 0
 *        (0 flags no group)
 */
public record AuditSettings(double level, int resamples, int permutations, long seed, int minGroupRows) {

    /** The default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** The default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /** The default number of label permutations. */
    public static final int DEFAULT_PERMUTATIONS = 1000;

    /** The default seed. */
    public static final long DEFAULT_SEED = 42;

    /** The default group size below which a group is flagged small. */
    public static final int DEFAULT_MIN_GROUP_ROWS = 30;

    /**
     * The most resamples or permutations accepted. A million already gives p-values and interval
     * bounds to about three significant digits; the cap keeps the buffers of one audit (8 bytes
     * per resample and group) to a few megabytes and its run time to minutes.
     */
    public static final int MAX_DRAWS = 1_000_000;

    /**
     * Checks every setting; every way of making settings passes through here.
     *
     * @throws IllegalArgumentException naming the setting and the value found if one is out of
     *         range
     */
    public AuditSettings {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), found " + level);
        }
        checkDraws("resamples", resamples);
        checkDraws("permutations", permutations);
        LegacyRandom.checkSeed("seed", seed);
        if (minGroupRows < 0) {
            throw new IllegalArgumentException("minGroupRows must be at least 0, found " + minGroupRows);
        }
    }

    /**
     * @return level 0.95, 1000 resamples, 1000 permutations, seed 42, groups under 30 examples
     *         flagged small
     */
    public static AuditSettings defaults() {
        return new AuditSettings(DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_PERMUTATIONS, DEFAULT_SEED,
                DEFAULT_MIN_GROUP_ROWS);
    }

    /**
     * @param value the confidence level, in {@code (0, 1)}
     * @return a copy with that level
     * @throws IllegalArgumentException if {@code value} is outside {@code (0, 1)} or NaN
     */
    public AuditSettings withLevel(double value) {
        return new AuditSettings(value, resamples, permutations, seed, minGroupRows);
    }

    /**
     * @param value bootstrap resamples, in {@code [1, MAX_DRAWS]}
     * @return a copy with that many resamples
     * @throws IllegalArgumentException if {@code value} is outside {@code [1, MAX_DRAWS]}
     */
    public AuditSettings withResamples(int value) {
        return new AuditSettings(level, value, permutations, seed, minGroupRows);
    }

    /**
     * @param value label permutations, in {@code [1, MAX_DRAWS]}
     * @return a copy with that many permutations
     * @throws IllegalArgumentException if {@code value} is outside {@code [1, MAX_DRAWS]}
     */
    public AuditSettings withPermutations(int value) {
        return new AuditSettings(level, resamples, value, seed, minGroupRows);
    }

    /**
     * @param value the seed, in {@code [0, 2^32 - 1]}
     * @return a copy with that seed
     * @throws IllegalArgumentException if {@code value} is outside {@code [0, 2^32 - 1]}
     */
    public AuditSettings withSeed(long value) {
        return new AuditSettings(level, resamples, permutations, value, minGroupRows);
    }

    /**
     * @param value the fewest examples a group needs not to be flagged small, at least 0
     * @return a copy with that threshold
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public AuditSettings withMinGroupRows(int value) {
        return new AuditSettings(level, resamples, permutations, seed, value);
    }

    /**
     * Returns {@code 1 - level}, the p-value below which a gap is beyond sampling noise. It is
     * computed in decimal, so that level 0.95 gives the double nearest 0.05 (binary arithmetic
     * gives 0.050000000000000044, and a p-value of exactly 50/1000 would then fall below it).
     *
     * @return the significance threshold, in {@code (0, 1)}
     */
    public double significance() {
        return BigDecimal.ONE.subtract(new BigDecimal(Double.toString(level))).doubleValue();
    }

    private static void checkDraws(String name, int value) {
        if (value < 1 || value > MAX_DRAWS) {
            throw new IllegalArgumentException(name + " must be in [1, " + MAX_DRAWS + "], found " + value);
        }
    }
}
