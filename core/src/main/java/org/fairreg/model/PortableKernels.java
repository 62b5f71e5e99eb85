package org.fairreg.model;

import java.util.Arrays;

/**
 * Dense-layer kernels in plain Java. Four examples are processed together (register blocking), so
 * that each weight row loaded from memory serves four rows of the batch, and every inner loop is a
 * multiply-add over arrays indexed alike from 0, which the JIT compiles to vector instructions
 * without any flag. Sums are taken in the order {@link DenseKernels} states, with separate
 * multiply and add, so results do not depend on the blocking.
 *
 * <p>Layers with fewer than {@link #NARROW} outputs (a regressor's last layer) take methods of
 * their own: the JIT tunes a loop to the trip counts it has seen, and a loop that ran one output
 * at a time for the last layer is compiled worse for the 64-wide layers it also serves.
 */
final class PortableKernels implements DenseKernels {

    static final PortableKernels INSTANCE = new PortableKernels();

    /** Examples processed together; four output rows stay hot while a weight row streams by. */
    private static final int BLOCK = 4;

    /** Layers with fewer outputs than this run the narrow methods. */
    static final int NARROW = 8;

    private PortableKernels() {
    }

    @Override
    public String name() {
        return "portable";
    }

    @Override
    public void forward(float[][] input, int batchSize, float[][] kernel, float[][] kernelTransposed, float[] bias,
            Activation activation, float[][] output) {
        int inputSize = kernel.length;
        int outputSize = bias.length;
        if (outputSize < NARROW) {
            forwardNarrow(input, batchSize, kernel, bias, activation, output);
            return;
        }
        int b = 0;
        for (; b + BLOCK <= batchSize; b += BLOCK) {
            float[] in0 = input[b];
            float[] in1 = input[b + 1];
            float[] in2 = input[b + 2];
            float[] in3 = input[b + 3];
            float[] out0 = output[b];
            float[] out1 = output[b + 1];
            float[] out2 = output[b + 2];
            float[] out3 = output[b + 3];
            System.arraycopy(bias, 0, out0, 0, outputSize);
            System.arraycopy(bias, 0, out1, 0, outputSize);
            System.arraycopy(bias, 0, out2, 0, outputSize);
            System.arraycopy(bias, 0, out3, 0, outputSize);
            for (int i = 0; i < inputSize; i++) {
                float[] w = kernel[i];
                float x0 = in0[i];
                float x1 = in1[i];
                float x2 = in2[i];
                float x3 = in3[i];
                for (int o = 0; o < outputSize; o++) {
                    float wo = w[o];
                    out0[o] += x0 * wo;
                    out1[o] += x1 * wo;
                    out2[o] += x2 * wo;
                    out3[o] += x3 * wo;
                }
            }
            activation.applyInPlace(out0, outputSize);
            activation.applyInPlace(out1, outputSize);
            activation.applyInPlace(out2, outputSize);
            activation.applyInPlace(out3, outputSize);
        }
        for (; b < batchSize; b++) {
            float[] in = input[b];
            float[] out = output[b];
            System.arraycopy(bias, 0, out, 0, outputSize);
            for (int i = 0; i < inputSize; i++) {
                float[] w = kernel[i];
                float x = in[i];
                for (int o = 0; o < outputSize; o++) {
                    out[o] += x * w[o];
                }
            }
            activation.applyInPlace(out, outputSize);
        }
    }

    /** {@link #forward} for a layer with few outputs: one sum at a time, in the same order. */
    static void forwardNarrow(float[][] input, int batchSize, float[][] kernel, float[] bias, Activation activation,
            float[][] output) {
        for (int b = 0; b < batchSize; b++) {
            float[] in = input[b];
            float[] out = output[b];
            for (int o = 0; o < bias.length; o++) {
                float sum = bias[o];
                for (int i = 0; i < kernel.length; i++) {
                    sum += in[i] * kernel[i][o];
                }
                out[o] = sum;
            }
            activation.applyInPlace(out, bias.length);
        }
    }

    @Override
    public void activationGradient(Activation activation, float[][] outputs, int batchSize, float[][] delta) {
        for (int b = 0; b < batchSize; b++) {
            activation.multiplyByDerivativeInPlace(outputs[b], delta[b], 0, delta[b].length);
        }
    }

