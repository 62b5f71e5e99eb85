package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairreg train} on data with more than two groups, labelled by text or by numbers: the
 * report lists groups in the order of {@code GroupLabels} (numeric order when every label is a
 * number, text order otherwise), never in the order they first appear in the file.
 */
@ExtendWith(StrayOutputGuard.class)
class TrainGroupsTest {

    /**
     * Enough rows that the default split leaves a full batch of 64 for training (120 rows) and
     * every group in each part.
     */
    private static final int ROWS = 300;

    @Test
    void penalizedOnTextLabelsReportsGroupsInTextOrder(@TempDir Path folder) throws IOException {
        Path data = writeThreeGroups(folder.resolve("regions.csv"), "region", List.of("west", "north", "south"));
        Path report = folder.resolve("r.json");

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(Fairreg.SHORT_RUN,
                "--group", "region", "--objective", "penalized", "--report-json", report.toString())));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ReportText.rowLabels(run.out())).containsExactly("north", "south", "west", "overall", "gap");
        assertThat(reportedGroups(report)).containsExactly("north", "south", "west");
    }

    @Test
    void penalizedOnNumericLabelsReportsGroupsInNumericOrder(@TempDir Path folder) throws IOException {
        // Text order would be 1.5, 10, 2.
        Path data = writeThreeGroups(folder.resolve("levels.csv"), "level", List.of("10", "2", "1.5"));
        Path report = folder.resolve("r.json");

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(Fairreg.SHORT_RUN,
                "--group", "level", "--objective", "penalized", "--report-json", report.toString())));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ReportText.rowLabels(run.out())).containsExactly("1.5", "2", "10", "overall", "gap");
        assertThat(reportedGroups(report)).containsExactly("1.5", "2", "10");
    }

    @Test
    void gapObjectiveOnThreeGroupsFailsSayingItNeedsExactlyTwo(@TempDir Path folder) throws IOException {
        Path data = writeThreeGroups(folder.resolve("regions.csv"), "region", List.of("west", "north", "south"));
        Path model = folder.resolve("m.json");

        // The split leaves 10 validation rows per group; warnings about that are not checked here.
        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(Fairreg.SHORT_RUN,
                "--group", "region", "--objective", "gap", "--model-out", model.toString(), "--min-group-rows", "0")));

        assertThat(run.exitCode()).as(run.toString()).isNotEqualTo(ExitCodes.OK);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).contains("gap", "exactly 2 groups");
        assertThat(model).doesNotExist();
    }

    private static List<String> reportedGroups(Path report) throws IOException {
        List<String> groups = new ArrayList<>();
        for (JsonNode group : ReportText.json(report).get("groups")) {
            groups.add(group.get("group").asText());
        }
        return groups;
    }

    /**
     * Writes a CSV file {@code a,b,y,<groupColumn>} whose rows cycle through the labels in the
     * order given, with a smooth target that shifts per group.
     */
    private static Path writeThreeGroups(Path file, String groupColumn, List<String> labelsInFileOrder)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("a,b,y," + groupColumn);
        for (int row = 0; row < ROWS; row++) {
            int k = row % labelsInFileOrder.size();
            double a = Math.sin(row);
            double b = Math.cos(1.7 * row);
            double y = 3 * a - 2 * b + 0.5 * k;
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%s", a, b, y, labelsInFileOrder.get(k)));
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
