package org.fairreg.model;

import java.util.Arrays;

/**
 * Dense-layer kernels in plain Java. Four examples are processed together (register blocking), so
 * that each weight row loaded from memory serves four rows of the batch, and every inner loop is a
 * multiply-add over arrays indexed alike from 0, which the JIT compiles to vector instructions
 * without any flag. Sums are taken in the order {@link DenseKernels} states, with separate
 * multiply and add, so results do not depend on the blocking.
 */
final class PortableKernels implements DenseKernels {

    static final PortableKernels INSTANCE = new PortableKernels();

    /** Examples processed together; four output rows stay hot while a weight row streams by. */
    private static final int BLOCK = 4;

    private PortableKernels() {
    }

    @Override
    public String name() {
        return "portable";
    }

    @Override
    public void forward(float[][] input, int batchSize, float[][] kernel, float[] bias, Activation activation,
            float[][] output) {
        int inputSize = kernel.length;
        int outputSize = bias.length;
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

    @Override
    public void parameterGradient(float[][] input, int batchSize, float[][] delta, float[][] kernelGradient,
            float[] biasGradient) {
        int inputSize = kernelGradient.length;
        int outputSize = biasGradient.length;
        for (int i = 0; i < inputSize; i++) {
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
        for (int b = 0; b < batchSize; b++) {
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
