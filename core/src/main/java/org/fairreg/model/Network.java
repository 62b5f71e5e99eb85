package org.fairreg.model;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A dense regression network: its {@link Architecture} and every weight and bias in one flat
 * {@code float} array, which an optimizer updates in one sweep.
 *
 * <p>Layer {@code l}'s kernel starts at {@link #kernelOffset(int)} and is stored row-major
 * ({@code kernel[i][o]} at {@code kernelOffset(l) + i * outputSize + o}); its bias follows at
 * {@link #biasOffset(int)}. A gradient array of the same length uses the same layout.
 *
 * <p>The flat array is the master copy. The kernels compute from per-row copies of it (each
 * kernel row, each row of the transposed kernel, each bias its own array indexed from 0, see
 * {@link DenseKernels}), refreshed whenever the parameters change through {@link #setParameters}
 * or {@link #update}, the only ways to change them; refreshing costs one copy of the parameters,
 * small next to a batch's arithmetic.
 *
 * <p>Not thread-safe while it is updated. Between updates several threads may run
 * {@link #forward} and {@link #backward} at once, each with its own {@link Workspace}.
 */
public final class Network {

    private final Architecture architecture;
    private final DenseKernels kernels;
    private final float[] parameters;
    private final int[] kernelOffsets;
    private final int[] biasOffsets;
    private final float[][][] kernelRows;
    private final float[][][] transposedRows;
    private final float[][] biasRows;

    /**
     * Creates a network with every parameter zero, computing with the kernels
     * {@link DenseKernels#select()} chooses.
     *
     * @param architecture the shape of the network
     */
    public Network(Architecture architecture) {
        this(architecture, DenseKernels.select());
    }

    /**
     * Creates a network with every parameter zero.
     *
     * @param architecture the shape of the network
     * @param kernels the kernels to compute with
     */
    public Network(Architecture architecture, DenseKernels kernels) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        int layers = architecture.layerCount();
        this.kernelOffsets = new int[layers];
        this.biasOffsets = new int[layers];
        this.kernelRows = new float[layers][][];
        this.transposedRows = new float[layers][][];
        this.biasRows = new float[layers][];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            int inputSize = architecture.layerInputSize(l);
            int outputSize = architecture.layerOutputSize(l);
            kernelOffsets[l] = offset;
            offset += inputSize * outputSize;
            biasOffsets[l] = offset;
            offset += outputSize;
            kernelRows[l] = new float[inputSize][outputSize];
            transposedRows[l] = new float[outputSize][inputSize];
            biasRows[l] = new float[outputSize];
        }
        this.parameters = new float[architecture.parameterCount()];
    }

    /** @return the shape of the network */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the kernels this network computes with */
    public DenseKernels kernels() {
        return kernels;
    }

    /** @return a copy of the parameters, {@code architecture().parameterCount()} values */
    public float[] parameters() {
        return parameters.clone();
    }

    /** @return the number of parameters */
    public int parameterCount() {
        return parameters.length;
    }

    /**
     * Copies the parameters into a caller's array, allocating nothing.
     *
     * @param out receives the parameters, same length and layout; overwritten
     * @throws IllegalArgumentException if the length differs
     */
    public void copyParametersTo(float[] out) {
        if (out.length != parameters.length) {
            throw new IllegalArgumentException("out must hold " + parameters.length + " parameters, found "
                    + out.length);
        }
        System.arraycopy(parameters, 0, out, 0, parameters.length);
    }

    /**
     * Adds L2 weight decay to a gradient: {@code gradient[j] += decay * w_j} for every kernel
     * weight; biases are not decayed.
     *
     * @param decay the decay {@code d}, the gradient of {@code d / 2 ||w||^2}
     * @param gradient a gradient in the parameters' layout; modified
     */
    public void addWeightDecay(float decay, float[] gradient) {
        for (int l = 0; l < kernelOffsets.length; l++) {
            int end = biasOffsets[l];
            for (int j = kernelOffsets[l]; j < end; j++) {
                gradient[j] += decay * parameters[j];
            }
        }
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
        refreshRows();
    }

    /**
     * Lets an update change the parameters in place, such as an optimizer's step.
     *
     * @param step receives the live parameters and {@code gradient}; it modifies the parameters
     * @param gradient passed to {@code step} unchanged
     */
    public void update(BiConsumer<float[], float[]> step, float[] gradient) {
        step.accept(parameters, gradient);
        refreshRows();
    }

    private void refreshRows() {
        for (int l = 0; l < kernelRows.length; l++) {
            float[][] rows = kernelRows[l];
            float[][] transposed = transposedRows[l];
            int outputSize = biasRows[l].length;
            int offset = kernelOffsets[l];
            for (int i = 0; i < rows.length; i++) {
                float[] row = rows[i];
                System.arraycopy(parameters, offset + i * outputSize, row, 0, outputSize);
                for (int o = 0; o < outputSize; o++) {
                    transposed[o][i] = row[o];
                }
            }
            System.arraycopy(parameters, biasOffsets[l], biasRows[l], 0, outputSize);
        }
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
     * @param input at least {@code batchSize} rows of {@code inputSize} values, one per example
     * @param batchSize number of examples, from 1 to the workspace's maximum
     * @param workspace buffers for this network; its activations are overwritten
     * @return the workspace's prediction buffer: the prediction of example {@code b} is at index
     *         {@code b}; valid until the workspace is used again
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public float[] forward(float[][] input, int batchSize, Workspace workspace) {
        checkShapes(input, batchSize, workspace);
        float[][] layerInput = input;
        for (int l = 0; l < kernelRows.length; l++) {
            float[][] layerOutput = workspace.activations[l];
            kernels.forward(layerInput, batchSize, kernelRows[l], transposedRows[l], biasRows[l],
                    architecture.layerActivation(l), layerOutput);
            layerInput = layerOutput;
        }
        float[] predictions = workspace.predictions;
        for (int b = 0; b < batchSize; b++) {
            predictions[b] = layerInput[b][0];
        }
        return predictions;
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
            float[][] input,
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
        int last = kernelRows.length - 1;
        float[][] outputDelta = workspace.deltas[last];
        for (int b = 0; b < batchSize; b++) {
            outputDelta[b][0] = predictionGradient[b];
        }
        for (int l = last; l >= 0; l--) {
            int outputSize = architecture.layerOutputSize(l);
            float[][] delta = workspace.deltas[l];
            float[][] activations = workspace.activations[l];
            kernels.activationGradient(architecture.layerActivation(l), activations, batchSize, delta);
            float[][] layerInput = l == 0 ? input : workspace.activations[l - 1];
            kernels.parameterGradient(layerInput, batchSize, delta, workspace.kernelGradients[l],
                    workspace.biasGradients[l]);
            copyGradient(workspace, l, gradient);
            if (l > 0) {
                kernels.inputDelta(delta, batchSize, transposedRows[l], workspace.deltas[l - 1]);
            }
        }
    }

    private void copyGradient(Workspace workspace, int l, float[] gradient) {
        float[][] rows = workspace.kernelGradients[l];
        int outputSize = biasRows[l].length;
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, gradient, kernelOffsets[l] + i * outputSize, outputSize);
        }
        System.arraycopy(workspace.biasGradients[l], 0, gradient, biasOffsets[l], outputSize);
    }

    private void checkShapes(float[][] input, int batchSize, Workspace workspace) {
        if (workspace.architecture() != architecture && !workspace.architecture().equals(architecture)) {
            throw new IllegalArgumentException("workspace was made for " + workspace.architecture()
                    + ", not for " + architecture);
        }
        if (batchSize < 1 || batchSize > workspace.maxBatchSize()) {
            throw new IllegalArgumentException("batchSize must be in [1, " + workspace.maxBatchSize()
                    + "], found " + batchSize);
        }
        if (input.length < batchSize || input[0].length < architecture.inputSize()) {
            throw new IllegalArgumentException("input must hold batchSize x inputSize = " + batchSize + " x "
                    + architecture.inputSize() + " values, found " + input.length + " rows of "
                    + (input.length == 0 ? 0 : input[0].length));
        }
    }
}
