package org.fairreg.model;

import java.util.Arrays;

/**
 * Dense-layer kernels in plain Java. Two rows of the result are computed together, and each pass
 * over them adds three terms of every sum, so that each value loaded from memory serves several
 * multiply-adds and each row is loaded and stored once per three terms rather than once per term;
 * every inner loop is a multiply-add over arrays indexed alike from 0, which the JIT compiles to
 * vector instructions without any flag. Sums are taken in the order {@link DenseKernels} states,
 * with separate multiply and add, one rounding per operation as in the plain loop, so results do
 * not depend on the blocking.
 *
 * <p>The blocks are small because the JIT vectorizes only loops with a small body: with JDK 17, a
 * loop over four rows and two terms, or two rows and four, was left scalar at width 64 and ran
 * twice as slow as the loop over four rows and one term it would have replaced.
 *
 * <p>Layers with fewer than {@link #NARROW} outputs (a regressor's last layer) take methods of
 * their own: the JIT tunes a loop to the trip counts it has seen, and a loop that ran one output
 * at a time for the last layer is compiled worse for the 64-wide layers it also serves.
 */
final class PortableKernels implements DenseKernels {

    static final PortableKernels INSTANCE = new PortableKernels();

    /** Rows of the result computed together: examples, or inputs for the parameter gradient. */
    private static final int ROWS = 2;

    /** Terms of each sum added per pass over the rows; the loops are written out for these counts. */
    private static final int TERMS = 3;

