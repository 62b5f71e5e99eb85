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

/** {@code --objective constrained} keeps an epoch that meets the constraint whenever one does, and says so. */
@ExtendWith(StrayOutputGuard.class)
class ConstrainedCommandTest {

    @Test
    void theKeptEpochMeetsTheConstraintWhenAnyEpochDoesAndTheReportSaysWhether(@TempDir Path dir)
            throws IOException {
        Path csv = dir.resolve("shift.csv");
        assertThat(Fairreg.run("generate", "--kind", "group-shift", "--samples", "3000", "--features", "4", "--out",
                csv.toString(), "--quiet").exitCode()).isZero();
        Path history = dir.resolve("h.csv");
        Path model = dir.resolve("m.json");

        Fairreg.Run run = Fairreg.run("train", "--data", csv.toString(), "--objective", "constrained", "--epsilon",
                "10%", "--hidden", "16", "--epochs", "25", "--patience", "25", "--history", history.toString(),
                "--model-out", model.toString(), "--resamples", "100", "--permutations", "100");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> rows = Files.readAllLines(history);
        int metColumn = List.of(rows.get(0).split(",")).indexOf("constraints_met");
        boolean anyMet = rows.stream().skip(1).anyMatch(row -> row.split(",")[metColumn].equals("true"));
        JsonNode result = ReportText.json(model).get("result");
        String keptRow = rows.get(result.get("kept_epoch").asInt());
        assertThat(anyMet).as("some epoch meets a 10%% constraint on this data").isTrue();
        assertThat(keptRow.split(",")[metColumn]).isEqualTo("true");
        assertThat(run.out()).containsPattern("constraint: gap at most 10.0% of the overall mse; validation gap "
                + "\\S+ <= \\S+ \\(met\\); test gap \\S+, its interval \\[\\S+, \\S+\\] (contains|does not contain) "
                + "the bound \\S+");
    }
}
