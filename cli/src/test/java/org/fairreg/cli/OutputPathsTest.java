package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command refuses an output that is one of its inputs or another of its outputs, however
 * the path is spelled, before it reads or writes anything. The files given as model and data
 * need not be valid: the check comes first, and the tests show that it leaves them untouched.
 */
@ExtendWith(StrayOutputGuard.class)
class OutputPathsTest {

    private static final String CONTENT = "x0,y,g\n1.0,2.0,0\n";

    @TempDir
    Path folder;

    @Test
    void predictOutSpellingTheDataRelativelyWithDotIsRefused() throws IOException {
        Path data = input("data.csv");
        String spelled = "./" + Path.of("").toAbsolutePath().relativize(data);

        Fairreg.Run run = Fairreg.run("predict", "--model", input("m.json").toString(), "--data", data.toString(),
                "--out", spelled);

        assertRefused(run, "predict", "--out", "the input '" + data + "'");
        assertThat(data).hasContent(CONTENT);
    }

    @Test
    void evaluateReportThroughASymbolicLinkToTheModelIsRefused() throws IOException {
        Path model = input("m.json");
        Path link = symbolicLink(folder.resolve("report.json"), model);

        Fairreg.Run run = Fairreg.run("evaluate", "--model", model.toString(), "--data", input("d.csv").toString(),
                "--report-json", link.toString());

        assertRefused(run, "evaluate", "--report-json", "the input '" + model + "'");
        assertThat(model).hasContent(CONTENT);
    }

    @Test
    void predictOutThroughALinkedFolderToTheDataIsRefused() throws IOException {
        Path data = input("data.csv");
        Path linkedFolder = symbolicLink(folder.resolve("linked"), folder);

        Fairreg.Run run = Fairreg.run("predict", "--model", input("m.json").toString(), "--data", data.toString(),
                "--out", linkedFolder.resolve("data.csv").toString());

        assertRefused(run, "predict", "--out", "the input '" + data + "'");
        assertThat(data).hasContent(CONTENT);
    }

    @Test
    void predictOutHardLinkedToTheDataIsRefused() throws IOException {
        Path data = input("data.csv");
        Path hardLink;
        try {
            hardLink = Files.createLink(folder.resolve("p.csv"), data);
        } catch (UnsupportedOperationException | IOException unsupported) {
            assumeTrue(false, "the file system has no hard links");
            return;
        }

        Fairreg.Run run = Fairreg.run("predict", "--model", input("m.json").toString(), "--data", data.toString(),
                "--out", hardLink.toString());

        assertRefused(run, "predict", "--out", "the input '" + data + "'");
        assertThat(data).hasContent(CONTENT);
    }

    @Test
    void sweepFrontierFilesNotYetWrittenNamingOneFileThroughALinkedFolderAreRefused() throws IOException {
        Path real = Files.createDirectory(folder.resolve("real"));
        Path linked = symbolicLink(folder.resolve("linked"), real);

        Fairreg.Run run = Fairreg.run("sweep", "--data", input("d.csv").toString(),
                "--frontier-csv", real.resolve("frontier").toString(),
                "--frontier-json", linked.resolve("frontier").toString());

        assertRefused(run, "sweep", "--frontier-json", "the output of --frontier-csv '" + real.resolve("frontier"));
        assertThat(real.resolve("frontier")).doesNotExist();
    }

    @Test
    void generateOutOnASplitFileIsRefusedAndWritesNothing() throws IOException {
        Path splits = Files.createDirectory(folder.resolve("splits"));

        Fairreg.Run run = Fairreg.run("generate", "--samples", "50", "--out", splits.resolve("val.csv").toString(),
                "--splits-dir", splits.toString());

        assertRefused(run, "generate", "--splits-dir", "the output of --out '" + splits.resolve("val.csv") + "'");
        assertThat(splits).isEmptyDirectory();
    }

    @Test
    void generateOutBesideTheSplitFilesIsWritten() throws IOException {
        Path splits = Files.createDirectory(folder.resolve("splits"));

        Fairreg.Run run = Fairreg.run("generate", "--samples", "50", "--out", splits.resolve("all.csv").toString(),
                "--splits-dir", splits.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        try (var files = Files.list(splits)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .containsExactly("all.csv", "test.csv", "train.csv", "val.csv");
        }
    }

    private Path input(String name) throws IOException {
        return Files.writeString(folder.resolve(name), CONTENT, StandardCharsets.UTF_8);
    }

    private static Path symbolicLink(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException unsupported) {
            assumeTrue(false, "the file system has no symbolic links: " + unsupported);
            return link;
        }
    }

    private static void assertRefused(Fairreg.Run run, String subcommand, String option, String other) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = run.errLines();
        assertThat(lines).as(run.toString()).hasSize(2);
        assertThat(lines.get(0)).startsWith("fairreg " + subcommand + ": Invalid value for option '" + option + "': ")
                .contains("is the same file as " + other)
                .endsWith("; choose another file");
    }
}
