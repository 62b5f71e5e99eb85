package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data options of the commands on a small generated file with a categorical feature, three
 * intersectional groups of very different sizes and a few missing values.
 */
@ExtendWith(StrayOutputGuard.class)
class TabularInputTest {

    private static final int ROWS = 400;

    @TempDir
    static Path folder;

    private static Path data;
    private static Path model;

    @BeforeAll
    static void trainOnceWithIntersectionalGroupsAndDroppedRows() throws IOException {
        data = write(folder.resolve("people.csv"), ';', ROWS);
        model = folder.resolve("m.json");
        Fairreg.Run run = train(data, "--model-out", model.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void trainWarnsOncePerSmallGroupAndSplitInGroupOrder(@TempDir Path out) throws IOException {
        Fairreg.Run run = train(data, "--min-group-rows", "40");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<String> warnings = run.errLines().stream().filter(line -> line.startsWith("warning: ")).toList();
        assertThat(warnings).isNotEmpty().allMatch(line -> line.matches(
                "warning: group '[ab]\\|[uv]' has \\d+ rows? in the (train|validation|test) split, fewer than 40"));
        assertThat(warnings).isSortedAccordingTo((first, second) -> Integer.compare(order(first), order(second)));
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("data ")).singleElement().asString()
                .contains("(4 of 400 rows dropped for a missing value)", "[a|u:", "b|u:", "b|v:");
    }

    @Test
    void evaluateTakesEncodingAndGroupsFromTheModelAndWarnsAboutSmallGroups() {
        Fairreg.Run run = Fairreg.run("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--missing", "drop", "--min-group-rows", "50");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ReportText.rowLabels(run.out())).containsExactly("a|u", "b|u", "b|v", "overall", "gap");
        assertThat(run.out()).contains("(4 of 400 rows dropped for a missing value), 396 examples");
        assertThat(run.errLines())
                .containsExactly("warning: group 'b|v' has 20 rows in the evaluated data, fewer than 50");
    }

    @Test
    void evaluateWithGroupVersusRestOverridesTheModelsGroups() {
        Fairreg.Run run = Fairreg.run("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--missing", "drop", "--group", "kind", "--group-vs-rest", "a");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        // The table is split at spaces, so the label 'not a' reads as 'not'.
        assertThat(ReportText.rowLabels(run.out())).containsExactly("a", "not", "overall", "gap");
        assertThat(run.out()).containsPattern("(?m)^a +316 ").containsPattern("(?m)^not a +80 ");
    }

    @Test
    void evaluateAndPredictRejectAnUnseenCategoryNamingLineColumnAndKnownCategories(@TempDir Path out)
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        lines.set(5, lines.get(5).replaceFirst("^(red|green|blue);", "purple;"));
        Path unseen = Files.write(out.resolve("unseen.csv"), lines);
        String problem = "unseen.csv:6:1: 'purple' in column 'colour' is a category the model was not trained on; "
                + "expected one of its categories 'blue', 'green', 'red'";

        Fairreg.Run evaluate = Fairreg.run("evaluate", "--model", model.toString(), "--data", unseen.toString(),
                "--missing", "drop");
        Fairreg.Run predict = Fairreg.run("predict", "--model", model.toString(), "--data", unseen.toString(),
                "--out", out.resolve("p.csv").toString());

        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(evaluate.errLines()).singleElement().asString().endsWith(problem);
        assertThat(predict.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(predict.errLines()).singleElement().asString().endsWith(problem);
    }

    @Test
    void predictOnACommaSeparatedCopyGivesTheSamePredictions(@TempDir Path out) throws IOException {
        Path complete = write(out.resolve("complete.csv"), ';', 50);
        Path commas = Files.writeString(out.resolve("commas.csv"),
                Files.readString(complete).replace(';', ','), StandardCharsets.UTF_8);

        Fairreg.Run semicolons = Fairreg.run("predict", "--model", model.toString(), "--data", complete.toString(),
                "--out", out.resolve("p1.csv").toString());
        Fairreg.Run detected = Fairreg.run("predict", "--model", model.toString(), "--data", commas.toString(),
                "--out", out.resolve("p2.csv").toString(), "--separator", ",");

        assertThat(semicolons.exitCode()).as(semicolons.toString()).isEqualTo(ExitCodes.OK);
        assertThat(detected.exitCode()).as(detected.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(out.resolve("p2.csv"))).isEqualTo(Files.readAllLines(out.resolve("p1.csv")))
                .hasSize(51);
    }

    @Test
    void badDataOptionsAreUsageErrorsNamingTheOption() {
        Fairreg.Run missing = train(data, "--missing", "ignore");
        Fairreg.Run separator = train(data, "--separator", "ab");
        Fairreg.Run versusRest = train(data, "--group-vs-rest", "a");
        Fairreg.Run minRows = train(data, "--min-group-rows", "-1");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.errLines().get(0)).contains("--missing", "error, drop", "'ignore'");
        assertThat(separator.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(separator.errLines().get(0)).contains("--separator", "'ab'");
        assertThat(versusRest.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(versusRest.errLines().get(0)).contains("--group-vs-rest", "single group column", "kind|size");
        assertThat(minRows.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(minRows.errLines().get(0)).contains("--min-group-rows", "-1");
    }

    @Test
    void tabSeparatorIsGivenByName(@TempDir Path out) throws IOException {
        Path tabs = Files.writeString(out.resolve("tabs.csv"),
                Files.readString(data).replace(';', '\t'), StandardCharsets.UTF_8);

        Fairreg.Run run = train(tabs, "--separator", "tab");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    /** Trains briefly on a file of this class's layout, dropping rows with missing values. */
    private static Fairreg.Run train(Path csv, String... more) {
        String[] args = Fairreg.concat(new String[] {"train", "--data", csv.toString(), "--target", "y",
            "--group", "kind,size", "--categorical", "level", "--missing", "drop"}, Fairreg.SHORT_RUN);
        return Fairreg.run(Fairreg.concat(args, more));
    }

    /** The position of a warning's split, then group, in the order the warnings must come. */
    private static int order(String warning) {
        int split = warning.contains("train split") ? 0 : warning.contains("validation split") ? 1 : 2;
        int group = warning.contains("'a|u'") ? 0 : warning.contains("'b|u'") ? 1 : 2;
        return split * 3 + group;
    }

    /**
     * Writes {@code colour;level;x;y;kind;size} rows: colour red, green or blue; level 1 to 3;
     * groups a|u (most rows), b|u (a fifth) and b|v (every twentieth row); a missing x on every
     * hundredth row.
     */
    private static Path write(Path file, char separator, int rows) throws IOException {
        String[] colours = {"red", "green", "blue"};
        List<String> lines = new ArrayList<>();
        lines.add(String.join(String.valueOf(separator), "colour", "level", "x", "y", "kind", "size"));
        for (int row = 0; row < rows; row++) {
            String group = row % 20 == 0 ? "b;v" : row % 5 == 0 ? "b;u" : "a;u";
            double x = Math.sin(row);
            String xCell = row % 100 == 99 ? "NA" : String.format(Locale.ROOT, "%.6f", x);
            double y = 2 * x + row % 3 + (group.startsWith("b") ? 0.5 : 0.0);
            String line = String.format(Locale.ROOT, "%s;%d;%s;%.6f;%s", colours[row % 3], 1 + row % 3, xCell, y,
                    group);
            lines.add(line.replace(';', separator));
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
