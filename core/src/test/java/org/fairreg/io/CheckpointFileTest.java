package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fairreg.data.DataException;
import org.fairreg.data.RecipeData;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.train.Batching;
import org.fairreg.train.Checkpointing;
import org.fairreg.train.Trainer;
import org.fairreg.train.TrainingCheckpoint;
import org.fairreg.train.TrainingInterruptedException;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint files: a checkpoint read back resumes to the model of a run never stopped, and a
 * damaged file of any kind is refused with a {@link DataException} that names the file.
 */
class CheckpointFileTest {

    private static final List<String> ARGUMENTS = List.of("--data", "prices.csv", "--checkpoint", "run.ckpt");

    private static RecipeData recipe;
    private static TrainingSettings settings;

    @TempDir
    Path folder;

    @BeforeAll
    static void generateData() {
        recipe = RecipeData.generate();
        TrainingSettings base = TrainingSettings.defaults().withMaxEpochs(3).withBatching(Batching.STRATIFIED);
        settings = base.withObjectiveSettings(base.objectiveSettings().withKind(ObjectiveKind.CONSTRAINED)
                .withEpsilon(Epsilon.parse("10%")));
    }

    @Test
    void aCheckpointReadBackResumesToTheModelOfAnUnstoppedRun() throws IOException {
        TrainingResult whole = new Trainer(settings).fit(recipe.train(), recipe.validation(), TrainingListener.NONE);
        TrainingCheckpoint checkpoint = stoppedCheckpoint();
        Path file = folder.resolve("run.ckpt");

        CheckpointFile.write(new CheckpointFile.Contents("0.1.0", "vector", ARGUMENTS, checkpoint), file);
        CheckpointFile.Contents read = CheckpointFile.read(file);

        assertThat(read.toolVersion()).isEqualTo("0.1.0");
        assertThat(read.kernels()).isEqualTo("vector");
        assertThat(read.arguments()).isEqualTo(ARGUMENTS);
        assertThat(read.checkpoint().progress().nextBatch()).isEqualTo(checkpoint.progress().nextBatch());
        assertThat(read.checkpoint().history()).isNotEmpty().isEqualTo(checkpoint.history());
        assertThat(read.checkpoint().history().get(0).groupValidationMse()).hasSize(2);
        TrainingResult resumed = new Trainer(settings).fit(recipe.train(), recipe.validation(),
                TrainingListener.NONE, new Checkpointing(0, c -> { }, () -> false, read.checkpoint()));
        assertThat(resumed.model().network().parameters()).containsExactly(whole.model().network().parameters());
        assertThat(resumed.summary()).isEqualTo(whole.summary());
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    /** Every cut of the file, and every byte changed in a sample of positions, is refused. */
    @Test
    void truncatedOrAlteredFilesAreRefusedNamingTheFile() throws IOException {
        Path good = folder.resolve("good.ckpt");
        CheckpointFile.write(new CheckpointFile.Contents("0.1.0", "portable", ARGUMENTS, stoppedCheckpoint()), good);
        byte[] bytes = Files.readAllBytes(good);
        Path bad = folder.resolve("bad.ckpt");
        List<Integer> positions = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += Math.max(1, bytes.length / 400)) {
            positions.add(at);
        }
        positions.add(bytes.length - 1);

        for (int at : positions) {
            Files.write(bad, Arrays.copyOf(bytes, at));
            assertRefused(bad, "cut at " + at);
            byte[] altered = bytes.clone();
            altered[at] ^= 0x5A;
            Files.write(bad, altered);
            assertRefused(bad, "byte " + at + " altered");
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        Files.write(bad, longer);
        assertThat(catchThrowableOfType(() -> CheckpointFile.read(bad), DataException.class))
                .hasMessageContaining("3 bytes follow the checksum");
    }

    @Test
    void otherFilesAndOtherVersionsAreRefusedPlainly() throws IOException {
        Path model = folder.resolve("model.json");
        Files.writeString(model, "{\"format\": \"fairreg-model\"}");
        assertThatThrownBy(() -> CheckpointFile.read(model)).isInstanceOf(DataException.class)
                .hasMessageContaining("does not start with 'fairreg checkpoint'");
        assertThatThrownBy(() -> CheckpointFile.read(folder.resolve("missing.ckpt")))
                .isInstanceOf(DataException.class).hasMessageContaining("does not exist");

        Path good = folder.resolve("good.ckpt");
        CheckpointFile.write(new CheckpointFile.Contents("0.1.0", "portable", ARGUMENTS, stoppedCheckpoint()), good);
        byte[] bytes = Files.readAllBytes(good);
        bytes["fairreg checkpoint".length() + 3] = 2;
        Files.write(good, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(good)).isInstanceOf(DataException.class)
                .hasMessageContaining("format version 2; this fairreg reads version 1");
    }

    private static void assertRefused(Path file, String what) {
        DataException refused = catchThrowableOfType(() -> CheckpointFile.read(file), DataException.class);
        assertThat(refused).as(what).isNotNull();
        assertThat(refused.file()).as(what).isEqualTo(file);
    }

    private static TrainingCheckpoint stoppedCheckpoint() {
        int[] asked = {0};
        return catchThrowableOfType(() -> new Trainer(settings).fit(recipe.train(), recipe.validation(),
                TrainingListener.NONE, new Checkpointing(0, c -> { }, () -> ++asked[0] > 170, null)),
                TrainingInterruptedException.class).checkpoint();
    }
}
