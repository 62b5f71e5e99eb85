package org.fairreg.bench;

import org.fairreg.data.Dataset;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A data set as the TensorFlow loop feeds it: features row-major ({@code features[e *
 * featureCount + j]} is feature {@code j} of example {@code e}), targets as {@code float} (the
 * precision both engines train in) and group codes. Immutable after construction.
 */
final class Rows {

    final int featureCount;
    final float[] features;
    final float[] targets;
    final int[] groups;

    private Rows(int featureCount, float[] features, float[] targets, int[] groups) {
        this.featureCount = featureCount;
        this.features = features;
        this.targets = targets;
        this.groups = groups;
    }

    /**
     * Copies a data set, its features and target unscaled, as the recipe trains on them.
     *
     * @param data the data set
     * @return the copy
     */
    static Rows of(Dataset data) {
        int featureCount = data.features().featureCount();
        float[] features = new float[Math.multiplyExact(data.size(), featureCount)];
        float[] targets = new float[data.size()];
        double[] source = data.targets();
        for (int e = 0; e < data.size(); e++) {
            data.features().copyRow(e, features, e * featureCount);
            targets[e] = (float) source[e];
        }
        return new Rows(featureCount, features, targets, data.groupCodes().clone());
    }

    /** @return the number of examples */
    int size() {
        return targets.length;
    }

    /** @return the number of features per example */
    int featureCount() {
        return featureCount;
    }

    /** @return a new {@code size x featureCount} tensor of the features; the caller closes it */
    TFloat32 featureTensor() {
        return TFloat32.tensorOf(Shape.of(size(), featureCount), DataBuffers.of(features, true, false));
    }
}