    /**
     * Sums a narrow method computes together. Each sum is a chain of adds that each wait for the one
     * before; four independent chains keep the adder busy while one alone leaves it mostly waiting.
     */
    private static final int CHAINS = 4;

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
        for (; b + ROWS <= batchSize; b += ROWS) {
            float[] in0 = input[b];
            float[] in1 = input[b + 1];
            float[] out0 = output[b];
            float[] out1 = output[b + 1];
            System.arraycopy(bias, 0, out0, 0, outputSize);
            System.arraycopy(bias, 0, out1, 0, outputSize);
            int i = 0;
            for (; i + TERMS <= inputSize; i += TERMS) {
                float[] wa = kernel[i];
                float[] wb = kernel[i + 1];
                float[] wc = kernel[i + 2];
                float x0a = in0[i];
                float x0b = in0[i + 1];
                float x0c = in0[i + 2];
                float x1a = in1[i];
                float x1b = in1[i + 1];
                float x1c = in1[i + 2];
                for (int o = 0; o < outputSize; o++) {
                    float woa = wa[o];
                    float wob = wb[o];
                    float woc = wc[o];
                    out0[o] = ((out0[o] + x0a * woa) + x0b * wob) + x0c * woc;
                    out1[o] = ((out1[o] + x1a * woa) + x1b * wob) + x1c * woc;
                }
            }
            for (; i < inputSize; i++) {
                float[] w = kernel[i];
                float x0 = in0[i];
                float x1 = in1[i];
                for (int o = 0; o < outputSize; o++) {
                    float wo = w[o];
                    out0[o] += x0 * wo;
                    out1[o] += x1 * wo;
                }
            }
            activation.applyInPlace(out0, outputSize);
            activation.applyInPlace(out1, outputSize);
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

    /**
     * {@link #forward} for a layer with few outputs: each sum in a loop of its own, in the same
     * order, four examples at a time.
     */
    static void forwardNarrow(float[][] input, int batchSize, float[][] kernel, float[] bias, Activation activation,
            float[][] output) {
        int b = 0;
        for (; b + CHAINS <= batchSize; b += CHAINS) {
            float[] in0 = input[b];
            float[] in1 = input[b + 1];
            float[] in2 = input[b + 2];
            float[] in3 = input[b + 3];
            float[] out0 = output[b];
            float[] out1 = output[b + 1];
            float[] out2 = output[b + 2];
            float[] out3 = output[b + 3];
            for (int o = 0; o < bias.length; o++) {
                float sum0 = bias[o];
                float sum1 = bias[o];
                float sum2 = bias[o];
                float sum3 = bias[o];
                for (int i = 0; i < kernel.length; i++) {
                    float w = kernel[i][o];
                    sum0 += in0[i] * w;
                    sum1 += in1[i] * w;
                    sum2 += in2[i] * w;
                    sum3 += in3[i] * w;
                }
                out0[o] = sum0;
                out1[o] = sum1;
                out2[o] = sum2;
                out3[o] = sum3;
            }
            activation.applyInPlace(out0, bias.length);
            activation.applyInPlace(out1, bias.length);
            activation.applyInPlace(out2, bias.length);
            activation.applyInPlace(out3, bias.length);
        }
        for (; b < batchSize; b++) {
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
        for (; i + ROWS <= inputSize; i += ROWS) {
            float[] g0 = kernelGradient[i];
            float[] g1 = kernelGradient[i + 1];
            Arrays.fill(g0, 0, outputSize, 0f);
            Arrays.fill(g1, 0, outputSize, 0f);
            int b = 0;
            for (; b + TERMS <= batchSize; b += TERMS) {
                float[] ina = input[b];
                float[] inb = input[b + 1];
                float[] inc = input[b + 2];
                float x0a = ina[i];
                float x0b = inb[i];
                float x0c = inc[i];
                float x1a = ina[i + 1];
                float x1b = inb[i + 1];
                float x1c = inc[i + 1];
                float[] da = delta[b];
                float[] db = delta[b + 1];
                float[] dc = delta[b + 2];
                for (int o = 0; o < outputSize; o++) {
                    float dva = da[o];
                    float dvb = db[o];
                    float dvc = dc[o];
                    g0[o] = ((g0[o] + x0a * dva) + x0b * dvb) + x0c * dvc;
                    g1[o] = ((g1[o] + x1a * dva) + x1b * dvb) + x1c * dvc;
                }
            }
            for (; b < batchSize; b++) {
                float x0 = input[b][i];
                float x1 = input[b][i + 1];
                float[] d = delta[b];
                for (int o = 0; o < outputSize; o++) {
                    float dv = d[o];
                    g0[o] += x0 * dv;
                    g1[o] += x1 * dv;
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

    /**
     * {@link #parameterGradient} for a layer with few outputs: each sum in a loop of its own, in the
     * same order, four inputs at a time.
     */
    static void parameterGradientNarrow(float[][] input, int batchSize, float[][] delta, float[][] kernelGradient,
            float[] biasGradient) {
        int i = 0;
        for (; i + CHAINS <= kernelGradient.length; i += CHAINS) {
            for (int o = 0; o < biasGradient.length; o++) {
                float sum0 = 0f;
                float sum1 = 0f;
                float sum2 = 0f;
                float sum3 = 0f;
                for (int b = 0; b < batchSize; b++) {
                    float[] in = input[b];
                    float dv = delta[b][o];
                    sum0 += in[i] * dv;
                    sum1 += in[i + 1] * dv;
                    sum2 += in[i + 2] * dv;
                    sum3 += in[i + 3] * dv;
                }
                kernelGradient[i][o] = sum0;
                kernelGradient[i + 1][o] = sum1;
                kernelGradient[i + 2][o] = sum2;
                kernelGradient[i + 3][o] = sum3;
            }
        }
        for (; i < kernelGradient.length; i++) {
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
        for (; b + ROWS <= batchSize; b += ROWS) {
            float[] d0 = delta[b];
            float[] d1 = delta[b + 1];
            float[] out0 = inputDelta[b];
            float[] out1 = inputDelta[b + 1];
            Arrays.fill(out0, 0, inputSize, 0f);
            Arrays.fill(out1, 0, inputSize, 0f);
            int o = 0;
            for (; o + TERMS <= outputSize; o += TERMS) {
                float[] wa = kernelTransposed[o];
                float[] wb = kernelTransposed[o + 1];
                float[] wc = kernelTransposed[o + 2];
                float v0a = d0[o];
                float v0b = d0[o + 1];
                float v0c = d0[o + 2];
                float v1a = d1[o];
                float v1b = d1[o + 1];
                float v1c = d1[o + 2];
                for (int i = 0; i < inputSize; i++) {
                    float wia = wa[i];
                    float wib = wb[i];
                    float wic = wc[i];
                    out0[i] = ((out0[i] + v0a * wia) + v0b * wib) + v0c * wic;
                    out1[i] = ((out1[i] + v1a * wia) + v1b * wib) + v1c * wic;
                }
            }
            for (; o < outputSize; o++) {
                float[] w = kernelTransposed[o];
                float v0 = d0[o];
                float v1 = d1[o];
                for (int i = 0; i < inputSize; i++) {
                    float wi = w[i];
                    out0[i] += v0 * wi;
                    out1[i] += v1 * wi;
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
