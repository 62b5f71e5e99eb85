package org.fairreg.objective;

import java.util.Arrays;

import org.fairreg.util.NamedChoice;

/**
 * How unequal the groups' mean squared errors are: a disparity {@code D(e)} over the groups
 * present, with its slope {@code dD / de_k}. Groups that are not present take no part; with fewer
 * than two present every measure is 0.
 *
 * <p>For two groups each measure is the recipe's gap: {@link #RANGE} gives {@code |e_0 - e_1|},
 * the form the recipe states, and {@link #VARIANCE} and {@link #PAIRWISE} give
 * {@code (e_0 - e_1)^2}, the form it trains. With {@code K} groups present and {@code m} the mean
 * of their errors, {@code VARIANCE = (4 / K) sum_k (e_k - m)^2} and
 * {@code PAIRWISE = (2 / (K (K - 1))) sum_{j<k} (e_j - e_k)^2 = (2 / (K - 1)) sum_k (e_k - m)^2}.
 * The two squared measures are proportional at a fixed number of groups, so they rank models
 * alike; they differ in scale as {@code K} grows (the variance weighs each group's deviation by
 * {@code 4 / K}, the pairwise mean by {@code 2 / (K - 1)}). {@code RANGE} has the unit of a mean
 * squared error, the squared measures its square.
 */
public enum GapMeasure implements NamedChoice {

    /** {@code max_k e_k - min_k e_k}, the gap of the per-group report. */
    RANGE {
        @Override
        public double value(GroupErrors errors) {
            int highest = extreme(errors, true);
            return highest < 0
                    ? 0.0
                    : errors.meanSquaredError(highest) - errors.meanSquaredError(extreme(errors, false));
        }

        @Override
        public void slopes(GroupErrors errors, double[] slopes) {
            Arrays.fill(slopes, 0, errors.groupCount(), 0.0);
            int highest = extreme(errors, true);
            int lowest = extreme(errors, false);
            if (highest >= 0 && highest != lowest) {
                slopes[highest] = 1.0;
                slopes[lowest] = -1.0;
            }
        }
    },

    /** {@code (4 / K) sum_k (e_k - m)^2}: four times the population variance of the errors. */
    VARIANCE {
        @Override
        public double value(GroupErrors errors) {
            return squaredDeviations(errors, 4.0, 0);
        }

        @Override
        public void slopes(GroupErrors errors, double[] slopes) {
            deviationSlopes(errors, 8.0, 0, slopes);
        }
    },

    /** {@code (2 / (K (K - 1))) sum_{j<k} (e_j - e_k)^2}: the mean squared difference of pairs. */
    PAIRWISE {
        @Override
        public double value(GroupErrors errors) {
            return squaredDeviations(errors, 2.0, 1);
        }

        @Override
        public void slopes(GroupErrors errors, double[] slopes) {
            deviationSlopes(errors, 4.0, 1, slopes);
        }
    };

    /**
     * @param errors group errors; only present groups count
     * @return {@code D(e)}
     */
    public abstract double value(GroupErrors errors);

    /**
     * Computes {@code dD / de_k}, 0 for groups not present; at a tie of {@link #RANGE} the lowest
     * code is taken, a valid subgradient.
     *
     * @param errors group errors; only present groups count
     * @param slopes receives the slope of group {@code k} at index {@code k}; overwritten
     */
    public abstract void slopes(GroupErrors errors, double[] slopes);

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static GapMeasure fromId(String id) {
        return NamedChoice.fromId(GapMeasure.class, "gap measure", id);
    }

    /** The present group with the highest or lowest error, lowest code first; -1 with fewer than two. */
    private static int extreme(GroupErrors errors, boolean highest) {
        int found = -1;
        int present = 0;
        for (int k = 0; k < errors.groupCount(); k++) {
            if (!errors.isPresent(k)) {
                continue;
            }
            present++;
            double e = errors.meanSquaredError(k);
            if (found < 0 || (highest ? e > errors.meanSquaredError(found) : e < errors.meanSquaredError(found))) {
                found = k;
            }
        }
        return present < 2 ? -1 : found;
    }

    /** {@code scale / (K - reduce) * sum_k (e_k - m)^2} over the present groups. */
    private static double squaredDeviations(GroupErrors errors, double scale, int reduce) {
        int present = presentCount(errors);
        if (present < 2) {
            return 0.0;
        }
        double mean = presentMean(errors, present);
        double sum = 0.0;
        for (int k = 0; k < errors.groupCount(); k++) {
            if (errors.isPresent(k)) {
                double deviation = errors.meanSquaredError(k) - mean;
                sum += deviation * deviation;
            }
        }
        return scale / (present - reduce) * sum;
    }

    /** {@code scale / (K - reduce) * (e_k - m)}: the slope of {@code squaredDeviations} at half this scale. */
    private static void deviationSlopes(GroupErrors errors, double scale, int reduce, double[] slopes) {
        Arrays.fill(slopes, 0, errors.groupCount(), 0.0);
        int present = presentCount(errors);
        if (present < 2) {
            return;
        }
        double mean = presentMean(errors, present);
        for (int k = 0; k < errors.groupCount(); k++) {
            if (errors.isPresent(k)) {
                slopes[k] = scale / (present - reduce) * (errors.meanSquaredError(k) - mean);
            }
        }
    }

    private static int presentCount(GroupErrors errors) {
        int present = 0;
        for (int k = 0; k < errors.groupCount(); k++) {
            if (errors.isPresent(k)) {
                present++;
            }
        }
        return present;
    }

    private static double presentMean(GroupErrors errors, int present) {
        double sum = 0.0;
        for (int k = 0; k < errors.groupCount(); k++) {
            if (errors.isPresent(k)) {
                sum += errors.meanSquaredError(k);
            }
        }
        return sum / present;
    }
}
