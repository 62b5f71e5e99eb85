package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static final byte[] OLD = "old content\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "new content, longer than the old\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void writesContentToNewFile() throws IOException {
        Path target = dir.resolve("out.txt");

        AtomicFiles.write(target, out -> out.write(NEW));

        assertThat(Files.readAllBytes(target)).isEqualTo(NEW);
        assertThat(namesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void contentGoesToARecognizableTemporaryFileBesideTheTarget() throws IOException {
        Path target = dir.resolve("model.json");
        List<String> namesWhileWriting = new ArrayList<>();

        AtomicFiles.write(target, out -> {
            out.write(NEW);
            namesWhileWriting.addAll(namesIn(dir));
        });

        assertThat(namesWhileWriting).hasSize(1);
        assertThat(namesWhileWriting.get(0)).startsWith(".model.json.fairreg-").endsWith(".tmp");
        assertThat(AtomicFiles.isTemporary(dir.resolve(namesWhileWriting.get(0)))).isTrue();
        assertThat(namesIn(dir)).containsExactly("model.json");
    }

    @Test
    void onlyTheTemporaryFilesShapeIsTakenForATemporaryFile() {
        String uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

        assertThat(AtomicFiles.isTemporary(dir.resolve(".model.json.fairreg-" + uuid + ".tmp"))).isTrue();
        for (String other : List.of("model.json", ".model.json.tmp", "model.json.fairreg-" + uuid + ".tmp",
                ".model.json.fairreg-" + uuid, ".model.json.fairreg-not-a-uuid.tmp", ".model.json." + uuid + ".tmp")) {
            assertThat(AtomicFiles.isTemporary(dir.resolve(other))).as(other).isFalse();
        }
    }

    @Test
    void writesEmptyContent() throws IOException {
        Path target = dir.resolve("empty.txt");

        AtomicFiles.write(target, out -> { });

        assertThat(Files.size(target)).isZero();
    }

    @Test
    void replacesExistingFile() throws IOException {
        Path target = Files.write(dir.resolve("out.txt"), OLD);

        AtomicFiles.write(target, out -> out.write(NEW));

        assertThat(Files.readAllBytes(target)).isEqualTo(NEW);
        assertThat(namesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void relativeTargetIsWrittenBesideItsFolder() throws IOException {
        Path target = Path.of("").toAbsolutePath().relativize(dir.resolve("relative.txt"));

        AtomicFiles.write(target, out -> out.write(NEW));

        assertThat(Files.readAllBytes(dir.resolve("relative.txt"))).isEqualTo(NEW);
    }

    @Test
    void failingContentLeavesOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.write(dir.resolve("out.txt"), OLD);

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(NEW, 0, 5);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(namesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void failingContentCreatesNoFileWhereNoneWas() throws IOException {
        Path target = dir.resolve("out.txt");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("writer broke");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void missingFolderIsRejectedNamingIt() {
        Path folder = dir.resolve("absent");
        Path target = folder.resolve("out.txt");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(NEW)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(folder.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void newFileIsReadableByOthersWhenUmaskAllows() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "the file system has no POSIX permissions");
        // A file created with no explicit permissions shows what the process umask allows.
        Set<PosixFilePermission> allowed = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        assumeTrue(allowed.contains(PosixFilePermission.GROUP_READ)
                || allowed.contains(PosixFilePermission.OTHERS_READ), "the umask makes new files private");
        Path target = dir.resolve("out.txt");
        Path replaced = Files.write(dir.resolve("replaced.txt"), OLD);

        AtomicFiles.write(target, out -> out.write(NEW));
        AtomicFiles.write(replaced, out -> out.write(NEW));

        for (Path file : List.of(target, replaced)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            assertThat(permissions).as("%s", file.getFileName())
                    .containsAnyOf(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                    .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
