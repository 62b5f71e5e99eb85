package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.fairreg.data.DataException;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.GroupLabels;
import org.fairreg.data.Standardization;
import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.FittedModel;
import org.fairreg.train.Provenance;
import org.fairreg.train.StopReason;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.TrainingSummary;

/** Small models and inputs shared by the tests of this package; every value is seeded. */
final class ModelFixtures {

    static final List<String> FEATURES = List.of("age", "income", "score");
    static final int[] HIDDEN_SIZES = {4, 2};
    static final long WEIGHT_SEED = 7;

    private static final ObjectMapper EDITOR = new ObjectMapper();

    private ModelFixtures() {
    }

    /**
     * A 3-4-2-1 tanh network with Glorot weights and drawn (non-zero) biases, a standardization
     * that changes every feature and the target, and settings that differ from the defaults in
     * their hidden layers and activation.
     */
    static FittedModel smallModel() {
        Network network = tanhNetwork(HIDDEN_SIZES, WEIGHT_SEED);
        return model(network, Provenance.current(network.kernels().name()));
    }

    /**
     * A model like {@link #smallModel} with other hidden layers and weights, and a provenance that
     * does not depend on the JVM, so that two processes write the same bytes for it.
     *
     * @param hiddenSizes the hidden layers' sizes
     * @param weightSeed the seed of the weights and biases
     */
    static FittedModel model(int[] hiddenSizes, long weightSeed) {
        return model(tanhNetwork(hiddenSizes, weightSeed), new Provenance("test", "17", "any", "any", "portable"));
    }

    private static Network tanhNetwork(int[] hiddenSizes, long weightSeed) {
        Architecture architecture = new Architecture(FEATURES.size(), hiddenSizes, Activation.TANH);
        Network network = new Network(architecture);
        LegacyRandom random = new LegacyRandom(weightSeed);
        GlorotUniform.initialize(network, random);
        float[] parameters = network.parameters();
        for (int l = 0; l < architecture.layerCount(); l++) {
            for (int o = 0; o < architecture.layerOutputSize(l); o++) {
                parameters[network.biasOffset(l) + o] = (float) random.uniform(-0.5, 0.5);
            }
        }
        network.setParameters(parameters);
        return network;
    }

    private static FittedModel model(Network network, Provenance provenance) {
        Standardization standardization = new Standardization(
                new double[] {41.3, 52_000.7, -0.1}, new double[] {12.9, 18_000.25, 0.7}, 12.3, 4.56);
        TrainingSettings settings = TrainingSettings.defaults()
                .withHiddenSizes(network.architecture().hiddenSizes())
                .withActivation(Activation.TANH);
        TrainingSummary summary = new TrainingSummary(37, 27, 27, 0.4125, StopReason.EARLY_STOPPING);
        return new FittedModel(FEATURES, "y", "g", GroupLabels.inOrder(List.of("b", "a", "c")), standardization,
                network, settings, summary, provenance);
    }

    /** Features around the standardization's means, one column per model feature. */
    static FeatureTable features(int rowCount, long seed) {
        LegacyRandom random = new LegacyRandom(seed);
        double[][] centers = {{41.3, 12.9}, {52_000.7, 18_000.25}, {-0.1, 0.7}};
        float[][] columns = new float[FEATURES.size()][rowCount];
        for (int f = 0; f < columns.length; f++) {
            for (int e = 0; e < rowCount; e++) {
                columns[f][e] = (float) (centers[f][0] + centers[f][1] * random.uniform(-2.0, 2.0));
            }
        }
        return new FeatureTable(FEATURES, columns);
    }

    /** Writes {@code model} as JSON, edits its tree, and writes the edited file into {@code dir}. */
    static Path editedModelFile(Path dir, FittedModel model, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) EDITOR.readTree(ModelFile.toJson(model));
        edit.accept(root);
        Path file = dir.resolve("edited.json");
        Files.write(file, EDITOR.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        return file;
    }

    /** Checks the shape {@code file: field.path problem}, with the problem mentioning {@code detail}. */
    static void assertRejected(Path file, String fieldPath, String detail) {
        assertThatThrownBy(() -> ModelFile.read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": " + fieldPath + " ")
                .hasMessageContaining(detail);
    }
}
