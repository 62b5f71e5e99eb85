package org.fairreg.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense-layer kernels on the incubating Vector API ({@code jdk.incubator.vector}), loaded only
 * when the JVM was started with {@code --add-modules jdk.incubator.vector} (see
 * {@link DenseKernels#select()}).
 *
 * <p>Each kernel keeps four examples' worth of one vector of outputs in registers across the
 * whole sum, loading each weight vector once for four fused multiply-adds. Sums run in the order
 * {@link DenseKernels} states; fused multiply-adds round once instead of twice, so results differ
 * from {@link PortableKernels} in the last bits. Outputs beyond the last whole vector are
 * computed one at a time.
 */
final class VectorKernels implements DenseKernels {

    static final VectorKernels INSTANCE = new VectorKernels();

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int BLOCK = 4;
    /** Whether the machine's vectors are 512 bits wide, and so come with 32 registers (AVX-512). */
    private static final boolean WIDE_TILES = SPECIES.vectorBitSize() >= 512;

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void forward(float[][] input, int batchSize, float[][] kernel, float[][] kernelTransposed, float[] bias,
            Activation activation, float[][] output) {
        int outputSize = bias.length;
        int vectorEnd = outputSize - outputSize % LANES;
        int b = 0;
        for (; b + BLOCK <= batchSize; b += BLOCK) {
            int o = 0;
            for (; o + 2 * LANES <= vectorEnd; o += 2 * LANES) {
                blockOfFourByTwo(input, b, kernel, bias, o, activation, output);
            }
            for (; o < vectorEnd; o += LANES) {
                blockOfFour(input, b, kernel, bias, o, activation, output);
            }
        }
        for (; b < batchSize; b++) {
            for (int o = 0; o < vectorEnd; o += LANES) {
                FloatVector sum = FloatVector.fromArray(SPECIES, bias, o);
                float[] in = input[b];
                for (int i = 0; i < kernel.length; i++) {
                    sum = FloatVector.fromArray(SPECIES, kernel[i], o).fma(broadcast(in[i]), sum);
                }
                activate(sum, activation).intoArray(output[b], o);
            }
        }
        if (vectorEnd < outputSize) {
            forwardTail(input, batchSize, kernelTransposed, bias, activation, output, vectorEnd);
        }
    }

    /**
     * Four rows from {@code b}, one vector of outputs from {@code o}, summed over every input from
     * the bias (or from 0 when {@code bias} is null). Vectors never cross a call boundary here,
     * since one that does not stay in registers is boxed, which costs more than the arithmetic.
     */
    private static void blockOfFour(float[][] input, int b, float[][] rows, float[] bias, int o,
            Activation activation, float[][] output) {
        FloatVector start = bias == null ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, bias, o);
        float[] in0 = input[b];
        float[] in1 = input[b + 1];
        float[] in2 = input[b + 2];
        float[] in3 = input[b + 3];
        FloatVector acc0 = start;
        FloatVector acc1 = start;
        FloatVector acc2 = start;
        FloatVector acc3 = start;
        for (int i = 0; i < rows.length; i++) {
            FloatVector w = FloatVector.fromArray(SPECIES, rows[i], o);
            acc0 = w.fma(broadcast(in0[i]), acc0);
            acc1 = w.fma(broadcast(in1[i]), acc1);
            acc2 = w.fma(broadcast(in2[i]), acc2);
            acc3 = w.fma(broadcast(in3[i]), acc3);
        }
        if (activation == Activation.RELU) {
            acc0 = acc0.max(0f);
            acc1 = acc1.max(0f);
            acc2 = acc2.max(0f);
            acc3 = acc3.max(0f);
        } else if (activation == Activation.TANH) {
            acc0 = acc0.lanewise(VectorOperators.TANH);
            acc1 = acc1.lanewise(VectorOperators.TANH);
            acc2 = acc2.lanewise(VectorOperators.TANH);
            acc3 = acc3.lanewise(VectorOperators.TANH);
        }
        acc0.intoArray(output[b], o);
        acc1.intoArray(output[b + 1], o);
        acc2.intoArray(output[b + 2], o);
        acc3.intoArray(output[b + 3], o);
    }

    /**
     * {@link #blockOfFour} for two vectors of outputs at once, from {@code o}: eight sums in
     * registers, each broadcast input serving two vectors, each loaded weight vector four rows.
     */
    private static void blockOfFourByTwo(float[][] input, int b, float[][] rows, float[] bias, int o,
            Activation activation, float[][] output) {
        int o2 = o + LANES;
        FloatVector start0 = bias == null ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, bias, o);
        FloatVector start1 = bias == null ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, bias, o2);
        float[] in0 = input[b];
        float[] in1 = input[b + 1];
        float[] in2 = input[b + 2];
        float[] in3 = input[b + 3];
        FloatVector a0 = start0;
        FloatVector a1 = start0;
        FloatVector a2 = start0;
        FloatVector a3 = start0;
        FloatVector c0 = start1;
        FloatVector c1 = start1;
        FloatVector c2 = start1;
        FloatVector c3 = start1;
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            FloatVector w = FloatVector.fromArray(SPECIES, row, o);
            FloatVector v = FloatVector.fromArray(SPECIES, row, o2);
            FloatVector x0 = broadcast(in0[i]);
            FloatVector x1 = broadcast(in1[i]);
            FloatVector x2 = broadcast(in2[i]);
            FloatVector x3 = broadcast(in3[i]);
            a0 = w.fma(x0, a0);
            a1 = w.fma(x1, a1);
            a2 = w.fma(x2, a2);
            a3 = w.fma(x3, a3);
            c0 = v.fma(x0, c0);
            c1 = v.fma(x1, c1);
            c2 = v.fma(x2, c2);
            c3 = v.fma(x3, c3);
        }
        activate(a0, activation).intoArray(output[b], o);
        activate(a1, activation).intoArray(output[b + 1], o);
        activate(a2, activation).intoArray(output[b + 2], o);
        activate(a3, activation).intoArray(output[b + 3], o);
        activate(c0, activation).intoArray(output[b], o2);
        activate(c1, activation).intoArray(output[b + 1], o2);
        activate(c2, activation).intoArray(output[b + 2], o2);
        activate(c3, activation).intoArray(output[b + 3], o2);
    }

    /**
     * Four rows from {@code b} by four vectors of outputs from {@code o}, summed over every input
     * with no bias or activation (the input delta): sixteen sums in registers, each broadcast
     * input serving four vectors and each loaded weight vector four rows. Only where there are
     * 32 vector registers ({@link #WIDE_TILES}); the forward pass measured no faster with it.
     */
    private static void sumsOfFourByFour(float[][] input, int b, float[][] rows, int o, float[][] output) {
        int o1 = o + LANES;
        int o2 = o + 2 * LANES;
        int o3 = o + 3 * LANES;
        float[] in0 = input[b];
        float[] in1 = input[b + 1];
        float[] in2 = input[b + 2];
        float[] in3 = input[b + 3];
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector c2 = a0;
        FloatVector c3 = a0;
        FloatVector e0 = a0;
        FloatVector e1 = a0;
        FloatVector e2 = a0;
        FloatVector e3 = a0;
        FloatVector g0 = a0;
        FloatVector g1 = a0;
        FloatVector g2 = a0;
        FloatVector g3 = a0;
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            FloatVector w0 = FloatVector.fromArray(SPECIES, row, o);
            FloatVector w1 = FloatVector.fromArray(SPECIES, row, o1);
            FloatVector w2 = FloatVector.fromArray(SPECIES, row, o2);
            FloatVector w3 = FloatVector.fromArray(SPECIES, row, o3);
            FloatVector x = broadcast(in0[i]);
            a0 = w0.fma(x, a0);
            c0 = w1.fma(x, c0);
            e0 = w2.fma(x, e0);
            g0 = w3.fma(x, g0);
            x = broadcast(in1[i]);
            a1 = w0.fma(x, a1);
            c1 = w1.fma(x, c1);
            e1 = w2.fma(x, e1);
            g1 = w3.fma(x, g1);
            x = broadcast(in2[i]);
            a2 = w0.fma(x, a2);
            c2 = w1.fma(x, c2);
            e2 = w2.fma(x, e2);
            g2 = w3.fma(x, g2);
            x = broadcast(in3[i]);
            a3 = w0.fma(x, a3);
            c3 = w1.fma(x, c3);
            e3 = w2.fma(x, e3);
            g3 = w3.fma(x, g3);
        }
        a0.intoArray(output[b], o);
        a1.intoArray(output[b + 1], o);
        a2.intoArray(output[b + 2], o);
        a3.intoArray(output[b + 3], o);
        c0.intoArray(output[b], o1);
        c1.intoArray(output[b + 1], o1);
        c2.intoArray(output[b + 2], o1);
        c3.intoArray(output[b + 3], o1);
        e0.intoArray(output[b], o2);
        e1.intoArray(output[b + 1], o2);
        e2.intoArray(output[b + 2], o2);
        e3.intoArray(output[b + 3], o2);
        g0.intoArray(output[b], o3);
        g1.intoArray(output[b + 1], o3);
        g2.intoArray(output[b + 2], o3);
        g3.intoArray(output[b + 3], o3);
    }

    private static FloatVector broadcast(float value) {
        return FloatVector.broadcast(SPECIES, value);
    }

    private static FloatVector activate(FloatVector sum, Activation activation) {
        switch (activation) {
            case RELU:
                return sum.max(0f);
            case TANH:
                return sum.lanewise(VectorOperators.TANH);
            default:
                return sum;
        }
    }

    /**
     * The outputs past the last whole vector, each a dot product of an input row with a row of the
     * transposed kernel: vectors over the inputs, then one sum of their lanes.
     */
    private static void forwardTail(float[][] input, int batchSize, float[][] kernelTransposed, float[] bias,
            Activation activation, float[][] output, int from) {
        int outputSize = bias.length;
        int inputSize = kernelTransposed[0].length;
        int inputVectorEnd = inputSize - inputSize % LANES;
        for (int b = 0; b < batchSize; b++) {
            float[] in = input[b];
            float[] out = output[b];
            for (int o = from; o < outputSize; o++) {
                float[] w = kernelTransposed[o];
                FloatVector partial = FloatVector.zero(SPECIES);
                for (int i = 0; i < inputVectorEnd; i += LANES) {
                    partial = FloatVector.fromArray(SPECIES, in, i).fma(FloatVector.fromArray(SPECIES, w, i), partial);
                }
                float sum = bias[o] + partial.reduceLanes(VectorOperators.ADD);
                for (int i = inputVectorEnd; i < inputSize; i++) {
                    sum = Math.fma(in[i], w[i], sum);
                }
                out[o] = sum;
            }
            activation.applyRange(out, from, outputSize);
        }
    }

    @Override
    public void activationGradient(Activation activation, float[][] outputs, int batchSize, float[][] delta) {
        if (activation == Activation.IDENTITY) {
            return;
        }
        for (int b = 0; b < batchSize; b++) {
            float[] out = outputs[b];
            float[] d = delta[b];
            int vectorEnd = d.length - d.length % LANES;
            for (int o = 0; o < vectorEnd; o += LANES) {
                FloatVector y = FloatVector.fromArray(SPECIES, out, o);
                FloatVector g = FloatVector.fromArray(SPECIES, d, o);
                g = activation == Activation.RELU
                        ? g.blend(0f, y.compare(VectorOperators.LE, 0f))
                        : g.mul(y.mul(y).neg().add(1f));
                g.intoArray(d, o);
            }
            activation.multiplyByDerivativeInPlace(out, d, vectorEnd, d.length);
        }
    }

    @Override
    public void parameterGradient(float[][] input, int batchSize, float[][] delta, float[][] kernelGradient,
            float[] biasGradient) {
        int inputSize = kernelGradient.length;
        int outputSize = biasGradient.length;
        int vectorEnd = outputSize - outputSize % LANES;
        FloatVector zero = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i + BLOCK <= inputSize; i += BLOCK) {
            int o = 0;
            if (WIDE_TILES) {
                for (; o + 4 * LANES <= vectorEnd; o += 4 * LANES) {
                    gradientFourByFour(input, batchSize, delta, kernelGradient, i, o);
                }
            }
            for (; o + 2 * LANES <= vectorEnd; o += 2 * LANES) {
                gradientFourByTwo(input, batchSize, delta, kernelGradient, i, o);
            }
            for (; o < vectorEnd; o += LANES) {
                FloatVector acc0 = zero;
                FloatVector acc1 = zero;
                FloatVector acc2 = zero;
                FloatVector acc3 = zero;
                for (int b = 0; b < batchSize; b++) {
                    float[] in = input[b];
                    FloatVector d = FloatVector.fromArray(SPECIES, delta[b], o);
                    acc0 = d.fma(broadcast(in[i]), acc0);
                    acc1 = d.fma(broadcast(in[i + 1]), acc1);
                    acc2 = d.fma(broadcast(in[i + 2]), acc2);
                    acc3 = d.fma(broadcast(in[i + 3]), acc3);
                }
                acc0.intoArray(kernelGradient[i], o);
                acc1.intoArray(kernelGradient[i + 1], o);
                acc2.intoArray(kernelGradient[i + 2], o);
                acc3.intoArray(kernelGradient[i + 3], o);
            }
        }
        for (; i < inputSize; i++) {
            for (int o = 0; o < vectorEnd; o += LANES) {
                FloatVector acc = zero;
                for (int b = 0; b < batchSize; b++) {
                    acc = FloatVector.fromArray(SPECIES, delta[b], o).fma(broadcast(input[b][i]), acc);
                }
                acc.intoArray(kernelGradient[i], o);
            }
        }
        if (vectorEnd < outputSize) {
            parameterGradientTail(input, batchSize, delta, kernelGradient, vectorEnd, outputSize);
        }
        PortableKernels.sumRows(delta, batchSize, biasGradient);
    }

    /**
     * Four inputs from {@code i} by four vectors of outputs from {@code o}: sixteen sums in
     * registers, each loaded delta vector serving four inputs and each broadcast input four
     * vectors, half the loads per multiply-add of the four-by-two tile. Used only where the
     * machine has 32 vector registers (AVX-512), since sixteen sums and their operands would
     * spill from sixteen.
     */
    private static void gradientFourByFour(float[][] input, int batchSize, float[][] delta,
            float[][] kernelGradient, int i, int o) {
        int o1 = o + LANES;
        int o2 = o + 2 * LANES;
        int o3 = o + 3 * LANES;
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector c2 = a0;
        FloatVector c3 = a0;
        FloatVector e0 = a0;
        FloatVector e1 = a0;
        FloatVector e2 = a0;
        FloatVector e3 = a0;
        for (int b = 0; b < batchSize; b++) {
            float[] in = input[b];
            float[] d = delta[b];
            FloatVector d0 = FloatVector.fromArray(SPECIES, d, o);
            FloatVector d1 = FloatVector.fromArray(SPECIES, d, o1);
            FloatVector d2 = FloatVector.fromArray(SPECIES, d, o2);
            FloatVector d3 = FloatVector.fromArray(SPECIES, d, o3);
            FloatVector x = broadcast(in[i]);
            a0 = d0.fma(x, a0);
            b0 = d1.fma(x, b0);
            c0 = d2.fma(x, c0);
            e0 = d3.fma(x, e0);
            x = broadcast(in[i + 1]);
            a1 = d0.fma(x, a1);
            b1 = d1.fma(x, b1);
            c1 = d2.fma(x, c1);
            e1 = d3.fma(x, e1);
            x = broadcast(in[i + 2]);
            a2 = d0.fma(x, a2);
            b2 = d1.fma(x, b2);
            c2 = d2.fma(x, c2);
            e2 = d3.fma(x, e2);
            x = broadcast(in[i + 3]);
            a3 = d0.fma(x, a3);
            b3 = d1.fma(x, b3);
            c3 = d2.fma(x, c3);
            e3 = d3.fma(x, e3);
        }
        float[][] g = kernelGradient;
        a0.intoArray(g[i], o);
        b0.intoArray(g[i], o1);
        c0.intoArray(g[i], o2);
        e0.intoArray(g[i], o3);
        a1.intoArray(g[i + 1], o);
        b1.intoArray(g[i + 1], o1);
        c1.intoArray(g[i + 1], o2);
        e1.intoArray(g[i + 1], o3);
        a2.intoArray(g[i + 2], o);
        b2.intoArray(g[i + 2], o1);
        c2.intoArray(g[i + 2], o2);
        e2.intoArray(g[i + 2], o3);
        a3.intoArray(g[i + 3], o);
        b3.intoArray(g[i + 3], o1);
        c3.intoArray(g[i + 3], o2);
        e3.intoArray(g[i + 3], o3);
    }

    /**
     * Four inputs from {@code i} by two vectors of outputs from {@code o} of the kernel gradient,
     * summed over the batch: eight sums in registers, each loaded delta vector serving four inputs.
     */
    private static void gradientFourByTwo(float[][] input, int batchSize, float[][] delta,
            float[][] kernelGradient, int i, int o) {
        int o2 = o + LANES;
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector c2 = a0;
        FloatVector c3 = a0;
        for (int b = 0; b < batchSize; b++) {
            float[] in = input[b];
            float[] d = delta[b];
            FloatVector d0 = FloatVector.fromArray(SPECIES, d, o);
            FloatVector d1 = FloatVector.fromArray(SPECIES, d, o2);
            FloatVector x0 = broadcast(in[i]);
            FloatVector x1 = broadcast(in[i + 1]);
            FloatVector x2 = broadcast(in[i + 2]);
            FloatVector x3 = broadcast(in[i + 3]);
            a0 = d0.fma(x0, a0);
            a1 = d0.fma(x1, a1);
            a2 = d0.fma(x2, a2);
            a3 = d0.fma(x3, a3);
            c0 = d1.fma(x0, c0);
            c1 = d1.fma(x1, c1);
            c2 = d1.fma(x2, c2);
            c3 = d1.fma(x3, c3);
        }
        a0.intoArray(kernelGradient[i], o);
        a1.intoArray(kernelGradient[i + 1], o);
        a2.intoArray(kernelGradient[i + 2], o);
        a3.intoArray(kernelGradient[i + 3], o);
        c0.intoArray(kernelGradient[i], o2);
        c1.intoArray(kernelGradient[i + 1], o2);
        c2.intoArray(kernelGradient[i + 2], o2);
        c3.intoArray(kernelGradient[i + 3], o2);
    }

    /**
     * The kernel gradient's outputs past the last whole vector: for each, vectors over the inputs
     * summed over the batch, their lanes then written to the inputs' rows.
     */
    private static void parameterGradientTail(float[][] input, int batchSize, float[][] delta,
            float[][] kernelGradient, int from, int outputSize) {
        int inputSize = kernelGradient.length;
        int inputVectorEnd = inputSize - inputSize % LANES;
        for (int o = from; o < outputSize; o++) {
            for (int i = 0; i < inputVectorEnd; i += LANES) {
                FloatVector sum = FloatVector.zero(SPECIES);
                for (int b = 0; b < batchSize; b++) {
                    sum = FloatVector.fromArray(SPECIES, input[b], i).fma(broadcast(delta[b][o]), sum);
                }
                for (int lane = 0; lane < LANES; lane++) {
                    kernelGradient[i + lane][o] = sum.lane(lane);
                }
            }
            for (int r = inputVectorEnd; r < inputSize; r++) {
                float sum = 0f;
                for (int b = 0; b < batchSize; b++) {
                    sum = Math.fma(input[b][r], delta[b][o], sum);
                }
                kernelGradient[r][o] = sum;
            }
        }
    }

    @Override
    public void inputDelta(float[][] delta, int batchSize, float[][] kernelTransposed, float[][] inputDelta) {
        int inputSize = kernelTransposed[0].length;
        int vectorEnd = inputSize - inputSize % LANES;
        FloatVector zero = FloatVector.zero(SPECIES);
        int b = 0;
        for (; b + BLOCK <= batchSize; b += BLOCK) {
            int i = 0;
            if (WIDE_TILES) {
                for (; i + 4 * LANES <= vectorEnd; i += 4 * LANES) {
                    sumsOfFourByFour(delta, b, kernelTransposed, i, inputDelta);
                }
            }
            for (; i + 2 * LANES <= vectorEnd; i += 2 * LANES) {
                blockOfFourByTwo(delta, b, kernelTransposed, null, i, Activation.IDENTITY, inputDelta);
            }
            for (; i < vectorEnd; i += LANES) {
                blockOfFour(delta, b, kernelTransposed, null, i, Activation.IDENTITY, inputDelta);
            }
        }
        for (; b < batchSize; b++) {
            float[] d = delta[b];
            for (int i = 0; i < vectorEnd; i += LANES) {
                FloatVector sum = zero;
                for (int o = 0; o < kernelTransposed.length; o++) {
                    sum = FloatVector.fromArray(SPECIES, kernelTransposed[o], i).fma(broadcast(d[o]), sum);
                }
                sum.intoArray(inputDelta[b], i);
            }
        }
        for (int r = 0; r < batchSize; r++) {
            float[] d = delta[r];
            for (int i = vectorEnd; i < inputSize; i++) {
                float sum = 0f;
                for (int o = 0; o < kernelTransposed.length; o++) {
                    sum = Math.fma(d[o], kernelTransposed[o][i], sum);
                }
                inputDelta[r][i] = sum;
            }
        }
    }
}
