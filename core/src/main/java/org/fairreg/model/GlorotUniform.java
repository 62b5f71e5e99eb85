package org.fairreg.model;

import org.fairreg.random.LegacyRandom;

/**
 * Glorot-uniform initialization (Glorot and Bengio, "Understanding the difficulty of training
 * deep feedforward neural networks", AISTATS 2010), the Keras default for dense kernels.
 *
 * <p>Each kernel entry of a layer with {@code n_in} inputs and {@code n_out} outputs is drawn from
 * {@code U(-limit, limit)} with {@code limit = sqrt(6 / (n_in + n_out))}; biases are zero. Layers
 * are drawn from input to output, each kernel row-major, as numpy's
 * {@code rng.uniform(-limit, limit, size=(n_in, n_out))} would draw them from the same generator,
 * so a numpy reference can start from the very same weights.
 */
public final class GlorotUniform {

    private GlorotUniform() {
    }

    /**
     * Draws every kernel and zeroes every bias of a network.
     *
     * @param network the network; its parameters are overwritten
     * @param random the source of the draws; advanced by one draw per kernel entry
     */
    public static void initialize(Network network, LegacyRandom random) {
        Architecture architecture = network.architecture();
        float[] parameters = new float[network.parameterCount()];
        for (int l = 0; l < architecture.layerCount(); l++) {
            int inputSize = architecture.layerInputSize(l);
            int outputSize = architecture.layerOutputSize(l);
            double limit = Math.sqrt(6.0 / (inputSize + outputSize));
            int kernelStart = network.kernelOffset(l);
            for (int w = kernelStart; w < kernelStart + inputSize * outputSize; w++) {
                parameters[w] = (float) random.uniform(-limit, limit);
            }
        }
        network.setParameters(parameters);
    }
}
