package org.fairreg.data;

/**
 * The columns both generators hold, features by column, targets and group codes, with the
 * copying accessors of {@link SyntheticData} and the size limit both enforce.
 */
abstract class GeneratedColumns implements SyntheticData {

    /** Largest number of values a Java array can hold on common JVMs. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /** {@code features[f][e]}: feature {@code f} of example {@code e}. */
    final double[][] features;
    final double[] targets;
    final int[] groups;

    GeneratedColumns(double[][] features, double[] targets, int[] groups) {
        this.features = features;
        this.targets = targets;
        this.groups = groups;
    }

    /**
     * Checks that a table of this size can be generated: the features are drawn into one array.
     *
     * @throws IllegalArgumentException if a count is below 1 or the product is too large
     */
    static void checkSize(int exampleCount, int featureCount) {
        if (exampleCount < 1) {
            throw new IllegalArgumentException(
                    "exampleCount must be at least 1, found " + exampleCount);
        }
        if (featureCount < 1) {
            throw new IllegalArgumentException(
                    "featureCount must be at least 1, found " + featureCount);
        }
        if ((long) exampleCount * featureCount > MAX_VALUES) {
            throw new IllegalArgumentException("exampleCount * featureCount must be at most "
                    + MAX_VALUES + ", found " + exampleCount + " * " + featureCount);
        }
    }

    /** @return the number of examples */
    public int exampleCount() {
        return targets.length;
    }

    /** @return the number of features */
    public int featureCount() {
        return features.length;
    }

    /**
     * @param feature a feature index, from 0 to {@code featureCount() - 1}
     * @return a copy of that feature's values, one per example
     */
    public double[] column(int feature) {
        return features[feature].clone();
    }

    @Override
    public double[][] features() {
        double[][] copy = new double[features.length][];
        for (int f = 0; f < features.length; f++) {
            copy[f] = features[f].clone();
        }
        return copy;
    }

    @Override
    public double[] targets() {
        return targets.clone();
    }

    @Override
    public int[] groups() {
        return groups.clone();
    }
}
