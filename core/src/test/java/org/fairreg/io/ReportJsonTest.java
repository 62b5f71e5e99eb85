package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairreg.data.GroupLabels;
import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.AuditedGroup;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;
import org.fairreg.train.FittedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

    private static final ObjectMapper READER = new ObjectMapper();

    private static final List<String> METRIC_KEYS = List.of("n", "mse", "rmse", "mae", "bias", "r2");

    /** Group "a" has three examples; group "b" one, so its R^2 is undefined. */
    private static final GroupReport REPORT = GroupReport.of(
            new double[] {1, 2, 3, 10},
            new double[] {1.5, 2, 2, 12},
            new int[] {0, 0, 0, 1},
            GroupLabels.inOrder(List.of("a", "b")));

    @TempDir
    Path dir;

    @Test
    void topLevelKeysComeInDocumentedOrder() throws IOException {
        JsonNode root = writeAndRead(REPORT);

        assertThat(keys(root)).containsExactly("data", "group_is_feature", "overall", "groups", "gap", "epochs_run",
                "best_epoch",
                "kept_epoch", "stop_reason", "training", "provenance");
    }

    @Test
    void overallAndEachGroupHoldTheFiguresInOrder() throws IOException {
        JsonNode root = writeAndRead(REPORT);

        assertThat(keys(root.get("overall"))).isEqualTo(METRIC_KEYS);
        assertFigures(root.get("overall"), REPORT.overall());
        JsonNode groups = root.get("groups");
        assertThat(groups.isArray()).isTrue();
        assertThat(groups).hasSize(2);
        for (int k = 0; k < groups.size(); k++) {
            List<String> expectedKeys = new ArrayList<>(METRIC_KEYS);
            expectedKeys.add(0, "group");
            assertThat(keys(groups.get(k))).as("groups[%d]", k).isEqualTo(expectedKeys);
            assertThat(groups.get(k).get("group").asText()).isEqualTo(REPORT.groups().get(k).group());
            assertFigures(groups.get(k), REPORT.groups().get(k));
        }
        assertThat(root.get("gap").doubleValue()).isEqualTo(REPORT.gap());
    }

    @Test
    void undefinedR2IsWrittenAsNull() throws IOException {
        JsonNode root = writeAndRead(REPORT);

        assertThat(REPORT.groups().get(1).r2()).isNaN();
        assertThat(root.get("groups").get(1).get("r2").isNull()).isTrue();
        assertThat(root.get("groups").get(0).get("r2").isNumber()).isTrue();
    }

    @Test
    void nonFiniteGapIsWrittenAsNull() throws IOException {
        // A network can overflow to an infinite prediction; every figure that is not finite must
        // then be null, as JSON has no infinity, rather than a string such as "Infinity".
        GroupReport report = GroupReport.of(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY},
                new int[] {0, 1}, GroupLabels.inOrder(List.of("a", "b")));

        JsonNode root = writeAndRead(report);

        assertThat(root.get("groups").get(1).get("mse").isNull()).isTrue();
        assertThat(root.get("gap").isNull()).as("gap written as %s", root.get("gap")).isTrue();
    }

    @Test
    void runAndModelFieldsComeFromTheModel() throws IOException {
        FittedModel model = ModelFixtures.smallModel();

        JsonNode root = writeAndRead(REPORT);

        assertThat(root.get("data").asText()).isEqualTo("test.csv");
        assertThat(root.get("epochs_run").intValue()).isEqualTo(model.summary().epochsRun());
        assertThat(root.get("best_epoch").intValue()).isEqualTo(model.summary().bestEpoch());
        assertThat(root.get("kept_epoch").intValue()).isEqualTo(model.summary().keptEpoch());
        assertThat(root.get("stop_reason").asText()).isEqualTo("early-stopping");
        assertThat(root.get("training").get("seed").longValue()).isEqualTo(model.settings().seed());
        assertThat(root.get("training").get("activation").asText()).isEqualTo("tanh");
        assertThat(root.get("provenance").get("java_version").asText())
                .isEqualTo(model.provenance().javaVersion());
    }

    // ---- with an audit

    private static final double[] TARGETS = {1, 2, 3, 10};
    private static final double[] PREDICTIONS = {1.5, 2, 2, 12};
    private static final int[] CODES = {0, 0, 0, 1};
    private static final GroupLabels LABELS = GroupLabels.inOrder(List.of("a", "b"));

    /** Few draws: these tests are about the file, not the statistics. */
    private static final AuditSettings SETTINGS = AuditSettings.defaults().withResamples(50).withPermutations(60)
            .withSeed(9).withMinGroupRows(2);

    private static final GroupAudit AUDIT = GroupAudit.of(TARGETS, PREDICTIONS, CODES, LABELS, SETTINGS);

    @Test
    void auditAddsGapFiguresAfterGapAndKeepsTheOtherKeysInOrder() throws IOException {
        JsonNode root = writeAndRead(REPORT, AUDIT);

        assertThat(keys(root)).containsExactly("data", "group_is_feature", "overall", "groups", "gap", "gap_interval",
                "ratio_max_min",
                "gap_noise_floor", "gap_p_value", "gap_within_noise", "audit_settings", "epochs_run", "best_epoch",
                "kept_epoch", "stop_reason", "training", "provenance");
        List<String> overallKeys = new ArrayList<>(METRIC_KEYS);
        overallKeys.add("mse_interval");
        assertThat(keys(root.get("overall"))).isEqualTo(overallKeys);
    }

    @Test
    void auditAddsIntervalAndFlagToEachGroupAfterItsFigures() throws IOException {
        JsonNode groups = writeAndRead(REPORT, AUDIT).get("groups");

        for (int k = 0; k < groups.size(); k++) {
            List<String> expectedKeys = new ArrayList<>(METRIC_KEYS);
            expectedKeys.add(0, "group");
            expectedKeys.add("mse_interval");
            expectedKeys.add("small_group");
            assertThat(keys(groups.get(k))).as("groups[%d]", k).isEqualTo(expectedKeys);
            assertFigures(groups.get(k), REPORT.groups().get(k));
            AuditedGroup audited = AUDIT.groups().get(k);
            JsonNode interval = groups.get(k).get("mse_interval");
            assertThat(interval).hasSize(2);
            assertThat(interval.get(0).doubleValue()).isEqualTo(audited.mseInterval().lower());
            assertThat(interval.get(1).doubleValue()).isEqualTo(audited.mseInterval().upper());
        }
        // a has 3 examples, b 1; the threshold is 2.
        assertThat(groups.get(0).get("small_group").booleanValue()).isFalse();
        assertThat(groups.get(1).get("small_group").booleanValue()).isTrue();
    }

    @Test
    void auditFiguresAndSettingsHoldTheAuditsValues() throws IOException {
        JsonNode root = writeAndRead(REPORT, AUDIT);

        assertThat(root.get("gap").doubleValue()).isEqualTo(REPORT.gap());
        assertThat(root.get("gap_interval").get(0).doubleValue()).isEqualTo(AUDIT.gapInterval().lower());
        assertThat(root.get("gap_interval").get(1).doubleValue()).isEqualTo(AUDIT.gapInterval().upper());
        assertThat(root.get("ratio_max_min").doubleValue()).isEqualTo(AUDIT.ratioMaxMin());
        assertThat(root.get("gap_noise_floor").doubleValue()).isEqualTo(AUDIT.gapNoiseFloor());
        assertThat(root.get("gap_p_value").doubleValue()).isEqualTo(AUDIT.gapPValue());
        assertThat(root.get("gap_within_noise").booleanValue()).isEqualTo(AUDIT.gapWithinNoise());
        JsonNode settings = root.get("audit_settings");
        assertThat(keys(settings)).containsExactly("level", "resamples", "permutations", "seed", "min_group_rows");
        assertThat(settings.get("level").doubleValue()).isEqualTo(0.95);
        assertThat(settings.get("resamples").intValue()).isEqualTo(50);
        assertThat(settings.get("permutations").intValue()).isEqualTo(60);
        assertThat(settings.get("seed").longValue()).isEqualTo(9);
        assertThat(settings.get("min_group_rows").intValue()).isEqualTo(2);
    }

    @Test
    void sameSeedWritesByteIdenticalReports() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        ReportJson.write(REPORT, Optional.of(GroupAudit.of(TARGETS, PREDICTIONS, CODES, LABELS, SETTINGS)),
                ModelFixtures.smallModel(), "test.csv", first);
        ReportJson.write(REPORT, Optional.of(GroupAudit.of(TARGETS, PREDICTIONS, CODES, LABELS, SETTINGS)),
                ModelFixtures.smallModel(), "test.csv", second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void emptyAuditWritesExactlyTheReportAlone() throws IOException {
        Path without = dir.resolve("without.json");
        Path empty = dir.resolve("empty.json");

        ReportJson.write(REPORT, ModelFixtures.smallModel(), "test.csv", without);
        ReportJson.write(REPORT, Optional.empty(), ModelFixtures.smallModel(), "test.csv", empty);

        assertThat(Files.readAllBytes(empty)).isEqualTo(Files.readAllBytes(without));
    }

    @Test
    void undefinedAuditFiguresAreWrittenAsNull() throws IOException {
        // An infinite prediction leaves nothing to resample; the figures must be null, not strings.
        double[] targets = {1, 2};
        double[] predictions = {1, Double.POSITIVE_INFINITY};
        int[] codes = {0, 1};
        GroupReport report = GroupReport.of(targets, predictions, codes, LABELS);
        GroupAudit audit = GroupAudit.of(targets, predictions, codes, LABELS, SETTINGS);

        JsonNode root = writeAndRead(report, audit);

        for (String key : List.of("gap_interval", "ratio_max_min", "gap_noise_floor", "gap_p_value",
                "gap_within_noise")) {
            assertThat(root.get(key).isNull()).as("%s written as %s", key, root.get(key)).isTrue();
        }
        assertThat(root.get("groups").get(0).get("mse_interval").isNull()).isTrue();
        assertThat(root.get("groups").get(0).get("small_group").booleanValue()).isTrue();
    }

    @Test
    void auditOfOtherGroupsIsRejectedNamingBothLists() {
        GroupAudit other = GroupAudit.of(TARGETS, PREDICTIONS, CODES, GroupLabels.inOrder(List.of("x", "y")),
                SETTINGS);

        assertThatThrownBy(() -> writeAndRead(REPORT, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audit")
                .hasMessageContaining("[a, b]")
                .hasMessageContaining("[x, y]");
    }

    private JsonNode writeAndRead(GroupReport report, GroupAudit audit) throws IOException {
        Path file = dir.resolve("audited.json");
        ReportJson.write(report, Optional.of(audit), ModelFixtures.smallModel(), "test.csv", file);
        return READER.readTree(file.toFile());
    }

    private JsonNode writeAndRead(GroupReport report) throws IOException {
        Path file = dir.resolve("report.json");
        ReportJson.write(report, ModelFixtures.smallModel(), "test.csv", file);
        return READER.readTree(file.toFile());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void assertFigures(JsonNode node, GroupMetrics expected) {
        assertThat(node.get("n").longValue()).isEqualTo(expected.n());
        assertThat(node.get("mse").doubleValue()).isEqualTo(expected.mse());
        assertThat(node.get("rmse").doubleValue()).isEqualTo(expected.rmse());
        assertThat(node.get("mae").doubleValue()).isEqualTo(expected.mae());
        assertThat(node.get("bias").doubleValue()).isEqualTo(expected.bias());
        if (Double.isFinite(expected.r2())) {
            assertThat(node.get("r2").doubleValue()).isEqualTo(expected.r2());
        }
    }
}
