package org.fairreg.model;

import java.util.Arrays;

/**
 * The arithmetic of a dense layer on row-major batches (layouts in {@code package-info}).
 *
 * <p>Inner loops run over the output units, which are contiguous in the kernel, the output batch
 * and the deltas, so that each is a run of multiply-adds over adjacent memory. Callers check
 * shapes once; these methods do not, and assume that no output array is also an input. All
 * arithmetic is in {@code float}, as the parameters are.
 */
final class DenseKernels {

    private DenseKernels() {
    }

    /**
     * Computes {@code output[b][o] = bias[o] + sum_i input[b][i] * kernel[i][o]} (the activation
     * is applied by the caller).
     *
     * @param input {@code batchSize x inputSize}, row-major
     * @param batchSize number of examples
     * @param inputSize values per example in {@code input}
     * @param parameters holds the kernel at {@code kernelOffset} ({@code inputSize x outputSize})
     *        and the bias at {@code biasOffset} ({@code outputSize})
     * @param kernelOffset start of the kernel in {@code parameters}
     * @param biasOffset start of the bias in {@code parameters}
     * @param outputSize values per example in {@code output}
     * @param output {@code batchSize x outputSize}, row-major; overwritten
     */
    static void forward(
            float[] input,
            int batchSize,
            int inputSize,
            float[] parameters,
            int kernelOffset,
            int biasOffset,
            int outputSize,
            float[] output) {
        for (int b = 0; b < batchSize; b++) {
            int outRow = b * outputSize;
            System.arraycopy(parameters, biasOffset, output, outRow, outputSize);
            int inRow = b * inputSize;
            for (int i = 0; i < inputSize; i++) {
                float x = input[inRow + i];
                int kernelRow = kernelOffset + i * outputSize;
                for (int o = 0; o < outputSize; o++) {
                    output[outRow + o] += x * parameters[kernelRow + o];
                }
            }
        }
    }

    /**
     * Computes the gradient of a layer's parameters from its input and the gradient with respect
     * to its pre-activations: {@code dKernel[i][o] = sum_b input[b][i] * delta[b][o]} and
     * {@code dBias[o] = sum_b delta[b][o]}.
     *
     * @param input {@code batchSize x inputSize}, row-major
     * @param batchSize number of examples
     * @param inputSize values per example in {@code input}
     * @param delta {@code batchSize x outputSize}, row-major
     * @param outputSize values per example in {@code delta}
     * @param gradient receives the kernel gradient at {@code kernelOffset} and the bias gradient
     *        at {@code biasOffset}, same layout as the parameters; those ranges are overwritten
     * @param kernelOffset start of the kernel gradient in {@code gradient}
     * @param biasOffset start of the bias gradient in {@code gradient}
     */
    static void parameterGradient(
            float[] input,
            int batchSize,
            int inputSize,
            float[] delta,
            int outputSize,
            float[] gradient,
            int kernelOffset,
            int biasOffset) {
        Arrays.fill(gradient, kernelOffset, kernelOffset + inputSize * outputSize, 0f);
        Arrays.fill(gradient, biasOffset, biasOffset + outputSize, 0f);
        for (int b = 0; b < batchSize; b++) {
            int inRow = b * inputSize;
            int deltaRow = b * outputSize;
            for (int i = 0; i < inputSize; i++) {
                float x = input[inRow + i];
                int kernelRow = kernelOffset + i * outputSize;
                for (int o = 0; o < outputSize; o++) {
                    gradient[kernelRow + o] += x * delta[deltaRow + o];
                }
            }
            for (int o = 0; o < outputSize; o++) {
                gradient[biasOffset + o] += delta[deltaRow + o];
            }
        }
    }

    /**
     * Propagates a delta to the layer's input: {@code inputDelta[b][i] = sum_o kernel[i][o] *
     * delta[b][o]}.
     *
     * @param delta {@code batchSize x outputSize}, row-major
     * @param batchSize number of examples
     * @param outputSize values per example in {@code delta}
     * @param parameters holds the kernel at {@code kernelOffset}
     * @param kernelOffset start of the kernel in {@code parameters}
     * @param inputSize values per example in {@code inputDelta}
     * @param inputDelta {@code batchSize x inputSize}, row-major; overwritten
     */
    static void inputDelta(
            float[] delta,
            int batchSize,
            int outputSize,
            float[] parameters,
            int kernelOffset,
            int inputSize,
            float[] inputDelta) {
        for (int b = 0; b < batchSize; b++) {
            int deltaRow = b * outputSize;
            int inRow = b * inputSize;
            for (int i = 0; i < inputSize; i++) {
                int kernelRow = kernelOffset + i * outputSize;
                float sum = 0f;
                for (int o = 0; o < outputSize; o++) {
                    sum += parameters[kernelRow + o] * delta[deltaRow + o];
                }
                inputDelta[inRow + i] = sum;
            }
        }
    }
}
