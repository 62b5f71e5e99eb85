package org.fairreg.model;

/**
 * Buffers for the forward and backward pass of one network on batches of up to
 * {@link #maxBatchSize()} examples, allocated once and reused for every batch of a run.
 *
 * <p>{@code activations[l][b]} holds the outputs of layer {@code l} for example {@code b},
 * {@code deltas[l][b]} the gradient with respect to them; {@code kernelGradients[l]} and
 * {@code biasGradients[l]} receive a layer's parameter gradient before it is copied into the flat
 * gradient; {@code predictions[b]} is the network's output for example {@code b}. A workspace
 * belongs to one thread at a time; parallel passes over parts of a batch each use their own.
 */
public final class Workspace {

    private final Architecture architecture;
    private final int maxBatchSize;
    final float[][][] activations;
    final float[][][] deltas;
    final float[][][] kernelGradients;
    final float[][] biasGradients;
    final float[] predictions;

    Workspace(Architecture architecture, int maxBatchSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, found " + maxBatchSize);
        }
        this.architecture = architecture;
        this.maxBatchSize = maxBatchSize;
        int layers = architecture.layerCount();
        this.activations = new float[layers][][];
        this.deltas = new float[layers][][];
        this.kernelGradients = new float[layers][][];
        this.biasGradients = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int outputSize = architecture.layerOutputSize(l);
            activations[l] = new float[maxBatchSize][outputSize];
            deltas[l] = new float[maxBatchSize][outputSize];
            kernelGradients[l] = new float[architecture.layerInputSize(l)][outputSize];
            biasGradients[l] = new float[outputSize];
        }
        this.predictions = new float[maxBatchSize];
    }

    /** @return the architecture these buffers fit */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the largest batch these buffers hold */
    public int maxBatchSize() {
        return maxBatchSize;
    }
}
