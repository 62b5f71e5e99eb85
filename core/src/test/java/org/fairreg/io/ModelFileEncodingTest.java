package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fairreg.io.ModelFixtures.assertRejected;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.Dataset;
import org.fairreg.data.FeatureEncoding;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.GroupDefinition;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code encoding} section of the model file: round trips with categorical features, and its checks. */
class ModelFileEncodingTest {

    private static final ObjectMapper EDITOR = new ObjectMapper();

    private static final FeatureEncoding ENCODING = FeatureEncoding.of(List.of(
            FeatureEncoding.Column.numeric("age"),
            FeatureEncoding.Column.categorical("sex", List.of("female", "male")),
            FeatureEncoding.Column.categorical("region", List.of("west", "north", "south"))));

    private static final GroupDefinition WHITE_VERSUS_REST = GroupDefinition.column("race").withVersusRest("7");

    private static final long WEIGHT_SEED = 5;

    /** Rows of the source columns, in another order than the encoding's, with other columns around. */
    private static final String DATA = "region,id,sex,age,race\n"
            + "north,1,male,41,7\nwest,2,female,23,3\nsouth,3,female,67,7\nnorth,4,male,35,8\n";

    @TempDir
    Path dir;

    @Test
    void readModelHasTheEncodingGroupDefinitionAndBitIdenticalParameters() throws IOException {
        FittedModel model = categoricalModel();
        Path file = dir.resolve("model.json");

        ModelFile.write(model, file);
        FittedModel read = ModelFile.read(file);

        assertThat(read.encoding()).isEqualTo(ENCODING);
        assertThat(read.groupDefinition()).isEqualTo(WHITE_VERSUS_REST);
        assertThat(read.featureNames()).containsExactly("age", "sex=female", "sex=male", "region=west",
                "region=north", "region=south");
        float[] written = model.network().parameters();
        float[] readBack = read.network().parameters();
        for (int j = 0; j < written.length; j++) {
            assertThat(Float.floatToRawIntBits(readBack[j])).as("parameter %d", j)
                    .isEqualTo(Float.floatToRawIntBits(written[j]));
        }
    }

    @Test
    void rewritingReadModelGivesIdenticalBytes() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        ModelFile.write(categoricalModel(), first);

