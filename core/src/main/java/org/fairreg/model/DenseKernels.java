package org.fairreg.model;

import java.util.Locale;

/**
 * The arithmetic of a dense layer on a batch whose examples are rows: {@code rows[b]} holds the
 * values of example {@code b}, indexed from 0. Keeping each row its own array lets every inner
 * loop index its arrays alike from 0, which is what the JIT needs to vectorize it.
 *
 * <p>Shapes: {@code kernel[i][o]} with {@code kernel.length} inputs and {@code bias.length}
 * outputs; {@code kernelTransposed[o][i]} the same weights, transposed. Implementations check
 * nothing and assume that no output array is also an input; {@link Network} checks shapes once.
 * Implementations hold no state and are thread-safe.
 *
 * <p>Two implementations: {@link #portable()} in plain Java, and a Vector API one
 * ({@code jdk.incubator.vector}) used when that module is present. They agree to float rounding:
 * the Vector API one fuses multiply-adds and may sum in another order.
 */
public interface DenseKernels {

    /** System property that chooses the kernels: {@code portable}, {@code vector} or {@code auto}. */
    String PROPERTY = "fairreg.kernels";

    /** @return {@code portable} or {@code vector} */
    String name();

    /**
     * Computes {@code output[b][o] = act(bias[o] + sum_i input[b][i] kernel[i][o])} for
     * {@code b < batchSize}, the sum taken in order of {@code i} after the bias.
     *
     * @param input {@code batchSize} rows of {@code kernel.length} values
     * @param batchSize number of examples
     * @param kernel the weights, {@code [inputSize][outputSize]}
     * @param kernelTransposed the same weights, {@code [outputSize][inputSize]}; an
     *        implementation may read either
     * @param bias the biases, {@code outputSize} values
     * @param activation applied to each sum
     * @param output {@code batchSize} rows of at least {@code outputSize} values; overwritten
     */
    void forward(float[][] input, int batchSize, float[][] kernel, float[][] kernelTransposed, float[] bias,
            Activation activation, float[][] output);

    /**
     * Turns gradients with respect to a layer's outputs into gradients with respect to its
     * pre-activations: {@code delta[b][o] *= act'(z)}, the derivative read from the output
     * {@code outputs[b][o] = act(z)}.
     *
     * @param activation the layer's activation
     * @param outputs {@code batchSize} rows of the layer's outputs
     * @param batchSize number of examples
     * @param delta {@code batchSize} rows of as many values as {@code outputs} rows; modified
     */
    void activationGradient(Activation activation, float[][] outputs, int batchSize, float[][] delta);

    /**
     * Computes {@code kernelGradient[i][o] = sum_b input[b][i] delta[b][o]} and
     * {@code biasGradient[o] = sum_b delta[b][o]}, summed in order of {@code b}.
     *
     * @param input {@code batchSize} rows of {@code kernelGradient.length} values
     * @param batchSize number of examples
     * @param delta {@code batchSize} rows of {@code biasGradient.length} values
     * @param kernelGradient {@code [inputSize][outputSize]}; overwritten
     * @param biasGradient {@code outputSize} values; overwritten
     */
    void parameterGradient(float[][] input, int batchSize, float[][] delta, float[][] kernelGradient,
            float[] biasGradient);

    /**
     * Computes {@code inputDelta[b][i] = sum_o delta[b][o] kernel[i][o]}, summed in order of
     * {@code o}, from the transposed kernel.
     *
     * @param delta {@code batchSize} rows of {@code kernelTransposed.length} values
     * @param batchSize number of examples
     * @param kernelTransposed the weights, {@code [outputSize][inputSize]}
     * @param inputDelta {@code batchSize} rows of at least {@code inputSize} values; overwritten
     */
    void inputDelta(float[][] delta, int batchSize, float[][] kernelTransposed, float[][] inputDelta);

    /** @return the plain-Java kernels, available everywhere */
    static DenseKernels portable() {
        return PortableKernels.INSTANCE;
    }

    /**
     * Chooses the kernels: {@code portable} or {@code vector} as the {@value #PROPERTY} system
     * property says, and by default ({@code auto}) the Vector API kernels when the JVM was started
     * with {@code --add-modules jdk.incubator.vector}, else the portable ones.
     *
     * @return the kernels
     * @throws IllegalStateException if {@code vector} is asked for and the module is absent, or
     *         the property has another value
     */
    static DenseKernels select() {
        String choice = System.getProperty(PROPERTY, "auto").toLowerCase(Locale.ROOT);
        boolean vectorAvailable = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        switch (choice) {
            case "portable":
                return portable();
            case "vector":
                if (!vectorAvailable) {
                    throw new IllegalStateException(PROPERTY + "=vector needs the JVM option "
                            + "--add-modules jdk.incubator.vector");
                }
                return VectorKernels.INSTANCE;
            case "auto":
                return vectorAvailable ? VectorKernels.INSTANCE : portable();
            default:
                throw new IllegalStateException(PROPERTY + " must be portable, vector or auto, found '" + choice
                        + "'");
        }
    }
}
