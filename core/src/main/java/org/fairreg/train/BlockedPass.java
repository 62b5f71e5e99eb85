package org.fairreg.train;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.fairreg.model.Network;
import org.fairreg.model.Workspace;

/**
 * The forward and backward pass of one batch, cut into blocks of {@link Execution#BLOCK_ROWS}
 * examples that {@link BlockWorkers} may run on several threads. Each block has its own
 * workspace and gradient; the blocks' gradients are added in block order, so the result is the
 * same for any number of threads. A batch of at most one block runs as before, with no copy.
 *
 * <p>Every buffer is allocated here, once. The batch rows are the caller's array: block
 * {@code j} reads rows {@code [j * BLOCK_ROWS, ...)} through a view made once. Not thread-safe:
 * one training thread drives it.
 */
final class BlockedPass implements AutoCloseable {

    private final Network network;
    private final BlockWorkers workers;
    private final float[][][] blockInputs;
    private final Workspace[] workspaces;
    private final float[][] blockPredictionGradients;
    private final float[][] blockGradients;
    private final float[] predictions;
    private final IntConsumer forwardBlock = this::forwardBlock;
    private final IntConsumer backwardBlock = this::backwardBlock;
    private int batchSize;
    private float[] predictionGradient;

    /**
     * @param network the network both passes run
     * @param batchInput the caller's batch rows, as many as the largest batch
     * @param threads how many threads share the blocks
     */
    BlockedPass(Network network, float[][] batchInput, int threads) {
        this.network = network;
        int maxBatch = batchInput.length;
        int blocks = (maxBatch + Execution.BLOCK_ROWS - 1) / Execution.BLOCK_ROWS;
        this.workers = new BlockWorkers(Math.min(threads, blocks));
        this.blockInputs = new float[blocks][][];
        this.workspaces = new Workspace[blocks];
        this.blockPredictionGradients = new float[blocks][];
        this.blockGradients = new float[blocks][];
        for (int j = 0; j < blocks; j++) {
            int from = j * Execution.BLOCK_ROWS;
            int rows = Math.min(Execution.BLOCK_ROWS, maxBatch - from);
            blockInputs[j] = Arrays.copyOfRange(batchInput, from, from + rows);
            workspaces[j] = network.newWorkspace(rows);
            blockPredictionGradients[j] = new float[rows];
            blockGradients[j] = new float[network.parameterCount()];
        }
        this.predictions = new float[maxBatch];
    }

    /**
     * Runs the forward pass of the first {@code count} rows.
     *
     * @param count the batch size
     * @return the predictions, example {@code b} at index {@code b}; valid until the next call
     */
    float[] forward(int count) {
        batchSize = count;
        workers.run(blockCount(count), forwardBlock);
        return predictions;
    }

    /**
     * Runs the backward pass of the batch of the last {@link #forward}.
     *
     * @param gradientOfPredictions {@code d objective / d prediction[b]} at index {@code b}
     * @param gradient receives {@code d objective / d parameter}; overwritten
     */
    void backward(float[] gradientOfPredictions, float[] gradient) {
        predictionGradient = gradientOfPredictions;
        int blocks = blockCount(batchSize);
        workers.run(blocks, backwardBlock);
        System.arraycopy(blockGradients[0], 0, gradient, 0, gradient.length);
        for (int j = 1; j < blocks; j++) {
            float[] block = blockGradients[j];
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] += block[p];
            }
        }
    }

    private void forwardBlock(int j) {
        int from = j * Execution.BLOCK_ROWS;
        float[] blockPredictions = network.forward(blockInputs[j], rows(j), workspaces[j]);
        System.arraycopy(blockPredictions, 0, predictions, from, rows(j));
    }

    private void backwardBlock(int j) {
        int rows = rows(j);
        System.arraycopy(predictionGradient, j * Execution.BLOCK_ROWS, blockPredictionGradients[j], 0, rows);
        network.backward(blockInputs[j], rows, blockPredictionGradients[j], workspaces[j], blockGradients[j]);
    }

    private int rows(int j) {
        return Math.min(Execution.BLOCK_ROWS, batchSize - j * Execution.BLOCK_ROWS);
    }

    private static int blockCount(int count) {
        return (count + Execution.BLOCK_ROWS - 1) / Execution.BLOCK_ROWS;
    }

    @Override
    public void close() {
        workers.close();
    }
}
