package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairreg train}: its printed report and the files it writes, on a small generated CSV
 * file trained once for the class, and the reproducibility of the model file on the built-in
 * data.
 */
@ExtendWith(StrayOutputGuard.class)
class TrainCommandTest {

    /**
     * The table prints figures with six significant digits ({@code %.6g}), so a printed figure
     * is within half a unit of the sixth digit of the exact one.
     */
    private static final double TABLE_RELATIVE_TOLERANCE = 5e-6;

    /** The table prints R^2 with six decimals ({@code %.6f}): within half a unit of the sixth. */
    private static final double TABLE_R2_ABSOLUTE_TOLERANCE = 5e-7;

    private static final int SAMPLES = 600;
    private static final int FEATURES = 4;
    private static final int MAX_EPOCHS = 3;
    /** {@code train}'s default --test-fraction is 0.5. */
    private static final int TEST_ROWS = SAMPLES / 2;
    private static final List<String> REPORT_KEYS =
            List.of("overall", "groups", "gap", "epochs_run", "best_epoch", "stop_reason");
    private static final List<String> GROUP_KEYS = List.of("group", "n", "mse", "rmse", "mae", "bias", "r2");

    @TempDir
    static Path folder;

    private static Path data;
    private static Path model;
    private static Path report;
    private static Path history;
    private static Fairreg.Run training;

    @BeforeAll
    static void trainOnceOnASmallGeneratedFile() {
        data = folder.resolve("small.csv");
        model = folder.resolve("m.json");
        report = folder.resolve("r.json");
        history = folder.resolve("h.csv");
        Fairreg.Run generated = Fairreg.run("generate", "--samples", "" + SAMPLES, "--features", "" + FEATURES,
                "--out", data.toString());
        assertThat(generated.exitCode()).as(generated.toString()).isEqualTo(ExitCodes.OK);
        training = Fairreg.run(Fairreg.trainOn(data, "--epochs", "" + MAX_EPOCHS, "--patience", "1",
                "--hidden", "8", "--model-out", model.toString(), "--report-json", report.toString(),
                "--history", history.toString()));
    }

    @Test
    void trainWithOutputsExitsZeroAndPrintsOneRowPerGroupThenOverallAndGap() {
        assertThat(training.exitCode()).as(training.toString()).isEqualTo(ExitCodes.OK);
        assertThat(training.out()).contains("test report");
        assertThat(ReportText.rowLabels(training.out())).containsExactly("0", "1", "overall", "gap");
    }

    @Test
    void trainReportJsonHasOverallGroupsInOrderGapAndRunFields() throws IOException {
        JsonNode json = ReportText.json(report);

        for (String key : REPORT_KEYS) {
            assertThat(json.has(key)).as("key %s in %s", key, json.fieldNames()).isTrue();
        }
        List<String> groups = new ArrayList<>();
        long groupRows = 0;
        for (JsonNode group : json.get("groups")) {
            for (String key : GROUP_KEYS) {
                assertThat(group.has(key)).as("key %s in group %s", key, group).isTrue();
            }
            groups.add(group.get("group").asText());
            groupRows += group.get("n").asLong();
        }
        assertThat(groups).containsExactly("0", "1");
        assertThat(json.get("overall").get("n").asLong()).isEqualTo(TEST_ROWS);
        assertThat(groupRows).isEqualTo(TEST_ROWS);
        int epochsRun = json.get("epochs_run").asInt();
        assertThat(epochsRun).isBetween(1, MAX_EPOCHS);
        assertThat(json.get("best_epoch").asInt()).isBetween(0, epochsRun);
        assertThat(json.get("stop_reason").asText()).isIn("max-epochs", "early-stopping");
    }

    @Test
    void trainTableFiguresAgreeWithReportJson() throws IOException {
        JsonNode json = ReportText.json(report);
        List<String[]> rows = ReportText.tableRows(training.out());

        for (int k = 0; k < json.get("groups").size(); k++) {
            assertRowMatches(rows.get(k), json.get("groups").get(k));
        }
        assertRowMatches(rows.get(json.get("groups").size()), json.get("overall"));
        double gap = json.get("gap").asDouble();
        assertThat(Double.parseDouble(rows.get(rows.size() - 1)[1]))
                .isCloseTo(gap, within(TABLE_RELATIVE_TOLERANCE * Math.abs(gap)));
    }

