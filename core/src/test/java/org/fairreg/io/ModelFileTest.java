package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fairreg.io.ModelFixtures.assertRejected;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.fairreg.data.DataException;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.Standardization;
import org.fairreg.model.Network;
import org.fairreg.train.FittedModel;
import org.fairreg.train.StopReason;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    /** A plain mapper for editing written files; the code under test keeps its own settings. */
    private static final ObjectMapper EDITOR = new ObjectMapper();

    private static final int PREDICTION_ROWS = 50;
    private static final long FEATURE_SEED = 11;

    @TempDir
    Path dir;

    // ---- round trip

    @Test
    void readModelHasBitIdenticalParameters() throws IOException {
        FittedModel model = ModelFixtures.smallModel();
        Path file = dir.resolve("model.json");

        ModelFile.write(model, file);
        FittedModel read = ModelFile.read(file);

        float[] written = model.network().parameters();
        float[] readBack = read.network().parameters();
        assertThat(readBack).hasSameSizeAs(written);
        for (int j = 0; j < written.length; j++) {
            assertThat(Float.floatToRawIntBits(readBack[j])).as("parameter %d (%s)", j, written[j])
                    .isEqualTo(Float.floatToRawIntBits(written[j]));
        }
        assertThat(read.network().architecture()).isEqualTo(model.network().architecture());
    }

    @Test
    void readModelHasSameStandardizationNamesGroupsSettingsSummaryAndProvenance() throws IOException {
        FittedModel model = ModelFixtures.smallModel();
        Path file = dir.resolve("model.json");

        ModelFile.write(model, file);
        FittedModel read = ModelFile.read(file);

        Standardization expected = model.standardization();
        Standardization actual = read.standardization();
        assertThat(actual.featureMeans()).containsExactly(expected.featureMeans());
        assertThat(actual.featureScales()).containsExactly(expected.featureScales());
        assertThat(actual.targetMean()).isEqualTo(expected.targetMean());
        assertThat(actual.targetScale()).isEqualTo(expected.targetScale());
        assertThat(read.featureNames()).isEqualTo(model.featureNames());
        assertThat(read.targetName()).isEqualTo(model.targetName());
        assertThat(read.groupName()).isEqualTo(model.groupName());
        assertThat(read.groups()).isEqualTo(model.groups());
        assertThat(read.groups().labels()).containsExactly("b", "a", "c");
        assertSameSettings(read.settings(), model.settings());
        assertThat(read.summary()).isEqualTo(model.summary());
        assertThat(read.provenance()).isEqualTo(model.provenance());
    }

    @Test
    void summaryWithoutCompletedEpochReadsBackWithInfiniteBest() throws IOException {
        FittedModel base = ModelFixtures.smallModel();
        FittedModel model = new FittedModel(base.featureNames(), base.targetName(), base.groupName(), base.groups(),
                base.standardization(), base.network(), base.settings(),
                new TrainingSummary(0, 0, 0, Double.POSITIVE_INFINITY, StopReason.DIVERGED),
                base.provenance());
        Path file = dir.resolve("model.json");

        ModelFile.write(model, file);

        assertThat(ModelFile.read(file).summary()).isEqualTo(model.summary());
    }

    @Test
    void rewritingReadModelGivesIdenticalBytes() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        ModelFile.write(ModelFixtures.smallModel(), first);

        ModelFile.write(ModelFile.read(first), second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void toJsonTwiceGivesIdenticalBytes() throws IOException {
        FittedModel model = ModelFixtures.smallModel();

        byte[] once = ModelFile.toJson(model);
        byte[] twice = ModelFile.toJson(model);

        assertThat(twice).isEqualTo(once);
        assertThat(ModelFile.toJson(ModelFixtures.smallModel())).isEqualTo(once);
    }

    @Test
    void writtenFileIsTheJsonWithUnixLineEnds() throws IOException {
        FittedModel model = ModelFixtures.smallModel();
        Path file = dir.resolve("model.json");

        ModelFile.write(model, file);

        byte[] content = Files.readAllBytes(file);
        assertThat(content).isEqualTo(ModelFile.toJson(model));
        assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("\r").contains("\n");
    }

    @Test
    void readModelPredictsExactlyAsOriginal() throws IOException {
        FittedModel model = ModelFixtures.smallModel();
        Path file = dir.resolve("model.json");
        FeatureTable features = ModelFixtures.features(PREDICTION_ROWS, FEATURE_SEED);
        ModelFile.write(model, file);

        double[] expected = model.predict(features);
        double[] actual = ModelFile.read(file).predict(features);

        assertThat(actual).containsExactly(expected);
    }

    @Test
    void negativeZeroParameterReadsBackWithItsSign() throws IOException {
        // Json promises float weights read back bit for bit; -0.0 is a float a trained network
        // can hold, and decimal parsing must not turn it into +0.0.
        FittedModel model = ModelFixtures.smallModel();
        Network network = model.network();
        float[] parameters = network.parameters();
        parameters[network.biasOffset(0)] = -0.0f;
        network.setParameters(parameters);
        Path file = dir.resolve("model.json");

        ModelFile.write(model, file);
        float read = ModelFile.read(file).network().parameters()[network.biasOffset(0)];

        assertThat(Float.floatToRawIntBits(read)).isEqualTo(Float.floatToRawIntBits(-0.0f));
    }

    @Test
    void extremeFloatParametersReadBackBitIdentical() throws IOException {
        FittedModel model = ModelFixtures.smallModel();
        float[] parameters = model.network().parameters();
        float[] extremes = {Float.MIN_VALUE, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-40f, 0.1f};
        System.arraycopy(extremes, 0, parameters, 0, extremes.length);
        model.network().setParameters(parameters);
        Path file = dir.resolve("model.json");

        ModelFile.write(model, file);
        float[] read = ModelFile.read(file).network().parameters();

        for (int j = 0; j < extremes.length; j++) {
            assertThat(Float.floatToRawIntBits(read[j])).as("parameter %d (%s)", j, extremes[j])
                    .isEqualTo(Float.floatToRawIntBits(extremes[j]));
        }
    }

    // ---- files that are not model files

    @Test
    void missingFileIsRejectedNamingIt() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> ModelFile.read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("no such model file");
    }

    @Test
    void emptyFileIsRejectedNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("empty.json"), new byte[0]);

        assertThatThrownBy(() -> ModelFile.read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void malformedJsonIsRejectedWithLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"format\": \"fairreg-model\",\n  oops\n}\n");

        DataException error = catchThrowableOfType(DataException.class, () -> ModelFile.read(file));

        assertThat(error).isNotNull();
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).hasValue(3);
        assertThat(error.column()).isPresent();
        assertThat(error).hasMessageStartingWith(file + ":3:" + error.column().getAsInt() + ": ")
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void bareNaNTokenIsRejectedAsInvalidJson() throws IOException {
        Path file = write(root -> { });
        String text = Files.readString(file).replace("\"target_mean\" : 12.3", "\"target_mean\" : NaN");
        assertThat(text).contains("\"target_mean\" : NaN");
        Files.writeString(file, text);

        assertThatThrownBy(() -> ModelFile.read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void jsonArrayAtTopIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("array.json"), "[1, 2]");

        assertThatThrownBy(() -> ModelFile.read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void wrongFormatIsRejected() throws IOException {
        Path file = write(root -> root.put("format", "other-model"));

        assertRejected(file, "format", "'other-model'");
    }

    @Test
    void formatVersionTwoIsRejected() throws IOException {
        Path file = write(root -> root.put("format_version", 2));

        assertRejected(file, "format_version", "2");
    }

    @Test
    void kernelOneNumberShortIsRejected() throws IOException {
        // Layer 1 maps 4 hidden units to 2: 8 kernel entries.
        Path file = write(root -> layer(root, 1).withArray("kernel").remove(7));

        assertRejected(file, "network.layers[1].kernel", "must hold 8 numbers, found 7");
    }

    @Test
    void stringInKernelIsRejected() throws IOException {
        Path file = write(root -> layer(root, 0).withArray("kernel").set(5, "NaN"));

        assertRejected(file, "network.layers[0].kernel[5]", "\"NaN\"");
    }

    @Test
    void stringInFeatureMeansIsRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("standardization")).withArray("feature_means")
                .set(1, "NaN"));

        assertRejected(file, "standardization.feature_means[1]", "\"NaN\"");
    }

    @Test
    void overflowingKernelValueIsRejected() throws IOException {
        Path file = write(root -> layer(root, 0).withArray("kernel")
                .set(0, EDITOR.getNodeFactory().numberNode(new BigDecimal("1E+999"))));

        assertRejected(file, "network.layers[0].kernel[0]", "finite");
    }

    @Test
    void negativeHiddenSizeIsRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("network")).withArray("hidden_sizes").set(1, -2));

        assertRejected(file, "network.hidden_sizes[1]", "found -2");
    }

    @Test
    void unknownNetworkActivationIsRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("network")).put("hidden_activation", "swish"));

        assertRejected(file, "network.hidden_activation", "'swish'");
    }

    @Test
    void unknownTrainingActivationIsRejectedNamingTheField() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("training")).put("activation", "swish"));

        assertRejected(file, "training.activation", "'swish'");
    }

    @Test
    void missingColumnsIsRejected() throws IOException {
        Path file = write(root -> root.remove("columns"));

        assertRejected(file, "columns", "is missing");
    }

    @Test
    void inputSizeOtherThanFeatureCountIsRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("network")).put("input_size", 4));

        assertRejected(file, "network.input_size", "found 4");
    }

    @Test
    void featureCountOtherThanInputSizeIsRejected() throws IOException {
        Path file = write(root -> {
            ((ObjectNode) root.get("columns")).withArray("features").remove(2);
            ((ObjectNode) root.get("encoding")).withArray("features").remove(2);
        });

        assertRejected(file, "network.input_size", "2 features");
    }

    @Test
    void repeatedFeatureNameIsRejected() throws IOException {
        // A model whose feature names repeat can never predict: FeatureTable refuses the names.
        Path file = write(root -> ((ObjectNode) root.get("columns")).withArray("features").set(2, "age"));

        assertRejected(file, "columns.features", "age");
    }

    @Test
    void repeatedGroupLabelIsRejected() throws IOException {
        Path file = write(root -> root.withArray("groups").set(2, "b"));

        assertRejected(file, "groups", "repeat");
    }

    // ---- helpers

    private Path write(Consumer<ObjectNode> edit) throws IOException {
        return ModelFixtures.editedModelFile(dir, ModelFixtures.smallModel(), edit);
    }

    private static ObjectNode layer(ObjectNode root, int l) {
        return (ObjectNode) ((ArrayNode) root.get("network").get("layers")).get(l);
    }

    private static void assertSameSettings(TrainingSettings actual, TrainingSettings expected) {
        assertThat(actual.toString()).isEqualTo(expected.toString());
        // toString leaves out settings that the chosen objective and optimizer do not use.
        assertThat(actual.hiddenSizes()).containsExactly(expected.hiddenSizes());
        assertThat(actual.objectiveSettings().gapForm()).isEqualTo(expected.objectiveSettings().gapForm());
        assertThat(actual.objectiveSettings().epsilon()).isEqualTo(expected.objectiveSettings().epsilon());
        assertThat(actual.momentum()).isEqualTo(expected.momentum());
        assertThat(actual.objectiveSettings().lambda()).isEqualTo(expected.objectiveSettings().lambda());
        assertThat(actual.seed()).isEqualTo(expected.seed());
    }
}
