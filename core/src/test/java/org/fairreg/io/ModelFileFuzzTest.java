package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fairreg.data.DataException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds {@link ModelFile#read} thousands of broken model files, made from a valid one by seeded
 * mutations ({@link ModelFileMutations}) and from random text, and checks that each is either a
 * model or a {@link DataException} that says where the problem is: the file and a line and column,
 * or the file and a field path. Any other exception, an {@link OutOfMemoryError} or a read that
 * does not end fails the case, whose name says how its file was made.
 *
 * <p>The seed is fixed, so every run checks the same files; a failing case can be rebuilt from
 * its name alone.
 */
class ModelFileFuzzTest {

    private static final long SEED = 20_240_611L;
    private static final int CASES_PER_KIND = 300;
    private static final int RANDOM_TEXT_CASES = 300;
    /** Far longer than any read of these kilobyte files takes, even on a loaded machine. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(20);

    /** A field path such as {@code network.layers[1].bias} or {@code format}, then a space. */
    private static final Pattern FIELD_PATH = Pattern.compile("(format|format_version|provenance|columns|encoding"
            + "|groups|standardization|network|training|result)(\\[\\d+])*(\\.[a-z_]+(\\[\\d+])*)* ");
    /** The problems that concern the whole document, which has no narrower place. */
    private static final List<String> WHOLE_FILE_PROBLEMS = List.of(
            "is not a fairreg model: expected a JSON object");

    @TempDir
    static Path dir;

    private static byte[] valid;

    @BeforeAll
    static void writeTheValidFile() throws IOException {
        valid = ModelFile.toJson(ModelFixtures.smallModel());
        Path file = Files.write(dir.resolve("valid.json"), valid);
        assertThat(ModelFile.read(file).network().parameters())
                .isEqualTo(ModelFixtures.smallModel().network().parameters());
    }

    @TestFactory
    Stream<DynamicTest> mutatedModelFilesAreReadOrRefusedWithALocation() throws IOException {
        ModelFileMutations mutations = new ModelFileMutations(valid, new Random(SEED));
        List<ModelFileMutations.Case> cases = new ArrayList<>(mutations.truncations());
        for (int c = 0; c < CASES_PER_KIND; c++) {
            cases.add(mutations.byteFlip());
            cases.add(mutations.deletion());
            cases.add(mutations.insertion());
            cases.add(mutations.numberReplaced());
            cases.add(mutations.lineDuplicated());
            cases.add(mutations.arrayResized());
            cases.add(mutations.valueRetyped());
            cases.add(mutations.deepNesting());
            cases.add(mutations.sizeChanged());
        }
        return cases.stream().map(each -> DynamicTest.dynamicTest(each.name(), () -> check(each)));
    }

    @TestFactory
    Stream<DynamicTest> randomTextIsRefusedWithALocation() {
        Random random = new Random(SEED + 1);
        List<ModelFileMutations.Case> cases = new ArrayList<>();
        for (int c = 0; c < RANDOM_TEXT_CASES; c++) {
            cases.add(c % 2 == 0
                    ? ModelFileMutations.randomBytes(random, c)
                    : ModelFileMutations.randomJsonish(random, c));
        }
        return cases.stream().map(each -> DynamicTest.dynamicTest(each.name(), () -> check(each)));
    }

    private static void check(ModelFileMutations.Case each) throws IOException {
        Path file = Files.write(dir.resolve("case.json"), each.content());

        assertTimeoutPreemptively(READ_LIMIT, () -> {
            try {
                ModelFile.read(file);
            } catch (DataException refused) {
                assertLocated(refused, file);
            }
        }, () -> "case " + each.name() + ":\n" + excerpt(each.content()));
    }

    private static void assertLocated(DataException refused, Path file) {
        assertThat(refused.file()).isEqualTo(file);
        String message = refused.getMessage();
        if (refused.line().isPresent()) {
            String prefix = file + ":" + refused.line().getAsLong()
                    + (refused.column().isPresent() ? ":" + refused.column().getAsInt() : "") + ": ";
            assertThat(message).startsWith(prefix);
            return;
        }
        assertThat(message).startsWith(file + ": ");
        String problem = message.substring((file + ": ").length());
        assertThat(FIELD_PATH.matcher(problem).lookingAt() || WHOLE_FILE_PROBLEMS.contains(problem))
                .as("a field path or a whole-file problem starts '%s'", problem)
                .isTrue();
    }

    /** The start of a case's content, for the failure message; the name rebuilds the rest. */
    private static String excerpt(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
