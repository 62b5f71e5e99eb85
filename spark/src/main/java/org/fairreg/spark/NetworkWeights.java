package org.fairreg.spark;

import java.io.Serializable;

import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.Network;

/**
 * What an executor needs to rebuild the driver's network: its shape and its parameters. This is
 * what each step broadcasts: {@code 4 P} bytes of parameters and a few of shape.
 *
 * @param inputSize the number of features
 * @param hiddenSizes the hidden layer widths
 * @param activation the id of the hidden activation
 * @param parameters the parameters, the network's layout
 */
record NetworkWeights(int inputSize, int[] hiddenSizes, String activation, float[] parameters)
        implements Serializable {

    /**
     * @param network the network
     * @return a copy of its shape and parameters
     */
    static NetworkWeights of(Network network) {
        Architecture architecture = network.architecture();
        return new NetworkWeights(architecture.inputSize(), architecture.hiddenSizes(),
                architecture.hiddenActivation().id(), network.parameters());
    }

    /**
     * Builds the network with the kernels this JVM selects: the Vector API ones when the executor
     * runs with {@code --add-modules jdk.incubator.vector}, the portable ones otherwise.
     *
     * @return a new network with these parameters
     */
    Network toNetwork() {
        Network network = new Network(new Architecture(inputSize, hiddenSizes, Activation.fromId(activation)));
        network.setParameters(parameters);
        return network;
    }
}
