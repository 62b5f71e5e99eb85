package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A training run that diverges: a failing exit, a message saying where, and the model still saved. */
@ExtendWith(StrayOutputGuard.class)
class DivergenceTest {

    /**
     * On the built-in data with the default network and Adam, this step size makes the batch loss
     * NaN within the first few steps of epoch 1.
     */
    private static final String DIVERGING_LEARNING_RATE = "1e6";

    @Test
    void trainWithHugeLearningRateExitsOneSayingWhereItDivergedAndSavesTheModel(@TempDir Path folder)
            throws IOException {
        Path model = folder.resolve("m.json");

        Fairreg.Run run = Fairreg.run("train", "--learning-rate", DIVERGING_LEARNING_RATE, "--epochs", "5",
                "--model-out", model.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).as(run.toString()).anyMatch(line -> line.startsWith("fairreg train: ")
                && line.matches(".*diverged.*epoch \\d+.*step \\d+.*"));
        assertThat(model).exists();
        JsonNode result = ReportText.json(model).get("result");
        assertThat(result.get("stop_reason").asText()).isEqualTo("diverged");
    }

    /** The case: a learning rate of 10 ends with exit 1, the message, and the kept weights written. */
    @Test
    void learningRateTenStopsAtOnceAndWritesTheInitialWeightsMarkedDiverged(@TempDir Path folder)
            throws IOException {
        Path model = folder.resolve("m.json");

        Fairreg.Run run = Fairreg.run("train", "--learning-rate", "10", "--model-out", model.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).as(run.toString()).anyMatch(line -> line.startsWith("fairreg train: training "
                + "diverged at epoch 1, step ") && line.contains("the loss (batch mean squared error) is")
                && line.endsWith("kept the weights of epoch 0"));
        assertThat(run.errLines()).anyMatch(line -> line.contains("weights of epoch 0, stop reason diverged"));
        JsonNode result = ReportText.json(model).get("result");
        assertThat(result.get("stop_reason").asText()).isEqualTo("diverged");
        assertThat(result.get("kept_epoch").asInt()).isZero();
    }
}
