package org.fairreg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forward pass against hand-computed values, and the backward pass against finite
 * differences of an independent {@code double} re-implementation of the forward pass, with every
 * kernel implementation.
 */
class NetworkTest {

    /** float32 gradients against a float64 finite difference: float rounding dominates. */
    private static final double GRADIENT_RELATIVE_TOLERANCE = 2e-4;
    private static final double GRADIENT_ABSOLUTE_TOLERANCE = 1e-5;
    private static final double FINITE_DIFFERENCE_STEP = 1e-6;
    private static final float FLOAT_EXACT = 1e-6f;

    static List<DenseKernels> kernels() {
        return KernelImplementations.all();
    }

    static Stream<Arguments> kernelsAndActivations() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (DenseKernels kernels : kernels()) {
            for (Activation activation : Activation.values()) {
                cases.add(Arguments.of(kernels, activation));
            }
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void forwardComputesDenseLayersByHand(DenseKernels kernels) {
        // 2 inputs -> 2 relu units -> 1 output.
        Network network = new Network(new Architecture(2, new int[] {2}, Activation.RELU), kernels);
        // kernel[i][o] row-major: unit 0 = x0 + 2 x1, unit 1 = -x0 + x1; biases 0.5 and -1;
        // output = 3 h0 - 2 h1 + 0.25.
        network.setParameters(new float[] {1f, -1f, 2f, 1f, 0.5f, -1f, 3f, -2f, 0.25f});

        float[][] input = {{1f, 1f}, {2f, -1f}};
        float[] output = network.forward(input, 2, network.newWorkspace(2));

        // Example 0: h = relu(3.5, -1) = (3.5, 0) -> 10.75. Example 1: h = relu(0.5, -4) = (0.5, 0) -> 1.75.
        assertThat(output[0]).isCloseTo(10.75f, within(FLOAT_EXACT));
        assertThat(output[1]).isCloseTo(1.75f, within(FLOAT_EXACT));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kernelsAndActivations")
    void backwardMatchesFiniteDifferencesOfADoubleForwardPass(DenseKernels kernels, Activation activation) {
        // Widths around the vector length exercise whole vectors and the tails.
        Architecture architecture = new Architecture(3, new int[] {21, 17}, activation);
        Network network = new Network(architecture, kernels);
        Random random = new Random(11);
        float[] parameters = new float[network.parameters().length];
        for (int j = 0; j < parameters.length; j++) {
            parameters[j] = (float) (random.nextGaussian() * 0.4);
        }
        network.setParameters(parameters);
        int batchSize = 7;
        float[][] input = new float[batchSize][3];
        for (float[] row : input) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        // Objective L = sum_b c_b f_b, so d L / d f_b = c_b.
        float[] c = new float[batchSize];
        for (int b = 0; b < batchSize; b++) {
            c[b] = (float) random.nextGaussian();
        }

        Workspace workspace = network.newWorkspace(batchSize);
        network.forward(input, batchSize, workspace);
        float[] gradient = new float[parameters.length];
        network.backward(input, batchSize, c, workspace, gradient);

        double[] reference = toDouble(parameters);
        for (int j = 0; j < reference.length; j++) {
            double saved = reference[j];
            reference[j] = saved + FINITE_DIFFERENCE_STEP;
            double above = weightedOutput(architecture, reference, input, batchSize, c);
            reference[j] = saved - FINITE_DIFFERENCE_STEP;
            double below = weightedOutput(architecture, reference, input, batchSize, c);
            reference[j] = saved;
            double numeric = (above - below) / (2 * FINITE_DIFFERENCE_STEP);
            assertThat((double) gradient[j])
                    .as("d L / d parameter[%d] with %s and %s kernels", j, activation, kernels.name())
                    .isCloseTo(numeric, within(GRADIENT_ABSOLUTE_TOLERANCE
                            + GRADIENT_RELATIVE_TOLERANCE * Math.abs(numeric)));
        }
    }

    @Test
    void shapeErrorsNameTheSizes() {
        Network network = new Network(new Architecture(3, new int[] {4}, Activation.RELU));
        Workspace workspace = network.newWorkspace(2);
        assertThatThrownBy(() -> network.forward(new float[3][3], 3, workspace))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize must be in [1, 2], found 3");
        assertThatThrownBy(() -> network.forward(new float[2][2], 2, workspace))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 x 3")
                .hasMessageContaining("2 rows of 2");
        Network other = new Network(new Architecture(3, new int[] {5}, Activation.RELU));
        assertThatThrownBy(() -> other.forward(new float[2][3], 2, workspace))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3-4-1");
        assertThatThrownBy(() -> network.setParameters(new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("21 parameters, found 3");
    }

    @Test
    void architectureCountsParametersAndRejectsBadSizes() {
        Architecture recipe = new Architecture(10, new int[] {64, 64}, Activation.RELU);
        assertThat(recipe.parameterCount()).isEqualTo(10 * 64 + 64 + 64 * 64 + 64 + 64 + 1);
        assertThat(recipe.describe()).isEqualTo("10-64-64-1");
        assertThat(new Architecture(4, new int[0], Activation.RELU).parameterCount()).isEqualTo(5);
        assertThatThrownBy(() -> new Architecture(3, new int[] {4, 0}, Activation.RELU))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hiddenSizes[1]")
                .hasMessageContaining("found 0");
    }

    /** An independent forward pass in double, summing {@code c_b f_b} over the batch. */
    private static double weightedOutput(Architecture a, double[] p, float[][] input, int batchSize, float[] c) {
        double total = 0;
        for (int b = 0; b < batchSize; b++) {
            double[] values = new double[a.inputSize()];
            for (int i = 0; i < values.length; i++) {
                values[i] = input[b][i];
            }
            int offset = 0;
            for (int l = 0; l < a.layerCount(); l++) {
                int in = a.layerInputSize(l);
                int out = a.layerOutputSize(l);
                double[] next = new double[out];
                for (int o = 0; o < out; o++) {
                    double z = p[offset + in * out + o];
                    for (int i = 0; i < in; i++) {
                        z += values[i] * p[offset + i * out + o];
                    }
                    next[o] = activate(a.layerActivation(l), z);
                }
                offset += in * out + out;
                values = next;
            }
            total += c[b] * values[0];
        }
        return total;
    }

    private static double activate(Activation activation, double z) {
        switch (activation) {
            case RELU:
                return Math.max(0, z);
            case TANH:
                return Math.tanh(z);
            default:
                return z;
        }
    }

    private static double[] toDouble(float[] values) {
        double[] copy = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            copy[j] = values[j];
        }
        return copy;
    }
}
