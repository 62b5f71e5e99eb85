package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import org.fairreg.onnx.OnnxMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairreg export} with a model trained once for the class on a small generated CSV file.
 * That the graph predicts as fairreg does is tested in the onnx module, with ONNX Runtime.
 */
@ExtendWith(StrayOutputGuard.class)
class ExportCommandTest {

    @TempDir
    static Path folder;

    private static Path model;
    private static Path report;

    @BeforeAll
    static void trainOnceOnASmallGeneratedFile() {
        Path data = folder.resolve("data.csv");
        model = folder.resolve("m.json");
        report = folder.resolve("report.json");
        Fairreg.Run generated = Fairreg.run("generate", "--samples", "400", "--features", "3", "--out",
                data.toString());
        assertThat(generated.exitCode()).as(generated.toString()).isEqualTo(ExitCodes.OK);
        Fairreg.Run trained = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(Fairreg.SHORT_RUN,
                "--model-out", model.toString(), "--report-json", report.toString())));
        assertThat(trained.exitCode()).as(trained.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void exportWritesAGraphWithOneInputPerColumnAndTheModelsMetadata(@TempDir Path out) throws IOException {
        Path onnx = out.resolve("m.onnx");

        Fairreg.Run run = Fairreg.run("export", "--model", model.toString(), "--onnx", onnx.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("written to " + onnx);
        ModelProto graph = ModelProto.parseFrom(Files.readAllBytes(onnx));
        assertThat(graph.getGraph().getInputList()).extracting(input -> input.getName())
                .containsExactly("x0", "x1", "x2");
        assertThat(graph.getGraph().getOutput(0).getName()).isEqualTo("prediction");
        Map<String, String> metadata = metadata(graph);
        assertThat(metadata.get(OnnxMetadata.TARGET)).isEqualTo("y");
        assertThat(metadata.get(OnnxMetadata.GROUP)).isEqualTo("g");
        assertThat(metadata).doesNotContainKey(OnnxMetadata.REPORT);
    }

    @Test
    void exportWithTheTrainingReportCarriesItVerbatim(@TempDir Path out) throws IOException {
        Path onnx = out.resolve("m.onnx");

        Fairreg.Run run = Fairreg.run("export", "--model", model.toString(), "--onnx", onnx.toString(),
                "--report", report.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(metadata(ModelProto.parseFrom(Files.readAllBytes(onnx))).get(OnnxMetadata.REPORT))
                .isEqualTo(Files.readString(report));
    }

    @Test
    void onnxFileEqualToTheModelFileIsAUsageErrorAndLeavesTheModel() throws IOException {
        byte[] before = Files.readAllBytes(model);

        Fairreg.Run run = Fairreg.run("export", "--model", model.toString(), "--onnx", model.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines().get(0)).isEqualTo("fairreg export: Invalid value for option '--onnx': '" + model
                + "' is the same file as the input '" + model + "'; choose another file");
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void reportThatIsNotAFairregReportFailsWithoutWriting(@TempDir Path out) throws IOException {
        Path notAReport = out.resolve("other.json");
        Files.writeString(notAReport, "{\"overall\": {}}");
        Path onnx = out.resolve("m.onnx");

        Fairreg.Run run = Fairreg.run("export", "--model", model.toString(), "--onnx", onnx.toString(),
                "--report", notAReport.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines().get(0)).startsWith("fairreg export: error: report must hold the field 'training'");
        assertThat(onnx).doesNotExist();
    }

    @Test
    void missingModelFileFailsNamingIt(@TempDir Path out) {
        Path missing = out.resolve("none.json");

        Fairreg.Run run = Fairreg.run("export", "--model", missing.toString(), "--onnx",
                out.resolve("m.onnx").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines().get(0)).contains(missing.toString()).contains("no such model file");
    }

    private static Map<String, String> metadata(ModelProto graph) {
        List<StringStringEntryProto> entries = graph.getMetadataPropsList();
        return entries.stream().collect(Collectors.toMap(StringStringEntryProto::getKey,
                StringStringEntryProto::getValue));
    }
}
