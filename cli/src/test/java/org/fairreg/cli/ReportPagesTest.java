package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages of {@code --report-html} end to end: {@code train}, {@code evaluate} and {@code sweep}
 * on group-shift data with three groups each write a page that parses as XML, loads nothing from
 * outside, has its sections, shows the figures of the JSON files the same run wrote, and comes out
 * byte for byte the same when the run is repeated.
 *
 * <p>The pages are kept in {@code target/report-pages/} (train.html, evaluate.html, sweep.html, with
 * their data shift.csv, so that the pages name a stable file), where
 * {@code tools/figures/report_screenshots.sh} takes their screenshots for docs/.
 */
@ExtendWith(StrayOutputGuard.class)
class ReportPagesTest {

    /** Where the pages are kept for the screenshot script, relative to the module. */
    static final Path PAGES = Path.of("target", "report-pages");

    /** The pages print six significant digits: a figure read back is within this share of the exact one. */
    private static final double SIX_DIGITS = 5e-6;

    private static final String[] TRAINING = {"--epochs", "12", "--patience", "20", "--hidden", "16",
        "--resamples", "200", "--permutations", "200", "--quiet"};

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void generateData() throws IOException {
        Files.createDirectories(PAGES);
        data = PAGES.resolve("shift.csv");
        Fairreg.Run generated = Fairreg.run("generate", "--kind", "group-shift", "--samples", "3000", "--features",
                "5", "--shares", "0.6,0.3,0.1", "--out", data.toString(), "--quiet");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
    }

