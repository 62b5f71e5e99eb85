package org.fairreg.spark;

import java.util.Arrays;

import org.apache.spark.api.java.JavaRDD;
import org.fairreg.data.Standardization;

/**
 * Measures the standardizing transform on distributed training data as
 * {@link Standardization#fit} measures it on a table: the mean first, then the mean squared
 * deviation from it (population scale), in {@code double}, in two aggregations, which is steadier
 * than one pass of sums and sums of squares. A column with no spread keeps scale 1, and equal
 * targets are left unscaled, as there.
 */
final class StandardizationPass {

    private StandardizationPass() {
    }

    /**
     * @param raw the training examples, not standardized
     * @param featureCount the number of features
     * @param features whether to standardize the features
     * @param target whether to standardize the target
     * @return the transform
     */
    static Standardization fit(JavaRDD<RawBlock> raw, int featureCount, boolean features, boolean target) {
        // Layout of the first aggregate: feature sums, target sum, count, lowest and highest target.
        int t = featureCount;
        double[] zero = new double[featureCount + 4];
        zero[t + 2] = Double.POSITIVE_INFINITY;
        zero[t + 3] = Double.NEGATIVE_INFINITY;
        double[] sums = raw.treeAggregate(zero, (into, block) -> {
            for (int b = 0; b < block.targets().length; b++) {
                float[] row = block.rows()[b];
                for (int f = 0; f < featureCount; f++) {
                    into[f] += row[f];
                }
                double value = block.targets()[b];
                into[t] += value;
                into[t + 2] = Math.min(into[t + 2], value);
                into[t + 3] = Math.max(into[t + 3], value);
            }
            into[t + 1] += block.targets().length;
            return into;
        }, StandardizationPass::combineFirst);
        double count = sums[t + 1];
        double[] means = new double[featureCount + 1];
        for (int f = 0; f <= featureCount; f++) {
            means[f] = sums[f] / count;
        }

        double[] squares = raw.treeAggregate(new double[featureCount + 1], (into, block) -> {
            for (int b = 0; b < block.targets().length; b++) {
                float[] row = block.rows()[b];
                for (int f = 0; f < featureCount; f++) {
                    into[f] += (row[f] - means[f]) * (row[f] - means[f]);
                }
                double deviation = block.targets()[b] - means[t];
                into[t] += deviation * deviation;
            }
            return into;
        }, StandardizationPass::add);

        double[] featureMeans = new double[featureCount];
        double[] featureScales = new double[featureCount];
        Arrays.fill(featureScales, 1.0);
        if (features) {
            for (int f = 0; f < featureCount; f++) {
                featureMeans[f] = means[f];
                featureScales[f] = scaleOf(squares[f] / count);
            }
        }
        double targetMean = target ? means[t] : 0.0;
        double targetScale = target && sums[t + 3] > sums[t + 2] ? scaleOf(squares[t] / count) : 1.0;
        return new Standardization(featureMeans, featureScales, targetMean, targetScale);
    }

    private static double[] combineFirst(double[] left, double[] right) {
        int t = left.length - 4;
        for (int i = 0; i < t + 2; i++) {
            left[i] += right[i];
        }
        left[t + 2] = Math.min(left[t + 2], right[t + 2]);
        left[t + 3] = Math.max(left[t + 3], right[t + 3]);
        return left;
    }

    private static double[] add(double[] left, double[] right) {
        for (int i = 0; i < left.length; i++) {
            left[i] += right[i];
        }
        return left;
    }

    /** The rule of {@link Standardization#fit}: no spread, or none measurable, keeps scale 1. */
    private static double scaleOf(double variance) {
        double deviation = Math.sqrt(variance);
        return deviation > 0.0 && Double.isFinite(deviation) ? deviation : 1.0;
    }
}
