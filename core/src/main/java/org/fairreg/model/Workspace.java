package org.fairreg.model;

/**
 * Buffers for the forward and backward pass of one network on batches of up to
 * {@link #maxBatchSize()} examples, allocated once and reused for every batch of a run.
 *
 * <p>{@code activations[l]} holds the outputs of layer {@code l} and {@code deltas[l]} the
 * gradient with respect to them, both {@code batchSize x outputSize(l)} row-major. A workspace
 * belongs to one thread at a time.
 */
public final class Workspace {

    private final Architecture architecture;
    private final int maxBatchSize;
    final float[][] activations;
    final float[][] deltas;

    Workspace(Architecture architecture, int maxBatchSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, found " + maxBatchSize);
        }
        this.architecture = architecture;
        this.maxBatchSize = maxBatchSize;
        int layers = architecture.layerCount();
        this.activations = new float[layers][];
        this.deltas = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int length = Math.multiplyExact(maxBatchSize, architecture.layerOutputSize(l));
            activations[l] = new float[length];
            deltas[l] = new float[length];
        }
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