    @Override
    public void parameterGradient(float[][] input, int batchSize, float[][] delta, float[][] kernelGradient,
            float[] biasGradient) {
        int inputSize = kernelGradient.length;
        int outputSize = biasGradient.length;
        if (outputSize < NARROW) {
            parameterGradientNarrow(input, batchSize, delta, kernelGradient, biasGradient);
            return;
        }
        int i = 0;
        for (; i + BLOCK <= inputSize; i += BLOCK) {
            float[] g0 = kernelGradient[i];
            float[] g1 = kernelGradient[i + 1];
            float[] g2 = kernelGradient[i + 2];
            float[] g3 = kernelGradient[i + 3];
            Arrays.fill(g0, 0, outputSize, 0f);
            Arrays.fill(g1, 0, outputSize, 0f);
            Arrays.fill(g2, 0, outputSize, 0f);
            Arrays.fill(g3, 0, outputSize, 0f);
            for (int b = 0; b < batchSize; b++) {
                float[] in = input[b];
                float x0 = in[i];
                float x1 = in[i + 1];
                float x2 = in[i + 2];
                float x3 = in[i + 3];
                float[] d = delta[b];
                for (int o = 0; o < outputSize; o++) {
                    float dv = d[o];
                    g0[o] += x0 * dv;
                    g1[o] += x1 * dv;
                    g2[o] += x2 * dv;
                    g3[o] += x3 * dv;
                }
            }
        }
        for (; i < inputSize; i++) {
            float[] g = kernelGradient[i];
            Arrays.fill(g, 0, outputSize, 0f);
            for (int b = 0; b < batchSize; b++) {
                float x = input[b][i];
                float[] d = delta[b];
                for (int o = 0; o < outputSize; o++) {
                    g[o] += x * d[o];
                }
            }
        }
        sumRows(delta, batchSize, biasGradient);
    }

    /** {@link #parameterGradient} for a layer with few outputs: one sum at a time, in the same order. */
    static void parameterGradientNarrow(float[][] input, int batchSize, float[][] delta, float[][] kernelGradient,
            float[] biasGradient) {
        for (int i = 0; i < kernelGradient.length; i++) {
            float[] g = kernelGradient[i];
            for (int o = 0; o < biasGradient.length; o++) {
                float sum = 0f;
                for (int b = 0; b < batchSize; b++) {
                    sum += input[b][i] * delta[b][o];
                }
                g[o] = sum;
            }
        }
        sumRows(delta, batchSize, biasGradient);
    }

    /**
     * Computes {@code sums[o] = sum_b rows[b][o]} over the first {@code batchSize} rows, in order.
     *
     * @param rows at least {@code batchSize} rows of at least {@code sums.length} values
     * @param batchSize how many rows to add
     * @param sums the column sums; overwritten
     */
    static void sumRows(float[][] rows, int batchSize, float[] sums) {
        Arrays.fill(sums, 0f);
        for (int b = 0; b < batchSize; b++) {
            float[] row = rows[b];
            for (int o = 0; o < sums.length; o++) {
                sums[o] += row[o];
            }
        }
    }

    @Override
    public void inputDelta(float[][] delta, int batchSize, float[][] kernelTransposed, float[][] inputDelta) {
        int outputSize = kernelTransposed.length;
        int inputSize = kernelTransposed[0].length;
        int b = 0;
        for (; b + BLOCK <= batchSize; b += BLOCK) {
            float[] d0 = delta[b];
            float[] d1 = delta[b + 1];
            float[] d2 = delta[b + 2];
            float[] d3 = delta[b + 3];
            float[] out0 = inputDelta[b];
            float[] out1 = inputDelta[b + 1];
            float[] out2 = inputDelta[b + 2];
            float[] out3 = inputDelta[b + 3];
            Arrays.fill(out0, 0, inputSize, 0f);
            Arrays.fill(out1, 0, inputSize, 0f);
            Arrays.fill(out2, 0, inputSize, 0f);
            Arrays.fill(out3, 0, inputSize, 0f);
            for (int o = 0; o < outputSize; o++) {
                float[] w = kernelTransposed[o];
                float v0 = d0[o];
                float v1 = d1[o];
                float v2 = d2[o];
                float v3 = d3[o];
                for (int i = 0; i < inputSize; i++) {
                    float wi = w[i];
                    out0[i] += v0 * wi;
                    out1[i] += v1 * wi;
                    out2[i] += v2 * wi;
                    out3[i] += v3 * wi;
                }
            }
        }
        for (; b < batchSize; b++) {
            float[] d = delta[b];
            float[] out = inputDelta[b];
            Arrays.fill(out, 0, inputSize, 0f);
            for (int o = 0; o < outputSize; o++) {
                float[] w = kernelTransposed[o];
                float dv = d[o];
                for (int i = 0; i < inputSize; i++) {
                    out[i] += dv * w[i];
                }
            }
        }
    }
}
