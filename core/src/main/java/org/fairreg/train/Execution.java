package org.fairreg.train;

import java.util.Objects;

import org.fairreg.model.DenseKernels;

/**
 * How a run computes, as opposed to what it computes: the kernels, and how many threads share
 * the blocks of a large batch. Batches are cut into blocks of {@link #BLOCK_ROWS} examples
 * whatever the thread count, and the blocks' gradients are added in block order, so the thread
 * count never changes a model; the kernels do (the Vector API ones fuse multiply-adds), which is
 * why the model's provenance names them.
 *
 * @param kernels the dense-layer kernels
 * @param threads how many threads share a batch's blocks, at least 1
 */
public record Execution(DenseKernels kernels, int threads) {

    /** Examples per block of a batch; batches up to this size run as one block. */
    public static final int BLOCK_ROWS = 256;

    /**
     * @param kernels the dense-layer kernels
     * @param threads how many threads share a batch's blocks, at least 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Execution {
        Objects.requireNonNull(kernels, "kernels");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
    }

    /** @return the kernels {@link DenseKernels#select()} chooses, on one thread */
    public static Execution defaults() {
        return new Execution(DenseKernels.select(), 1);
    }

    /**
     * @param value how many threads share a batch's blocks
     * @return a copy with it
     */
    public Execution withThreads(int value) {
        return new Execution(kernels, value);
    }
}
