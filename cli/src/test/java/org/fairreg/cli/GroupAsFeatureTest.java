package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Whether the group is a feature is the user's choice, off by default, and the report says it. */
@ExtendWith(StrayOutputGuard.class)
class GroupAsFeatureTest {

    private static final String INSURANCE = Path.of("..", "core", "src", "test", "resources", "real",
            "insurance.csv").toString();

    private static Fairreg.Run train(Path out, String... more) {
        return Fairreg.run(Fairreg.concat(Fairreg.concat(new String[] {"train", "--data", INSURANCE, "--target",
            "charges", "--group", "smoker", "--min-group-rows", "0", "--model-out", out.resolve("m.json").toString(),
            "--report-json", out.resolve("r.json").toString(), "--no-audit"}, more), Fairreg.SHORT_RUN));
    }

    @Test
    void byDefaultTheGroupIsNotAFeatureAndTheReportSaysSo(@TempDir Path out) throws IOException {
        Fairreg.Run run = train(out);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("group not a feature");
        assertThat(ReportText.json(out.resolve("m.json")).get("columns").get("features").toString())
                .doesNotContain("smoker");
        assertThat(ReportText.json(out.resolve("r.json")).get("group_is_feature").asBoolean()).isFalse();
    }

    @Test
    void withTheOptionTheGroupBecomesCategoricalFeatures(@TempDir Path out) throws IOException {
        Fairreg.Run run = train(out, "--group-as-feature");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("group among the features");
        JsonNode features = ReportText.json(out.resolve("m.json")).get("columns").get("features");
        assertThat(features.toString()).contains("\"smoker=no\"", "\"smoker=yes\"");
        assertThat(ReportText.json(out.resolve("r.json")).get("group_is_feature").asBoolean()).isTrue();

        Fairreg.Run evaluate = Fairreg.run("evaluate", "--model", out.resolve("m.json").toString(), "--data",
                INSURANCE, "--no-audit");
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
        assertThat(evaluate.out()).contains("group among the features");
    }
}
