package org.fairreg.bench;

import org.fairreg.data.Dataset;
import org.fairreg.model.Architecture;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.TrainingSettings;

/**
 * The initial weights and the batch orders of a recipe run, drawn exactly as fairreg's
 * {@code Trainer} draws them, so that another engine can start from the same weights and see the
 * same batches.
 *
 * <p>The trainer seeds one {@link LegacyRandom} with the run's seed, draws the Glorot-uniform
 * kernels from it ({@link GlorotUniform#initialize}), then at the start of every epoch shuffles
 * {@code 0 .. n-1} with it ({@link LegacyRandom#shuffle}); batch {@code j} is positions
 * {@code [j * batchSize, (j + 1) * batchSize)} of that order. This class repeats those calls in the
 * same order. It holds the generator, so it is not thread-safe.
 */
final class RecipeStart {

    private final Network network;
    private final LegacyRandom random;

    private RecipeStart(Network network, LegacyRandom random) {
        this.network = network;
        this.random = random;
    }

    /**
     * Draws the initial weights of a run.
     *
     * @param settings the run's settings; their seed, hidden sizes and activation are used
     * @param train the training set, for the number of features
     * @return the start, its generator positioned for the first epoch's shuffle
     */
    static RecipeStart draw(TrainingSettings settings, Dataset train) {
        Architecture architecture =
                new Architecture(train.features().featureCount(), settings.hiddenSizes(), settings.activation());
        Network network = new Network(architecture);
        LegacyRandom random = new LegacyRandom(settings.seed());
        GlorotUniform.initialize(network, random);
        return new RecipeStart(network, random);
    }

    /** @return the network holding the initial weights; the caller must not modify it */
    Network network() {
        return network;
    }

    /**
     * Writes the next epoch's order of the training examples.
     *
     * @param order receives a permutation of {@code 0 .. order.length-1}; overwritten
     */
    void nextEpochOrder(int[] order) {
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        random.shuffle(order);
    }

    /**
     * Returns layer {@code l}'s kernel as a {@code [inputSize][outputSize]} array, the shape a
     * TensorFlow constant takes.
     *
     * @param l the layer index
     * @return a new array
     */
    float[][] kernel(int l) {
        Architecture architecture = network.architecture();
        int inputSize = architecture.layerInputSize(l);
        int outputSize = architecture.layerOutputSize(l);
        float[][] kernel = new float[inputSize][outputSize];
        for (int i = 0; i < inputSize; i++) {
            System.arraycopy(network.parameters(), network.kernelOffset(l) + i * outputSize, kernel[i], 0,
                    outputSize);
        }
        return kernel;
    }

    /**
     * @param l the layer index
     * @return a copy of layer {@code l}'s bias
     */
    float[] bias(int l) {
        int outputSize = network.architecture().layerOutputSize(l);
        float[] bias = new float[outputSize];
        System.arraycopy(network.parameters(), network.biasOffset(l), bias, 0, outputSize);
        return bias;
    }
}