    @Test
    void trainHistoryHasHeaderAndOneRowPerEpochRun() throws IOException {
        List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
        int epochsRun = ReportText.json(report).get("epochs_run").asInt();

        assertThat(lines.get(0)).startsWith("epoch,");
        assertThat(lines).hasSize(1 + epochsRun);
        for (int epoch = 1; epoch <= epochsRun; epoch++) {
            assertThat(lines.get(epoch)).startsWith(epoch + ",");
        }
    }

    @Test
    void trainModelFileIsAFairregModelWithTheDataColumnsAndGroups() throws IOException {
        JsonNode json = ReportText.json(model);

        assertThat(json.get("format").asText()).isEqualTo("fairreg-model");
        assertThat(json.get("columns").get("features").toString()).isEqualTo("[\"x0\",\"x1\",\"x2\",\"x3\"]");
        assertThat(json.get("columns").get("target").asText()).isEqualTo("y");
        assertThat(json.get("columns").get("group").asText()).isEqualTo("g");
        assertThat(json.get("groups").toString()).isEqualTo("[\"0\",\"1\"]");
    }

    /**
     * Column options left out keep their documented defaults: target y, group g, separator ','.
     * Fails at present: {@code DataSource} holds {@code ColumnOptions} as a nested
     * {@code @ArgGroup}, whose option defaults picocli applies only when one of its options is
     * given, so {@code --separator} stays {@code '\0'} and the header reads as one column.
     */
    @Test
    void trainOnCsvWithoutColumnOptionsReadsCommaSeparatedFields(@TempDir Path out) {
        Fairreg.Run run = Fairreg.run(Fairreg.concat(new String[] {"train", "--data", data.toString()},
                Fairreg.concat(Fairreg.SHORT_RUN, "--model-out", out.resolve("m.json").toString())));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ReportText.rowLabels(run.out())).containsExactly("0", "1", "overall", "gap");
    }

    @Test
    void trainTwiceWithTheSameSeedWritesByteIdenticalModelFiles(@TempDir Path out) throws IOException {
        byte[] first = trainBuiltIn(out.resolve("first.json"), "7");
        byte[] second = trainBuiltIn(out.resolve("second.json"), "7");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void trainWithAnotherSeedWritesADifferentModelFile(@TempDir Path out) throws IOException {
        byte[] seven = trainBuiltIn(out.resolve("seven.json"), "7");
        byte[] eight = trainBuiltIn(out.resolve("eight.json"), "8");

        assertThat(eight).isNotEqualTo(seven);
    }

    private static byte[] trainBuiltIn(Path modelFile, String seed) throws IOException {
        Fairreg.Run run = Fairreg.run("train", "--epochs", "3", "--seed", seed,
                "--model-out", modelFile.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        return Files.readAllBytes(modelFile);
    }

    /** Compares a table row (group, n, mse, rmse, mae, bias, r2) with its JSON figures. */
    private static void assertRowMatches(String[] row, JsonNode figures) {
        assertThat(Long.parseLong(row[1])).as("n of row %s", row[0]).isEqualTo(figures.get("n").asLong());
        int r2 = ReportText.TABLE_HEADS.indexOf("r2");
        for (int c = 2; c < r2; c++) {
            String head = ReportText.TABLE_HEADS.get(c);
            double exact = figures.get(head).asDouble();
            assertThat(Double.parseDouble(row[c])).as("%s of row %s", head, row[0])
                    .isCloseTo(exact, within(TABLE_RELATIVE_TOLERANCE * Math.abs(exact)));
        }
        assertThat(Double.parseDouble(row[r2])).as("r2 of row %s", row[0])
                .isCloseTo(figures.get("r2").asDouble(), within(TABLE_R2_ABSOLUTE_TOLERANCE));
    }
}
