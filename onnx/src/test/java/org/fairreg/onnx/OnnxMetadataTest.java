package org.fairreg.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fairreg.data.Dataset;
import org.fairreg.io.ReportJson;
import org.fairreg.train.FittedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata of an exported graph, read back through ONNX Runtime: names, group labels, the
 * model file's sections, and a report when one is given.
 */
class OnnxMetadataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Dataset insurance;
    private static FittedModel model;

    @BeforeAll
    static void trainModel() {
        insurance = TrainedModels.insurance();
        model = TrainedModels.onInsurance(insurance, TrainedModels.shortRun());
    }

    @Test
    void metadataNamesTargetGroupLabelsAndFeatures() throws OrtException, IOException {
        Map<String, String> metadata = runtimeMetadata(OnnxExport.toOnnx(model));

        assertThat(metadata.get(OnnxMetadata.METADATA_VERSION)).isEqualTo("1");
        assertThat(metadata.get(OnnxMetadata.TARGET)).isEqualTo("charges");
        assertThat(metadata.get(OnnxMetadata.GROUP)).isEqualTo("smoker");
        assertThat(json(metadata.get(OnnxMetadata.GROUPS))).isEqualTo(json("[\"no\",\"yes\"]"));
        assertThat(json(metadata.get(OnnxMetadata.FEATURES))).isEqualTo(json("[\"age\",\"sex=female\",\"sex=male\","
                + "\"bmi\",\"children\",\"region=northeast\",\"region=northwest\",\"region=southeast\","
                + "\"region=southwest\"]"));
        JsonNode region = json(metadata.get(OnnxMetadata.ENCODING)).get("features").get(4);
        assertThat(region.get("column").asText()).isEqualTo("region");
        assertThat(region.get("categories")).hasSize(4);
    }

    @Test
    void metadataCarriesTheRunsSettingsResultAndProvenance() throws OrtException, IOException {
        Map<String, String> metadata = runtimeMetadata(OnnxExport.toOnnx(model));

        assertThat(json(metadata.get(OnnxMetadata.TRAINING)).get("max_epochs").asInt())
                .isEqualTo(TrainedModels.EPOCHS);
        assertThat(json(metadata.get(OnnxMetadata.RESULT)).get("epochs_run").asInt())
                .isEqualTo(model.summary().epochsRun());
        assertThat(json(metadata.get(OnnxMetadata.PROVENANCE)).get("tool_version").asText())
                .isEqualTo(model.provenance().toolVersion());
        assertThat(metadata).doesNotContainKey(OnnxMetadata.REPORT);
    }

    @Test
    void reportOfTheModelIsCarriedVerbatim(@TempDir Path folder) throws OrtException, IOException {
        String report = reportOf(model, folder);

        Map<String, String> metadata = runtimeMetadata(OnnxExport.toOnnx(model, Optional.of(report)));

        assertThat(metadata.get(OnnxMetadata.REPORT)).isEqualTo(report);
        assertThat(json(report).get("groups").get(1).get("group").asText()).isEqualTo("yes");
    }

    @Test
    void reportOfAnotherModelIsRefused(@TempDir Path folder) throws IOException {
        FittedModel other = TrainedModels.onInsurance(insurance, TrainedModels.shortRun().withLambda(2.0));
        String report = reportOf(other, folder);

        assertThatThrownBy(() -> OnnxExport.toOnnx(model, Optional.of(report)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report was made for another model: its 'training' differs from the model's");
    }

    @Test
    void reportThatIsNotAFairregReportIsRefused() {
        assertThatThrownBy(() -> OnnxExport.toOnnx(model, Optional.of("{\"overall\": {}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must hold the field 'training'");
        assertThatThrownBy(() -> OnnxExport.toOnnx(model, Optional.of("[1, 2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("report must be JSON");
    }

    private static String reportOf(FittedModel fitted, Path folder) throws IOException {
        Path file = folder.resolve("report.json");
        ReportJson.write(fitted.evaluate(insurance), fitted, "insurance.csv", file);
        return Files.readString(file);
    }

    private static Map<String, String> runtimeMetadata(ModelProto onnx) throws OrtException {
        try (OnnxRunner runner = new OnnxRunner(onnx)) {
            assertThat(runner.session().getMetadata().getProducerName()).isEqualTo(OnnxExport.PRODUCER);
            return runner.session().getMetadata().getCustomMetadata();
        }
    }

    private static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }
}
