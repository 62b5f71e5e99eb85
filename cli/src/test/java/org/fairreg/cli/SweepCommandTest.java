package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairreg sweep} end to end: frontier files, the chosen model, thread count, usage errors. */
@ExtendWith(StrayOutputGuard.class)
class SweepCommandTest {

    @TempDir
    Path dir;

    private Path groupShiftData() {
        Path csv = dir.resolve("shift.csv");
        Fairreg.Run generated = Fairreg.run("generate", "--kind", "group-shift", "--samples", "900", "--features",
                "4", "--out", csv.toString(), "--quiet");
        assertThat(generated.exitCode()).isZero();
        return csv;
    }

    private Fairreg.Run sweep(Path csv, String threads, String prefix) {
        return Fairreg.run("sweep", "--data", csv.toString(), "--lambdas", "0.3,3", "--epsilons", "10%",
                "--epochs", "3", "--patience", "1", "--hidden", "8", "--threads", threads, "--resamples", "50",
                "--permutations", "50", "--frontier-csv", dir.resolve(prefix + ".csv").toString(),
                "--frontier-json", dir.resolve(prefix + ".json").toString(), "--model-out",
                dir.resolve(prefix + "-model.json").toString());
    }

    @Test
    void sweepWritesTheFrontierAndTheChosenModel() throws IOException {
        Fairreg.Run run = sweep(groupShiftData(), "2", "a");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("mse (reference)", "gap (reference)", "lambda=0.3", "lambda=3.0",
                "epsilon=10.0%", "chosen: ");
        List<String> rows = Files.readAllLines(dir.resolve("a.csv"));
        assertThat(rows).hasSize(1 + 5);
        assertThat(rows.get(0)).startsWith("label,objective,reference,epochs_run")
                .endsWith(",selected,validation_mse[0],test_mse[0],validation_mse[1],test_mse[1]");
        JsonNode frontier = new ObjectMapper().readTree(dir.resolve("a.json").toFile());
        assertThat(frontier.get("points")).hasSize(5);
        String chosen = frontier.get("selected").asText();
        assertThat(frontier.get("choice").asText())
                .isEqualTo(frontier.get("target_met").asBoolean() ? "met_target" : "lowest_gap");
        assertThat(chosen).doesNotContain("reference");
        int selectedColumn = List.of(rows.get(0).split(",")).indexOf("selected");
        assertThat(rows.stream().skip(1).filter(r -> r.split(",")[selectedColumn].equals("true"))).hasSize(1);
        JsonNode firstGroups = frontier.get("points").get(0).get("groups");
        assertThat(firstGroups).hasSize(2);
        assertThat(firstGroups.get(1).get("group").asText()).isEqualTo("1");
        assertThat(firstGroups.get(1).get("test_mse").asDouble())
                .isEqualTo(Double.parseDouble(rows.get(1).split(",")[selectedColumn + 4]));
        JsonNode model = new ObjectMapper().readTree(dir.resolve("a-model.json").toFile());
        assertThat(model.get("format").asText()).isEqualTo("fairreg-model");
    }