    private static Fairreg.Run train(Path page, String... more) {
        Fairreg.Run run = Fairreg.run(Fairreg.concat(Fairreg.concat(Fairreg.trainOn(data, "--report-html",
                page.toString()), TRAINING), more));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void trainPageShowsTheSettingsTheTestReportAndTheLearningCurves() throws IOException {
        Path page = PAGES.resolve("train.html");
        Path json = dir.resolve("train-report.json");
        Fairreg.Run run = train(page, "--report-json", json.toString());

        HtmlPage html = HtmlPage.read(page);
        for (String id : List.of("run", "provenance", "summary", "settings", "report", "test-report", "gap",
                "verdict", "group-chart", "learning-curves", "objective-chart", "group-mse-chart")) {
            html.byId(id);
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertSameFigures(html, report);
        assertThat(html.byId("verdict").getTextContent()).isEqualTo(run.outLines().stream()
                .filter(line -> line.startsWith("the gap is ")).findFirst().orElseThrow());
        assertThat(html.rows("settings")).contains(List.of("seed", "42"), List.of("hidden layers", "16"),
                List.of("max epochs", "12"));
        assertThat(html.rows("summary")).contains(List.of("kept epoch", report.get("kept_epoch").asText()));
        int epochs = report.get("epochs_run").asInt();
        // One point per epoch for each of the three groups and the overall MSE; two curves of objectives.
        assertThat(html.count("group-mse-chart", "circle", "point")).isEqualTo(4 * epochs);
        assertThat(html.count("objective-chart", "circle", "point")).isEqualTo(2 * epochs);
        assertThat(html.count("group-chart", "rect", "bar")).isEqualTo(3 + 1);
        assertThat(html.text()).contains("kept: epoch " + report.get("kept_epoch").asInt());
    }

    @Test
    void trainPageIsTheSameBytesWhenTheRunIsRepeated() throws IOException {
        Path first = dir.resolve("first.html");
        Path second = dir.resolve("second.html");
        train(first);
        train(second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void evaluatePageShowsTheReportOfTheSavedModel() throws IOException {
        Path model = PAGES.resolve("model.json");
        train(dir.resolve("for-evaluate.html"), "--model-out", model.toString());
        Path page = PAGES.resolve("evaluate.html");
        Path json = dir.resolve("evaluate-report.json");

        Fairreg.Run run = Fairreg.run("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--resamples", "200", "--permutations", "200", "--report-json", json.toString(), "--report-html",
                page.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        HtmlPage html = HtmlPage.read(page);
        for (String id : List.of("run", "provenance", "settings", "report", "test-report", "gap", "verdict",
                "group-chart", "learning-curves")) {
            html.byId(id);
        }
        assertSameFigures(html, new ObjectMapper().readTree(json.toFile()));
        assertThat(html.rows("test-report")).hasSize(3 + 1);
        assertThat(html.count("group-chart", "line", "whisker")).isEqualTo(3 * (3 + 1));
    }

    @Test
    void sweepPageShowsTheFrontierWithTheChosenModelMarked() throws IOException {
        Path page = PAGES.resolve("sweep.html");
        Path json = dir.resolve("frontier.json");

        Fairreg.Run run = Fairreg.run("sweep", "--data", data.toString(), "--lambdas", "0.3,1,3", "--epsilons",
                "10%", "--epochs", "12", "--patience", "20", "--hidden", "16", "--resamples", "200",
                "--permutations", "200", "--threads", "2", "--frontier-json", json.toString(), "--report-html",
                page.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        HtmlPage html = HtmlPage.read(page);
        for (String id : List.of("frontier", "choice", "frontier-validation-chart", "frontier-test-chart",
                "frontier-table", "frontier-groups", "report", "test-report", "learning-curves", "run")) {
            html.byId(id);
        }
        JsonNode frontier = new ObjectMapper().readTree(json.toFile());
        JsonNode points = frontier.get("points");
        List<List<String>> rows = html.rows("frontier-table");
        assertThat(rows).hasSize(points.size());
        List<String> heads = html.heads("frontier-table");
        for (int i = 0; i < points.size(); i++) {
            JsonNode point = points.get(i);
            List<String> row = rows.get(i);
            assertThat(row.get(heads.indexOf("model"))).isEqualTo(point.get("label").asText());
            assertClose(row.get(heads.indexOf("validation mse")), point.get("validation_mse").asDouble());
            assertClose(row.get(heads.indexOf("validation gap")), point.get("validation_gap").asDouble());
            assertClose(row.get(heads.indexOf("test mse")), point.get("test_mse").asDouble());
            assertClose(row.get(heads.indexOf("test gap")), point.get("test_gap").asDouble());
            assertThat(row.get(heads.indexOf("Pareto"))).isEqualTo(point.get("pareto").asBoolean() ? "yes" : "no");
            assertThat(row.get(heads.indexOf("chosen"))).isEqualTo(point.get("selected").asBoolean() ? "yes" : "");
        }
        String chosen = frontier.get("selected").asText();
        assertThat(html.byId("choice").getTextContent()).startsWith("Chosen: " + chosen + ",");
        assertThat(html.count("frontier-validation-chart", "circle", "chosen-ring")).isEqualTo(1);
        assertThat(html.count("frontier-validation-chart", "circle", "point")).isEqualTo(points.size());
        // Three groups: the recipe's gap reference, which compares two, is left out.
        assertThat(html.count("frontier-validation-chart", "text", "reference-label")).isEqualTo(1);
        assertThat(html.byId("report").getElementsByTagName("h2").item(0).getTextContent())
                .isEqualTo("Chosen model: " + chosen + ", test report");
    }

    @Test
    void aPageOnAnotherOutputIsRefusedBeforeTraining() throws IOException {
        Path report = dir.resolve("same.html");

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, "--report-json", report.toString(), "--report-html",
                report.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--report-html': '" + report
                + "' is the same file as the output of --report-json");
        assertThat(report).doesNotExist();
    }

    /** The report table and the gap table hold the JSON report's figures, group by group. */
    private static void assertSameFigures(HtmlPage html, JsonNode report) {
        List<List<String>> rows = html.rows("test-report");
        JsonNode groups = report.get("groups");
        assertThat(rows).hasSize(groups.size() + 1);
        for (int k = 0; k <= groups.size(); k++) {
            JsonNode expected = k < groups.size() ? groups.get(k) : report.get("overall");
            List<String> row = rows.get(k);
            assertThat(row.get(0)).isEqualTo(k < groups.size() ? expected.get("group").asText() : "overall");
            assertThat(row.get(1)).isEqualTo(expected.get("n").asText());
            assertClose(row.get(2), expected.get("mse").asDouble());
            double[] interval = HtmlPage.bounds(row.get(3));
            assertClose(interval[0], expected.get("mse_interval").get(0).asDouble());
            assertClose(interval[1], expected.get("mse_interval").get(1).asDouble());
            assertClose(row.get(4), expected.get("rmse").asDouble());
            assertClose(row.get(5), expected.get("mae").asDouble());
            assertClose(row.get(6), expected.get("bias").asDouble());
            assertClose(row.get(7), expected.get("r2").asDouble());
        }
        List<List<String>> gap = html.rows("gap");
        assertThat(gap.get(0).get(0)).isEqualTo("gap");
        assertClose(gap.get(0).get(1), report.get("gap").asDouble());
        double[] gapInterval = HtmlPage.bounds(gap.get(1).get(1));
        assertClose(gapInterval[0], report.get("gap_interval").get(0).asDouble());
        assertClose(gapInterval[1], report.get("gap_interval").get(1).asDouble());
        assertClose(gap.get(2).get(1), report.get("ratio_max_min").asDouble());
        assertClose(gap.get(3).get(1), report.get("gap_noise_floor").asDouble());
        assertThat(Double.parseDouble(gap.get(4).get(1))).isCloseTo(report.get("gap_p_value").asDouble(),
                within(5e-3 * report.get("gap_p_value").asDouble()));
    }

    private static void assertClose(String cell, double expected) {
        assertClose(Double.parseDouble(cell), expected);
    }

    private static void assertClose(double shown, double expected) {
        assertThat(shown).isCloseTo(expected, within(SIX_DIGITS * Math.abs(expected) + Double.MIN_NORMAL));
    }
}
