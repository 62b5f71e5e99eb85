package org.fairreg.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairreg.data.GroupLabels;
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

        assertThat(keys(root)).containsExactly("data", "overall", "groups", "gap", "epochs_run", "best_epoch",
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
