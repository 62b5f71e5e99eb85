package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Writing small CSV files and checking the place and text of data errors, for the reader tests. */
final class CsvFixtures {

    private CsvFixtures() {
    }

    /** Writes {@code content} as UTF-8 to {@code dir/name}. */
    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Checks that {@code read} fails at a cell with exactly the message {@code file:line:column: problem}. */
    static void assertCellError(Executable read, Path file, long line, int column, String problem) {
        DataException error = assertThrows(DataException.class, read);
        assertThat(error.getMessage()).isEqualTo(file + ":" + line + ":" + column + ": " + problem);
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).hasValue(line);
        assertThat(error.column()).hasValue(column);
    }

    /** Checks that {@code read} fails at a line with exactly the message {@code file:line: problem}. */
    static void assertLineError(Executable read, Path file, long line, String problem) {
        DataException error = assertThrows(DataException.class, read);
        assertThat(error.getMessage()).isEqualTo(file + ":" + line + ": " + problem);
        assertThat(error.column()).isEmpty();
    }

    /** Checks that {@code read} fails for the whole file with exactly the message {@code file: problem}. */
    static void assertFileError(Executable read, Path file, String problem) {
        DataException error = assertThrows(DataException.class, read);
        assertThat(error.getMessage()).isEqualTo(file + ": " + problem);
        assertThat(error.line()).isEmpty();
    }
}
