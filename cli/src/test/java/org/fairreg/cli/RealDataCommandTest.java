package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairreg train}, {@code evaluate} and {@code predict} on the two public datasets that the
 * core module keeps as test fixtures ({@code core/src/test/resources/real/}, with notes), run as
 * docs/data.md shows them. Training is short: these tests check reading, encoding, groups and the
 * messages, not the model.
 */
@ExtendWith(StrayOutputGuard.class)
class RealDataCommandTest {

    /** The fixtures folder, from the cli module folder in which Maven runs the tests. */
    private static final Path REAL = Path.of("..", "core", "src", "test", "resources", "real");

    private static final String[] LAW_SCHOOL = {"--target", "zfygpa", "--group", "race", "--group-vs-rest", "7",
        "--features", "lsat,ugpa,fulltime,fam_inc,cluster", "--categorical", "cluster", "--missing", "drop"};

    @Test
    void insuranceTrainsWithSexAndRegionOneHotAndWarnsAboutTheSmallValidationGroup(@TempDir Path out)
            throws IOException {
        Path model = out.resolve("m.json");

        Fairreg.Run run = Fairreg.run(Fairreg.concat(new String[] {"train", "--data", fixture("insurance.csv"),
            "--target", "charges", "--group", "smoker", "--model-out", model.toString()}, Fairreg.SHORT_RUN));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.errLines()).contains("warning: group 'yes' has 19 rows in the validation split, fewer than 30");
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("data ")).singleElement().asString()
                .contains("train 535 [no:426 yes:109]", "validation 134 [no:115 yes:19]",
                        "test 669 [no:523 yes:146]");
        assertThat(ReportText.rowLabels(run.out())).containsExactly("no", "yes", "overall", "gap");
        JsonNode columns = ReportText.json(model).get("columns");
        assertThat(columns.get("features").toString()).isEqualTo("[\"age\",\"sex=female\",\"sex=male\",\"bmi\","
                + "\"children\",\"region=northeast\",\"region=northwest\",\"region=southeast\",\"region=southwest\"]");
    }

    @Test
    void lawSchoolDropsRowsWithMissingValuesAndSaysHowManyInTheHeaderAndInEvaluate(@TempDir Path out) {
        Path model = out.resolve("m.json");
        String data = fixture("lawschool.csv");

        Fairreg.Run train = Fairreg.run(Fairreg.concat(Fairreg.concat(new String[] {"train", "--data", data,
            "--model-out", model.toString()}, LAW_SCHOOL), Fairreg.SHORT_RUN));
        Fairreg.Run evaluate = Fairreg.run("evaluate", "--model", model.toString(), "--data", data,
                "--missing", "drop");

        assertThat(train.exitCode()).as(train.toString()).isEqualTo(ExitCodes.OK);
        String dropped = "(2990 of 27478 rows dropped for a missing value)";
        assertThat(train.errLines()).filteredOn(line -> line.startsWith("data ")).singleElement().asString()
                .contains(dropped, "train 9795 [7:8025 not 7:1770]", "test 12244 [7:10142 not 7:2102]");
        assertThat(train.errLines()).noneMatch(line -> line.startsWith("warning: "));
        // The table is split at spaces, so the label 'not 7' reads as 'not'.
        assertThat(ReportText.rowLabels(train.out())).containsExactly("7", "not", "overall", "gap");
        assertThat(train.out()).containsPattern("(?m)^not 7 +2102 ");
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isEqualTo(ExitCodes.OK);
        assertThat(evaluate.out()).contains(dropped + ", 24488 examples");
        assertThat(evaluate.out()).containsPattern("(?m)^7 +20233 ").containsPattern("(?m)^not 7 +4255 ");
    }

    @Test
    void lawSchoolWithoutDropFailsAtTheFirstMissingValueSuggestingDrop(@TempDir Path out) {
        String[] keepMissing = List.of(LAW_SCHOOL).subList(0, LAW_SCHOOL.length - 2).toArray(String[]::new);

        Fairreg.Run run = Fairreg.run(Fairreg.concat(new String[] {"train", "--data", fixture("lawschool.csv"),
            "--model-out", out.resolve("m.json").toString()}, keepMissing));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("lawschool.csv:11:5: missing value 'NA' in column 'zfygpa'", "--missing drop");
        assertThat(Files.exists(out.resolve("m.json"))).isFalse();
    }

    private static String fixture(String name) {
        Path file = REAL.resolve(name);
        assertThat(file).as("fixture run from the cli module folder").exists();
        return file.toString();
    }
}
