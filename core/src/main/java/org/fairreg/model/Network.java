package org.fairreg.model;

import java.util.Objects;

/**
 * A dense regression network: its {@link Architecture} and every weight and bias in one flat
 * {@code float} array.
 *
 * <p>Layer {@code l}'s kernel starts at {@link #kernelOffset(int)} and is stored row-major
 * ({@code kernel[i][o]} at {@code kernelOffset(l) + i * outputSize + o}); its bias follows at
 * {@link #biasOffset(int)}. A gradient array of the same length uses the same layout.
 *
 * <p>Not thread-safe: training mutates the parameters in place. Several threads may run
 * {@link #forward} at once on a network nobody modifies, each with its own {@link Workspace}.
 */
public final class Network {

    private final Architecture architecture;
    private final float[] parameters;
    private final int[] kernelOffsets;
    private final int[] biasOffsets;

    /**
     * Creates a network with every parameter zero.
     *
     * @param architecture the shape of the network
     */
    public Network(Architecture architecture) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        int layers = architecture.layerCount();
        this.kernelOffsets = new int[layers];
        this.biasOffsets = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            kernelOffsets[l] = offset;
            offset += architecture.layerInputSize(l) * architecture.layerOutputSize(l);
            biasOffsets[l] = offset;
            offset += architecture.layerOutputSize(l);
        }
        this.parameters = new float[architecture.parameterCount()];
    }

    /** @return the shape of the network */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * Returns the live parameter array; writing to it changes the network.
     *
     * @return the parameters, {@code architecture().parameterCount()} values
     */
    public float[] parameters() {
        return parameters;
    }

    /**
     * Overwrites every parameter.
     *
     * @param values the new parameters, same length and layout
     * @throws IllegalArgumentException if the length differs
     */
    public void setParameters(float[] values) {
        if (values.length != parameters.length) {
            throw new IllegalArgumentException("values must hold " + parameters.length + " parameters, found "
                    + values.length);
        }
        System.arraycopy(values, 0, parameters, 0, parameters.length);
    }

    /**
     * @param l a layer index
     * @return where layer {@code l}'s kernel starts in the parameter array
     */
    public int kernelOffset(int l) {
        return kernelOffsets[l];
    }

    /**
     * @param l a layer index
     * @return where layer {@code l}'s bias starts in the parameter array
     */
    public int biasOffset(int l) {
        return biasOffsets[l];
    }

    /**
     * Allocates the buffers that {@link #forward} and {@link #backward} need.
     *
     * @param maxBatchSize the largest batch that will be passed, at least 1
     * @return a new workspace
     */
    public Workspace newWorkspace(int maxBatchSize) {
        return new Workspace(architecture, maxBatchSize);
    }

    /**
     * Computes the predictions for a batch.
     *
     * @param input {@code batchSize x inputSize}, row-major
     * @param batchSize number of examples, from 1 to the workspace's maximum
     * @param workspace buffers for this network; its activations are overwritten
     * @return the workspace's output buffer: the prediction of example {@code b} is at index
     *         {@code b}; valid until the workspace is used again
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public float[] forward(float[] input, int batchSize, Workspace workspace) {
        checkShapes(input, batchSize, workspace);
        float[] layerInput = input;
        for (int l = 0; l < kernelOffsets.length; l++) {
            int inputSize = architecture.layerInputSize(l);
            int outputSize = architecture.layerOutputSize(l);
            float[] layerOutput = workspace.activations[l];
            DenseKernels.forward(layerInput, batchSize, inputSize, parameters, kernelOffsets[l], biasOffsets[l],
                    outputSize, layerOutput);
            architecture.layerActivation(l).applyInPlace(layerOutput, batchSize * outputSize);
            layerInput = layerOutput;
        }
        return workspace.activations[kernelOffsets.length - 1];
    }

    /**
     * Computes the gradient of an objective with respect to every parameter, given its gradient
     * with respect to the predictions. Call right after {@link #forward} on the same input and
     * workspace.
     *
     * @param input the batch given to {@code forward}
     * @param batchSize the batch size given to {@code forward}
     * @param predictionGradient {@code d objective / d prediction[b]} at index {@code b}
     * @param workspace the workspace given to {@code forward}; its deltas are overwritten
     * @param gradient receives {@code d objective / d parameter}, same layout as the parameters;
     *        overwritten
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public void backward(
            float[] input,
            int batchSize,
            float[] predictionGradient,
            Workspace workspace,
            float[] gradient) {
        checkShapes(input, batchSize, workspace);
        if (predictionGradient.length < batchSize || gradient.length != parameters.length) {
            throw new IllegalArgumentException("predictionGradient must hold at least " + batchSize
                    + " values and gradient exactly " + parameters.length + ", found " + predictionGradient.length
                    + " and " + gradient.length);
        }
        int last = kernelOffsets.length - 1;
        System.arraycopy(predictionGradient, 0, workspace.deltas[last], 0, batchSize);
        for (int l = last; l >= 0; l--) {
            int inputSize = architecture.layerInputSize(l);
            int outputSize = architecture.layerOutputSize(l);
            float[] delta = workspace.deltas[l];
            architecture.layerActivation(l).multiplyByDerivativeInPlace(workspace.activations[l], delta,
                    batchSize * outputSize);
            float[] layerInput = l == 0 ? input : workspace.activations[l - 1];
            DenseKernels.parameterGradient(layerInput, batchSize, inputSize, delta, outputSize, gradient,
                    kernelOffsets[l], biasOffsets[l]);
            if (l > 0) {
                DenseKernels.inputDelta(delta, batchSize, outputSize, parameters, kernelOffsets[l], inputSize,
                        workspace.deltas[l - 1]);
            }
        }
    }

    private void checkShapes(float[] input, int batchSize, Workspace workspace) {
        if (workspace.architecture() != architecture && !workspace.architecture().equals(architecture)) {
            throw new IllegalArgumentException("workspace was made for " + workspace.architecture()
                    + ", not for " + architecture);
        }
        if (batchSize < 1 || batchSize > workspace.maxBatchSize()) {
            throw new IllegalArgumentException("batchSize must be in [1, " + workspace.maxBatchSize()
                    + "], found " + batchSize);
        }
        long needed = (long) batchSize * architecture.inputSize();
        if (input.length < needed) {
            throw new IllegalArgumentException("input must hold batchSize x inputSize = " + batchSize + " x "
                    + architecture.inputSize() + " values, found " + input.length);
        }
    }
}
