package org.fairreg.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupReport;
import org.fairreg.train.FittedModel;
import org.fairreg.train.TrainingResult;

/**
 * The page of a training run: its per-group report on the test examples with the audit and a
 * chart of each group's MSE with its interval, the learning curves with the kept epoch marked,
 * and how the model was made (provenance, how the run ended, every setting). Self-contained and
 * deterministic, as the package says.
 */
public final class TrainPage {

    private TrainPage() {
    }

    /**
     * Writes the page.
     *
     * @param result the run, with its history
     * @param report the model's report on the test examples
     * @param audit the report's audit, or empty when it was skipped
     * @param data what was trained on and tested, such as a file name
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(
            TrainingResult result,
            GroupReport report,
            Optional<GroupAudit> audit,
            String data,
            Path file) throws IOException {
        FittedModel model = result.model();
        String title = "fairreg train: " + model.settings().objectiveSettings().describe();
        Page.write(title, "Data: " + data, markup -> {
            ReportSection.write(markup, "Test report", caption(report, model, "the test part"), report, audit);
            LearningCurves.write(markup, result.history(), model.summary(), model.groups());
            RunSection.write(markup, "How the model was made", model);
        }, file);
    }

    /**
     * @param report a report
     * @param model the model it evaluates
     * @param examples which examples it covers, such as "the test part"
     * @return a line such as "10000 examples of the test part, target 'y', group 'g' not a feature"
     */
    static String caption(GroupReport report, FittedModel model, String examples) {
        return String.format(Locale.ROOT, "%d examples of %s; target '%s'; group '%s', %s.", report.overall().n(),
                examples, model.targetName(), model.groupName(),
                model.groupIsFeature() ? "among the features the model reads" : "not a feature of the model");
    }
}
