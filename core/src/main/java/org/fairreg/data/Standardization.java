package org.fairreg.data;

import java.util.Arrays;

/**
 * Standardizing of features and target, {@code z = (x - mean) / scale}, with the means and
 * scales measured on the training data and stored in the model so that prediction applies the
 * same transform.
 *
 * <p>The scale is the population standard deviation (divisor {@code n}); a column with no spread
 * keeps scale 1, so it becomes 0 rather than NaN. A part that is not standardized has mean 0 and
 * scale 1. Instances are immutable and thread-safe.
 */
public final class Standardization {

    private final double[] featureMeans;
    private final double[] featureScales;
    private final double targetMean;
    private final double targetScale;

    /**
     * @param featureMeans one mean per feature, finite
     * @param featureScales one scale per feature, finite and positive
     * @param targetMean the target's mean, finite
     * @param targetScale the target's scale, finite and positive
     * @throws IllegalArgumentException if a value is out of range or the lengths differ
     */
    public Standardization(double[] featureMeans, double[] featureScales, double targetMean, double targetScale) {
        if (featureMeans.length != featureScales.length) {
            throw new IllegalArgumentException("featureMeans and featureScales must have the same length, found "
                    + featureMeans.length + " and " + featureScales.length);
        }
        for (int f = 0; f < featureMeans.length; f++) {
            checkFinite("featureMeans[" + f + "]", featureMeans[f]);
            checkScale("featureScales[" + f + "]", featureScales[f]);
        }
        checkFinite("targetMean", targetMean);
        checkScale("targetScale", targetScale);
        this.featureMeans = featureMeans.clone();
        this.featureScales = featureScales.clone();
        this.targetMean = targetMean;
        this.targetScale = targetScale;
    }

    /**
     * Measures the transform on training data.
     *
     * @param train the training data
     * @param features whether to standardize the features
     * @param target whether to standardize the target
     * @return the transform
     */
    public static Standardization fit(Dataset train, boolean features, boolean target) {
        int featureCount = train.features().featureCount();
        double[] means = new double[featureCount];
        double[] scales = new double[featureCount];
        Arrays.fill(scales, 1.0);
        if (features) {
            for (int f = 0; f < featureCount; f++) {
                float[] column = train.features().column(f);
                double mean = 0.0;
                for (float value : column) {
                    mean += value;
                }
                mean /= column.length;
                double squares = 0.0;
                for (float value : column) {
                    squares += (value - mean) * (value - mean);
                }
                means[f] = mean;
                scales[f] = scaleOf(squares / column.length);
            }
        }
        double targetMean = 0.0;
        double targetScale = 1.0;
        if (target) {
            double[] targets = train.targets();
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (double value : targets) {
                targetMean += value;
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            }
            targetMean /= targets.length;
            double squares = 0.0;
            for (double value : targets) {
                squares += (value - targetMean) * (value - targetMean);
            }
            // Equal targets have no spread even when their rounded mean leaves a tiny deviation sum.
            targetScale = highest > lowest ? scaleOf(squares / targets.length) : 1.0;
        }
        return new Standardization(means, scales, targetMean, targetScale);
    }

    /**
     * @param featureCount the number of features
     * @return the transform that changes nothing
     */
    public static Standardization identity(int featureCount) {
        double[] scales = new double[featureCount];
        Arrays.fill(scales, 1.0);
        return new Standardization(new double[featureCount], scales, 0.0, 1.0);
    }

    /**
     * @param features features in the order the transform was measured on
     * @return the standardized features, a new table (or {@code features} itself when no feature
     *         is transformed)
     * @throws IllegalArgumentException if the number of features differs
     */
    public FeatureTable applyToFeatures(FeatureTable features) {
        if (features.featureCount() != featureMeans.length) {
            throw new IllegalArgumentException("features must have " + featureMeans.length + " columns, found "
                    + features.featureCount());
        }
        if (!standardizesFeatures()) {
            return features;
        }
        float[][] columns = new float[featureMeans.length][];
        for (int f = 0; f < columns.length; f++) {
            float[] source = features.column(f);
            float[] scaled = new float[source.length];
            double mean = featureMeans[f];
            double scale = featureScales[f];
            for (int e = 0; e < source.length; e++) {
                scaled[e] = (float) ((source[e] - mean) / scale);
            }
            columns[f] = scaled;
        }
        return new FeatureTable(features.names(), columns);
    }

    /**
     * @param targets targets in their original unit
     * @return the standardized targets as {@code float}, a new array
     */
    public float[] applyToTargets(double[] targets) {
        float[] scaled = new float[targets.length];
        for (int e = 0; e < targets.length; e++) {
            scaled[e] = (float) ((targets[e] - targetMean) / targetScale);
        }
        return scaled;
    }

    /**
     * @param standardized a target or prediction on the standardized scale
     * @return the same value in the target's original unit
     */
    public double restoreTarget(double standardized) {
        return standardized * targetScale + targetMean;
    }

    /** @return whether any feature is transformed */
    public boolean standardizesFeatures() {
        for (int f = 0; f < featureMeans.length; f++) {
            if (featureMeans[f] != 0.0 || featureScales[f] != 1.0) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the target is transformed */
    public boolean standardizesTarget() {
        return targetMean != 0.0 || targetScale != 1.0;
    }

    /** @return a copy of the feature means */
    public double[] featureMeans() {
        return featureMeans.clone();
    }

    /** @return a copy of the feature scales */
    public double[] featureScales() {
        return featureScales.clone();
    }

    /** @return the target's mean */
    public double targetMean() {
        return targetMean;
    }

    /** @return the target's scale; a squared error on the standardized scale times its square is
     *          in the original unit squared */
    public double targetScale() {
        return targetScale;
    }

    private static double scaleOf(double variance) {
        double deviation = Math.sqrt(variance);
        return deviation > 0.0 && Double.isFinite(deviation) ? deviation : 1.0;
    }

    private static void checkFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, found " + value);
        }
    }

    private static void checkScale(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and positive, found " + value);
        }
    }
}