        ModelFile.write(ModelFile.read(first), second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void readModelPredictsRawCsvRowsExactlyAsTheOriginal() throws IOException {
        FittedModel model = categoricalModel();
        Path file = dir.resolve("model.json");
        Path data = Files.writeString(dir.resolve("rows.csv"), DATA, StandardCharsets.UTF_8);
        ModelFile.write(model, file);
        FittedModel read = ModelFile.read(file);

        FeatureTable features = CsvDataReader.readFeatures(data, read.encoding(), Optional.empty());

        assertThat(features.column(1)).containsExactly(0f, 1f, 1f, 0f);
        assertThat(features.column(3)).containsExactly(0f, 1f, 0f, 0f);
        assertThat(read.predict(features)).containsExactly(model.predict(features));
    }

    @Test
    void evaluateBringsDataWithFewerCategoriesIntoTheModelsEncoding() throws IOException {
        FittedModel model = categoricalModel();
        Path data = Files.writeString(dir.resolve("labelled.csv"), "region,sex,age,race,zfygpa\n"
                + "north,male,41,7,0.5\nsouth,female,67,7,-0.2\nnorth,male,35,8,1.1\n", StandardCharsets.UTF_8);
        ColumnSelection selection = ColumnSelection.of("zfygpa", "race").withGroup(WHITE_VERSUS_REST)
                .withFeatures(List.of("age", "sex", "region"));

        Dataset found = CsvDataReader.read(data, selection);
        Dataset encoded = CsvDataReader.read(data, selection.withEncoding(ENCODING));

        assertThat(found.features().names()).doesNotContain("region=west");
        assertThat(model.evaluate(found).overall()).isEqualTo(model.evaluate(encoded).overall());
    }

    @Test
    void writesTheEncodingSectionAsDocumented() throws IOException {
        ObjectNode root = (ObjectNode) EDITOR.readTree(ModelFile.toJson(categoricalModel()));

        assertThat(root.get("encoding").toString()).isEqualTo("{\"features\":["
                + "{\"column\":\"age\",\"type\":\"numeric\"},"
                + "{\"column\":\"sex\",\"type\":\"categorical\",\"categories\":[\"female\",\"male\"]},"
                + "{\"column\":\"region\",\"type\":\"categorical\",\"categories\":[\"west\",\"north\",\"south\"]}],"
                + "\"group\":{\"columns\":[\"race\"],\"versus_rest\":\"7\"}}");
        assertThat(root.get("columns").get("group").asText()).isEqualTo("race");
    }

    @Test
    void numericModelWritesNullVersusRestAndOneNumericColumnPerFeature() throws IOException {
        ObjectNode root = (ObjectNode) EDITOR.readTree(ModelFile.toJson(ModelFixtures.smallModel()));

        assertThat(root.get("encoding").get("group").toString())
                .isEqualTo("{\"columns\":[\"g\"],\"versus_rest\":null}");
        assertThat(root.get("encoding").get("features")).hasSize(ModelFixtures.FEATURES.size());
    }

    @Test
    void repeatedCategoryIsRejected() throws IOException {
        Path file = write(root -> features(root, 1).withArray("categories").set(1, "female"));

        assertRejected(file, "encoding.features[1]", "must be distinct, found 'female' twice");
    }

    @Test
    void unknownColumnTypeIsRejected() throws IOException {
        Path file = write(root -> features(root, 0).put("type", "ordinal"));

        assertRejected(file, "encoding.features[0].type", "'ordinal'");
    }

    @Test
    void categoricalColumnWithoutCategoriesIsRejected() throws IOException {
        Path file = write(root -> features(root, 2).remove("categories"));

        assertRejected(file, "encoding.features[2].categories", "is missing");
    }

    @Test
    void repeatedSourceColumnIsRejected() throws IOException {
        Path file = write(root -> features(root, 2).put("column", "sex"));

        assertRejected(file, "encoding.features", "'sex'");
    }

    @Test
    void featureNamesOtherThanTheEncodedNamesAreRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("columns")).withArray("features").set(1, "sex=f"));

        assertRejected(file, "columns.features", "must be the names the encoding gives");
    }

    @Test
    void extraCategoryChangingTheFeatureCountIsRejected() throws IOException {
        Path file = write(root -> features(root, 2).withArray("categories").add("east"));

        assertRejected(file, "columns.features", "region=east");
    }

    @Test
    void groupNameOtherThanTheEncodingsIsRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("columns")).put("group", "ethnicity"));

        assertRejected(file, "columns.group", "'race'");
    }

    @Test
    void versusRestWithTwoGroupColumnsIsRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("encoding").get("group")).withArray("columns").add("sex"));

        assertRejected(file, "encoding.group", "exactly one group column");
    }

    @Test
    void missingVersusRestIsRejected() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("encoding").get("group")).remove("versus_rest"));

        assertRejected(file, "encoding.group.versus_rest", "is missing");
    }

    @Test
    void missingEncodingIsRejected() throws IOException {
        Path file = write(root -> root.remove("encoding"));

        assertRejected(file, "encoding", "is missing");
    }

    /**
     * A 6-4-1 tanh network over {@link #ENCODING} with seeded weights, a standardization of every
     * feature and the target, and groups from race 7 against the rest.
     */
    private static FittedModel categoricalModel() {
        int[] hidden = {4};
        Architecture architecture = new Architecture(ENCODING.featureCount(), hidden, Activation.TANH);
        Network network = new Network(architecture);
        GlorotUniform.initialize(network, new LegacyRandom(WEIGHT_SEED));
        Standardization standardization = new Standardization(new double[] {40.5, 0.5, 0.5, 0.3, 0.3, 0.4},
                new double[] {12.5, 0.5, 0.5, 0.46, 0.46, 0.49}, 0.1, 0.9);
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(hidden).withActivation(Activation.TANH);
        TrainingSummary summary = new TrainingSummary(12, 9, 9, 0.25, StopReason.EARLY_STOPPING);
        return new FittedModel(ENCODING, "zfygpa", WHITE_VERSUS_REST, GroupLabels.of(List.of("7", "not 7")),
                standardization, network, settings, summary, Provenance.current(network.kernels().name()));
    }

    private Path write(Consumer<ObjectNode> edit) throws IOException {
        return ModelFixtures.editedModelFile(dir, categoricalModel(), edit);
    }

    private static ObjectNode features(ObjectNode root, int c) {
        return (ObjectNode) ((ArrayNode) root.get("encoding").get("features")).get(c);
    }
}
