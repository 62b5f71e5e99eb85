package org.fairreg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite every kernel implementation runs: each kernel against a {@code double} computation of
 * its formula, on shapes with whole vectors, tails, blocks of rows and of terms and what is left
 * over of each; and the portable kernels bit for bit against the plain loops they replace, since
 * the golden figures of the recipe rest on their summation order.
 */
class DenseKernelsTest {

    /** Sums of up to 300 float products of order 1: float rounding, relative to the sum's scale. */
    private static final double FLOAT_TOLERANCE = 2e-5;

    /**
     * Batch, inputs, outputs. 112 is seven vectors of 16 lanes: with AVX-512 the vector kernels
     * then run a four-vector tile, a two-vector tile and a single vector, in outputs (the parameter
     * gradient) and in inputs (the input delta). The portable kernels add three terms of a sum per
     * pass: the shapes leave none, one and two terms over, in inputs (the forward pass), in examples
     * (the parameter gradient) and in outputs (the input delta), and odd rows over, in examples and
     * inputs.
     */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 5, 7}, {4, 16, 16}, {9, 10, 64}, {64, 64, 64}, {13, 33, 17}, {6, 256, 1},
        {5, 12, 112}, {7, 112, 20}, {11, 14, 24}
    };

    static Stream<Arguments> shapes() {
        return shapesFor(KernelImplementations.all());
    }

    static Stream<Arguments> portableShapes() {
        return shapesFor(List.of(DenseKernels.portable()));
    }

    private static Stream<Arguments> shapesFor(List<DenseKernels> implementations) {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (DenseKernels kernels : implementations) {
            for (int[] shape : SHAPES) {
                cases.add(Arguments.of(kernels, shape[0], shape[1], shape[2]));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} batch {1}, {2} -> {3}")
    @MethodSource("shapes")
    void forwardComputesBiasPlusWeightedInputsThenActivation(DenseKernels kernels, int batch, int in, int out) {
        Random random = new Random(batch * 1000 + in * 10 + out);
        float[][] input = matrix(random, batch, in);
        float[][] kernel = matrix(random, in, out);
        float[] bias = matrix(random, 1, out)[0];
        float[][] output = new float[batch][out];

        kernels.forward(input, batch, kernel, transpose(kernel, out), bias, Activation.RELU, output);

        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                double z = bias[o];
                double scale = Math.abs(bias[o]);
                for (int i = 0; i < in; i++) {
                    z += (double) input[b][i] * kernel[i][o];
                    scale += Math.abs((double) input[b][i] * kernel[i][o]);
                }
                assertThat((double) output[b][o]).as("output[%d][%d] of %s", b, o, kernels.name())
                        .isCloseTo(Math.max(0, z), within(FLOAT_TOLERANCE * (1 + scale)));
            }
        }
    }

    @ParameterizedTest(name = "{0} batch {1}, {2} -> {3}")
    @MethodSource("shapes")
    void parameterGradientSumsProductsOverTheBatch(DenseKernels kernels, int batch, int in, int out) {
        Random random = new Random(batch * 1000 + in * 10 + out + 1);
        float[][] input = matrix(random, batch, in);
        float[][] delta = matrix(random, batch, out);
        float[][] kernelGradient = matrix(random, in, out);
        float[] biasGradient = matrix(random, 1, out)[0];

        kernels.parameterGradient(input, batch, delta, kernelGradient, biasGradient);

        for (int o = 0; o < out; o++) {
            double biasSum = 0;
            for (int b = 0; b < batch; b++) {
                biasSum += delta[b][o];
            }
            assertThat((double) biasGradient[o]).isCloseTo(biasSum, within(FLOAT_TOLERANCE * (1 + batch)));
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    sum += (double) input[b][i] * delta[b][o];
                }
                assertThat((double) kernelGradient[i][o]).as("kernelGradient[%d][%d] of %s", i, o, kernels.name())
                        .isCloseTo(sum, within(FLOAT_TOLERANCE * (1 + batch)));
            }
        }
    }

    @ParameterizedTest(name = "{0} batch {1}, {2} -> {3}")
    @MethodSource("shapes")
    void inputDeltaSumsOverOutputs(DenseKernels kernels, int batch, int in, int out) {
        Random random = new Random(batch * 1000 + in * 10 + out + 2);
        float[][] delta = matrix(random, batch, out);
        float[][] kernel = matrix(random, in, out);
        float[][] transposed = transpose(kernel, out);
        float[][] inputDelta = matrix(random, batch, in);

        kernels.inputDelta(delta, batch, transposed, inputDelta);

        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int o = 0; o < out; o++) {
                    sum += (double) delta[b][o] * kernel[i][o];
                }
                assertThat((double) inputDelta[b][i]).as("inputDelta[%d][%d] of %s", b, i, kernels.name())
                        .isCloseTo(sum, within(FLOAT_TOLERANCE * (1 + out)));
            }
        }
    }

    @ParameterizedTest(name = "batch {1}, {2} -> {3}")
    @MethodSource("portableShapes")
    void portableForwardEqualsThePlainLoopBitForBit(DenseKernels kernels, int batch, int in, int out) {
        Random random = new Random(7 * batch + in + out);
        float[][] input = matrix(random, batch, in);
        float[][] kernel = matrix(random, in, out);
        float[] bias = matrix(random, 1, out)[0];
        float[][] output = new float[batch][out];
        kernels.forward(input, batch, kernel, transpose(kernel, out), bias, Activation.IDENTITY, output);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                float z = bias[o];
                for (int i = 0; i < in; i++) {
                    z += input[b][i] * kernel[i][o];
                }
                assertThat(output[b][o]).isEqualTo(z);
            }
        }
    }

    @ParameterizedTest(name = "batch {1}, {2} -> {3}")
    @MethodSource("portableShapes")
    void portableParameterGradientEqualsThePlainLoopBitForBit(DenseKernels kernels, int batch, int in, int out) {
        Random random = new Random(11 * batch + in + out);
        float[][] input = matrix(random, batch, in);
        float[][] delta = matrix(random, batch, out);
        float[][] kernelGradient = new float[in][out];
        float[] biasGradient = new float[out];
        kernels.parameterGradient(input, batch, delta, kernelGradient, biasGradient);
        for (int o = 0; o < out; o++) {
            float biasSum = 0f;
            for (int b = 0; b < batch; b++) {
                biasSum += delta[b][o];
            }
            assertThat(biasGradient[o]).isEqualTo(biasSum);
            for (int i = 0; i < in; i++) {
                float sum = 0f;
                for (int b = 0; b < batch; b++) {
                    sum += input[b][i] * delta[b][o];
                }
                assertThat(kernelGradient[i][o]).isEqualTo(sum);
            }
        }
    }

    @ParameterizedTest(name = "batch {1}, {2} -> {3}")
    @MethodSource("portableShapes")
    void portableInputDeltaEqualsThePlainLoopBitForBit(DenseKernels kernels, int batch, int in, int out) {
        Random random = new Random(13 * batch + in + out);
        float[][] delta = matrix(random, batch, out);
        float[][] kernel = matrix(random, in, out);
        float[][] inputDelta = new float[batch][in];
        kernels.inputDelta(delta, batch, transpose(kernel, out), inputDelta);
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < in; i++) {
                float sum = 0f;
                for (int o = 0; o < out; o++) {
                    sum += delta[b][o] * kernel[i][o];
                }
                assertThat(inputDelta[b][i]).isEqualTo(sum);
            }
        }
    }

    private static float[][] transpose(float[][] kernel, int out) {
        float[][] transposed = new float[out][kernel.length];
        for (int i = 0; i < kernel.length; i++) {
            for (int o = 0; o < out; o++) {
                transposed[o][i] = kernel[i][o];
            }
        }
        return transposed;
    }

    private static float[][] matrix(Random random, int rows, int columns) {
        float[][] values = new float[rows][columns];
        for (float[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return values;
    }
}
