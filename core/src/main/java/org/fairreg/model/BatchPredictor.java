package org.fairreg.model;

import org.fairreg.data.FeatureTable;

/**
 * Runs a network over a whole feature table in fixed-size chunks, reusing one input buffer and
 * one workspace.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class BatchPredictor {

    /** The chunk size used when none is given: large enough to amortize the per-call overhead. */
    public static final int DEFAULT_CHUNK_SIZE = 256;

    private final Network network;
    private final int chunkSize;
    private final float[][] input;
    private final Workspace workspace;

    /**
     * @param network the network to run; read, never modified
     * @param chunkSize examples per forward pass, at least 1
     */
    public BatchPredictor(Network network, int chunkSize) {
        this.network = network;
        this.chunkSize = chunkSize;
        this.workspace = network.newWorkspace(chunkSize);
        this.input = new float[chunkSize][network.architecture().inputSize()];
    }

    /**
     * Predicts every example of a table, on the network's own scale.
     *
     * @param features features in the network's input order
     * @param predictions receives the prediction of example {@code e} at index {@code e}, at least
     *        {@code features.rowCount()} long; overwritten there
     * @throws IllegalArgumentException if the feature count or the output length does not fit
     */
    public void predict(FeatureTable features, float[] predictions) {
        int inputSize = network.architecture().inputSize();
        if (features.featureCount() != inputSize || predictions.length < features.rowCount()) {
            throw new IllegalArgumentException("features must have " + inputSize + " columns and predictions at least "
                    + features.rowCount() + " slots, found " + features.featureCount() + " and " + predictions.length);
        }
        for (int start = 0; start < features.rowCount(); start += chunkSize) {
            int count = Math.min(chunkSize, features.rowCount() - start);
            for (int f = 0; f < inputSize; f++) {
                float[] column = features.column(f);
                for (int b = 0; b < count; b++) {
                    input[b][f] = column[start + b];
                }
            }
            float[] output = network.forward(input, count, workspace);
            System.arraycopy(output, 0, predictions, start, count);
        }
    }

    /**
     * Predicts every example of a table into a new array.
     *
     * @param features features in the network's input order
     * @return one prediction per example, on the network's own scale
     */
    public float[] predict(FeatureTable features) {
        float[] predictions = new float[features.rowCount()];
        predict(features, predictions);
        return predictions;
    }
}
