package org.fairreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of docs/api.md, docs/examples/QuickStart.java, compiles against the library as it
 * is and runs: it prints a line per group, the audit's verdict, and saves a model that predicts
 * what the example's own model predicted.
 */
class QuickStartExampleTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "QuickStart.java");
    private static final Path INSURANCE = Path.of("src", "test", "resources", "real", "insurance.csv");

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleCompilesAndRuns() throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, "-d", dir.toString(), "-cp",
                System.getProperty("java.class.path"), EXAMPLE.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Path model = dir.resolve("model.json");
        String printed = runMain(model);

        List<String> lines = printed.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("group no ");
        assertThat(lines.get(1)).startsWith("group yes ");
        assertThat(lines.get(2)).startsWith("gap ");
        assertThat(lines.get(3)).startsWith("the gap is");
        Dataset data = CsvDataReader.read(INSURANCE, ColumnSelection.of("charges", "smoker"));
        assertThat(lines.get(4)).isEqualTo(String.format("first prediction %.2f", FairModel.load(model)
                .predict(data)[0]));
    }

    private String runMain(Path model) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {INSURANCE.toString(), model.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(Files.exists(model)).isTrue();
        return captured.toString(StandardCharsets.UTF_8);
    }
}
