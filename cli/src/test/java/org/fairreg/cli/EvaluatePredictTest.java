package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairreg evaluate} and {@code fairreg predict} with a model trained once for the class on a
 * small generated CSV file.
 */
@ExtendWith(StrayOutputGuard.class)
class EvaluatePredictTest {

    private static final int SAMPLES = 600;
    private static final int FEATURES = 4;

    @TempDir
    static Path folder;

    private static Path data;
    private static Path model;

    @BeforeAll
    static void trainOnceOnASmallGeneratedFile() {
        data = folder.resolve("data.csv");
        model = folder.resolve("m.json");
        Fairreg.Run generated = Fairreg.run("generate", "--samples", "" + SAMPLES, "--features", "" + FEATURES,
                "--out", data.toString());
        assertThat(generated.exitCode()).as(generated.toString()).isEqualTo(ExitCodes.OK);
        Fairreg.Run trained = Fairreg.run(Fairreg.trainOn(data,
                Fairreg.concat(Fairreg.SHORT_RUN, "--model-out", model.toString())));
        assertThat(trained.exitCode()).as(trained.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void evaluateSavedModelPrintsPerGroupTableOverEveryRowAndExitsZero() {
        Fairreg.Run run = Fairreg.run("evaluate", "--model", model.toString(), "--data", data.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ReportText.rowLabels(run.out())).containsExactly("0", "1", "overall", "gap");
        List<String[]> rows = ReportText.tableRows(run.out());
        assertThat(Long.parseLong(rows.get(2)[1])).as("overall n").isEqualTo(SAMPLES);
        assertThat(Long.parseLong(rows.get(0)[1]) + Long.parseLong(rows.get(1)[1])).isEqualTo(SAMPLES);
    }

    @Test
    void predictWritesPredictionHeaderAndOneFiniteValuePerDataRow(@TempDir Path out) throws IOException {
        Path predictions = out.resolve("p.csv");

        Fairreg.Run run = predict(data, predictions);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("prediction");
        assertThat(lines).hasSize(1 + SAMPLES);
        for (int line = 1; line < lines.size(); line++) {
            assertThat(Double.parseDouble(lines.get(line))).as("line %d", line + 1).isFinite();
        }
    }

    @Test
    void predictOnReorderedColumnsGivesTheSamePredictions(@TempDir Path out) throws IOException {
        Path reordered = writeColumns(out.resolve("reordered.csv"), List.of("g", "x3", "y", "x0", "x2", "x1"));
        Path inFileOrder = out.resolve("p.csv");
        Path inOtherOrder = out.resolve("p-reordered.csv");

        Fairreg.Run first = predict(data, inFileOrder);
        Fairreg.Run second = predict(reordered, inOtherOrder);

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(inOtherOrder)).isEqualTo(Files.readAllLines(inFileOrder));
    }

    @Test
    void predictOnCsvWithoutAFeatureColumnFailsNamingTheColumn(@TempDir Path out) throws IOException {
        Path withoutX2 = writeColumns(out.resolve("no-x2.csv"), List.of("x0", "x1", "x3", "y", "g"));
        Path predictions = out.resolve("p.csv");

        Fairreg.Run run = predict(withoutX2, predictions);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).contains("no-x2.csv:1:", "'x2'");
        assertThat(predictions).doesNotExist();
    }

    @Test
    void predictOnCsvWithTwoFeatureColumnsRenamedNamesBothAndTheUnknownColumns(@TempDir Path out) throws IOException {
        Path renamed = writeColumns(out.resolve("renamed.csv"), List.of("x0", "x1", "x2", "x3", "y", "g"),
                "x0,X1,x2,feature3,y,g");
        Path predictions = out.resolve("p.csv");

        Fairreg.Run run = predict(renamed, predictions);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).containsExactly("fairreg predict: error: " + renamed + ":1: no columns 'x1', "
                + "'x3' of the model's 4 feature columns 'x0', 'x1', 'x2', 'x3'; the header's columns the model was not "
                + "trained on: 'X1', 'feature3'; expected every feature column of the model, by name");
        assertThat(predictions).doesNotExist();
    }

    @Test
    void evaluateOnCsvWithoutTwoFeatureColumnsNamesBothAndNoTargetOrGroupAsUnknown(@TempDir Path out)
            throws IOException {
        Path withoutTwo = writeColumns(out.resolve("no-x0-x3.csv"), List.of("g", "x1", "y", "x2"));
        Path report = out.resolve("report.json");

        Fairreg.Run run = Fairreg.run("evaluate", "--model", model.toString(), "--data", withoutTwo.toString(),
                "--report-json", report.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("fairreg evaluate: error: " + withoutTwo
                + ":1: no columns 'x0', 'x3' "
                + "of the model's 4 feature columns 'x0', 'x1', 'x2', 'x3'; expected every feature column of the "
                + "model, by name");
        assertThat(report).doesNotExist();
    }

    private static Fairreg.Run predict(Path csv, Path predictions) {
        return Fairreg.run("predict", "--model", model.toString(), "--data", csv.toString(),
                "--out", predictions.toString());
    }

    /** Writes the class's data file with the named columns, in the order given, under another header. */
    private static Path writeColumns(Path target, List<String> columns, String header) throws IOException {
        writeColumns(target, columns);
        List<String> lines = new ArrayList<>(Files.readAllLines(target, StandardCharsets.UTF_8));
        lines.set(0, header);
        return Files.write(target, lines, StandardCharsets.UTF_8);
    }

    /** Writes the class's data file with only the named columns, in the order given. */
    private static Path writeColumns(Path target, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> written = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(",");
            List<String> picked = new ArrayList<>();
            for (String column : columns) {
                picked.add(fields[header.indexOf(column)]);
            }
            written.add(String.join(",", picked));
        }
        return Files.write(target, written, StandardCharsets.UTF_8);
    }
}
