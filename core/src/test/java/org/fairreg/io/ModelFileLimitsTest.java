package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fairreg.io.ModelFixtures.assertRejected;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.fairreg.data.DataException;
import org.fairreg.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits a model file must keep before anything large is built from it: file size, nesting,
 * array length, token count and declared network size; and the rules that keep a file
 * unambiguous: no repeated field names, settings that describe the network held.
 */
class ModelFileLimitsTest {

    @TempDir
    Path dir;

    @Test
    void fileLargerThanTheLimitIsRefusedBeforeReadingIt() throws IOException {
        Path file = dir.resolve("huge.json");
        // A sparse file: its length is set without writing its bytes.
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(ModelFile.MAX_FILE_BYTES + 1);
        }

        assertThatThrownBy(() -> ModelFile.read(file))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": is " + (ModelFile.MAX_FILE_BYTES + 1) + " bytes; model files are at most "
                        + ModelFile.MAX_FILE_BYTES);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWithLineAndColumn() throws IOException {
        int depth = Json.MAX_NESTING_DEPTH + 1;
        Path file = Files.writeString(dir.resolve("deep.json"),
                "{\"format\": " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");

        DataException error = catchThrowableOfType(DataException.class, () -> ModelFile.read(file));

        assertLocated(error, file);
        assertThat(error).hasMessageContaining("nesting depth (" + depth + ") exceeds the maximum allowed ("
                + Json.MAX_NESTING_DEPTH + ")");
    }

    @Test
    void arrayLongerThanTheLimitIsRefusedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("long-array.json");
        Files.writeString(file, "{\"groups\": [" + "0,".repeat(ModelFile.MAX_ARRAY_LENGTH) + "0]}");

        DataException error = catchThrowableOfType(DataException.class, () -> ModelFile.read(file));

        assertLocated(error, file);
        assertThat(error).hasMessageContaining("array longer than " + ModelFile.MAX_ARRAY_LENGTH + " values");
    }

    @Test
    void moreTokensThanTheLimitAreRefusedWithLineAndColumn() throws IOException {
        // Two arrays, each within the array limit, together beyond the token limit.
        int half = (int) (ModelFile.MAX_TOKENS / 2) + 1;
        String array = "[" + "0,".repeat(half - 1) + "0]";
        Path file = Files.writeString(dir.resolve("many-tokens.json"), "{\"a\": " + array + ", \"b\": " + array + "}");

        DataException error = catchThrowableOfType(DataException.class, () -> ModelFile.read(file));

        assertLocated(error, file);
        assertThat(error).hasMessageContaining("exceeds the maximum allowed (" + ModelFile.MAX_TOKENS + ")");
    }

    @Test
    void repeatedFieldNameIsRefusedWithLineAndColumn() throws IOException {
        Path valid = write(root -> { });
        String text = Files.readString(valid).replaceFirst("\"format_version\" : 1,",
                "\"format_version\" : 1,\n  \"format_version\" : 2,");
        Path file = Files.writeString(dir.resolve("repeated.json"), text);

        DataException error = catchThrowableOfType(DataException.class, () -> ModelFile.read(file));

        assertLocated(error, file);
        assertThat(error.line()).hasValue(4);
        assertThat(error).hasMessageContaining("field 'format_version' repeats");
    }

    @Test
    void networkLargerThanTheParameterLimitIsRefusedBeforeItsArraysAreRead() throws IOException {
        int widest = Architecture.MAX_LAYER_SIZE;
        Path file = write(root -> {
            ((ObjectNode) root.get("network")).putArray("hidden_sizes").add(widest).add(widest);
            ((ObjectNode) root.get("training")).putArray("hidden_sizes").add(widest).add(widest);
        });
        long declared = (3L + 1) * widest + ((long) widest + 1) * widest + widest + 1;

        assertRejected(file, "network.hidden_sizes", "make a network of " + declared
                + " parameters; model files hold at most " + ModelFile.MAX_PARAMETERS);
    }

    @Test
    void trainingHiddenSizesOtherThanTheNetworksAreRefused() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("training")).putArray("hidden_sizes").add(4).add(3));

        assertRejected(file, "training.hidden_sizes", "must equal network.hidden_sizes [4, 2], found [4, 3]");
    }

    @Test
    void trainingActivationOtherThanTheNetworksIsRefused() throws IOException {
        Path file = write(root -> ((ObjectNode) root.get("training")).put("activation", "relu"));

        assertRejected(file, "training.activation", "must equal network.hidden_activation 'tanh', found 'relu'");
    }

    @Test
    void layerCountOtherThanTheHiddenSizesGiveIsRefused() throws IOException {
        Path file = write(root -> ((ArrayNode) root.get("network").get("layers")).remove(2));

        assertRejected(file, "network.layers", "must hold 3 layers, found 2");
    }

    private Path write(Consumer<ObjectNode> edit) throws IOException {
        return ModelFixtures.editedModelFile(dir, ModelFixtures.smallModel(), edit);
    }

    private static void assertLocated(DataException error, Path file) {
        assertThat(error).isNotNull();
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).isPresent();
        assertThat(error.column()).isPresent();
        assertThat(error).hasMessageStartingWith(file + ":" + error.line().getAsLong() + ":"
                + error.column().getAsInt() + ": is not valid JSON: ");
    }
}