    @Test
    void oneThreadWritesTheSameFilesAsTwo() throws IOException {
        Path csv = groupShiftData();
        assertThat(sweep(csv, "1", "one").exitCode()).isZero();
        assertThat(sweep(csv, "2", "two").exitCode()).isZero();

        assertThat(Files.readAllBytes(dir.resolve("two.json"))).isEqualTo(Files.readAllBytes(dir.resolve("one.json")));
        assertThat(Files.readAllBytes(dir.resolve("two-model.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("one-model.json")));
    }

    /**
     * On insurance with smoker the default grid's gaps straddle the 50% target between lambda 0.1
     * and 0.3: two rounds add 0.144 and 0.208, then 0.113 and 0.128, and the choice comes from
     * them; the same files with one thread or two.
     */
    @Test
    void refinementAddsLambdasInsideTheBracketAndRepeatsOnAnyThreadCount() throws IOException {
        Path insurance = Path.of("..", "core", "src", "test", "resources", "real", "insurance.csv");
        List<String> json = new ArrayList<>();
        for (String threads : List.of("1", "2")) {
            Path frontier = dir.resolve("refined-" + threads + ".json");
            Fairreg.Run run = Fairreg.run("sweep", "--data", insurance.toString(), "--target", "charges", "--group",
                    "smoker", "--hidden", "8", "--epochs", "20", "--no-audit", "--min-group-rows", "0", "--threads",
                    threads, "-q", "--frontier-json", frontier.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            json.add(Files.readString(frontier));
        }
        assertThat(json.get(1)).isEqualTo(json.get(0));

        JsonNode frontier = new ObjectMapper().readTree(json.get(0));
        List<String> labels = new ArrayList<>();
        frontier.get("points").forEach(point -> labels.add(point.get("label").asText()));
        assertThat(labels).containsExactly("mse (reference)", "gap (reference)", "lambda=0.1", "lambda=0.3",
                "lambda=1.0", "lambda=3.0", "lambda=0.144", "lambda=0.208", "lambda=0.113", "lambda=0.128");
        assertThat(frontier.get("selected").asText()).isEqualTo("lambda=0.144");

        Fairreg.Run grid = Fairreg.run("sweep", "--data", insurance.toString(), "--target", "charges", "--group",
                "smoker", "--hidden", "8", "--epochs", "20", "--no-audit", "--min-group-rows", "0", "--refine",
                "0", "-q");
        assertThat(grid.out()).contains("chosen: lambda=0.3,").doesNotContain("lambda=0.144");
    }

    /** The recipe's groups are drawn at random: the mse model's gap is noise, and nothing is spent on it. */
    @Test
    void aReferenceGapWithinNoiseIsKeptRatherThanHalved() throws IOException {
        Fairreg.Run run = Fairreg.run("sweep", "--lambdas", "1", "--epochs", "2", "--hidden", "8", "--no-references",
                "--target-gap", "50%");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);

        Path json = dir.resolve("noise.json");
        run = Fairreg.run("sweep", "--lambdas", "1", "--epochs", "2", "--hidden", "8", "--resamples", "50",
                "--frontier-json", json.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("chosen: mse (reference), since its validation gap is within sampling noise");
        JsonNode frontier = new ObjectMapper().readTree(json.toFile());
        assertThat(frontier.get("selected").asText()).isEqualTo("mse (reference)");
        assertThat(frontier.get("choice").asText()).isEqualTo("reference_gap_within_noise");
    }

    @Test
    void aDefaultPercentageTargetWithoutReferencesSaysItIsTheDefault() {
        Fairreg.Run defaulted = Fairreg.run("sweep", "--lambdas", "1", "--epochs", "2", "--no-references");
        Fairreg.Run given = Fairreg.run("sweep", "--lambdas", "1", "--epochs", "2", "--no-references",
                "--target-gap", "40%");

        assertThat(defaulted.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(defaulted.errLines().get(0)).isEqualTo("fairreg sweep: Invalid value for option '--target-gap': "
                + "'50%' (the default): a percentage needs the plain-mse reference; drop --no-references or give "
                + "an amount");
        assertThat(given.errLines().get(0)).contains("'40%': a percentage needs").doesNotContain("default");
    }

    @Test
    void withMoreThanTwoGroupsTheGapReferenceIsLeftOutAndSaid() {
        Path insurance = Path.of("..", "core", "src", "test", "resources", "real", "insurance.csv");
        Fairreg.Run run = Fairreg.run("sweep", "--data", insurance.toString(), "--target", "charges", "--group",
                "region", "--lambdas", "1", "--epochs", "2", "--hidden", "8", "--no-audit", "--min-group-rows", "0");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("the recipe's gap reference is left out: it compares exactly 2 groups, "
                + "the data has 4");
        assertThat(run.out()).contains("mse (reference)", "lambda=1.0").doesNotContain("gap (reference)");
    }

    @Test
    void badSweepOptionsAreUsageErrors() {
        Path csv = dir.resolve("none.csv");
        assertThat(Fairreg.run("sweep", "--data", csv.toString(), "--target-gap", "half").exitCode()).isEqualTo(2);
        assertThat(Fairreg.run("sweep", "--threads", "0").exitCode()).isEqualTo(2);
        assertThat(Fairreg.run("sweep", "--no-references", "--target-gap", "50%").exitCode()).isEqualTo(2);
        assertThat(Fairreg.run("sweep", "--lambdas", "-1").err()).contains("--lambdas");
    }
}
