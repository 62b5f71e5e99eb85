package org.fairreg.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupReport;
import org.fairreg.train.FittedModel;

/**
 * The page of a saved model evaluated on labelled data: its per-group report with the audit and
 * the chart of each group's MSE, and how the model was made, as its file records it. A model
 * file keeps how its run ended but not the per-epoch history, so this page has no learning
 * curves; the page of {@code fairreg train} has them.
 */
public final class EvaluatePage {

    private EvaluatePage() {
    }

    /**
     * Writes the page.
     *
     * @param model the model evaluated
     * @param report its report on the data
     * @param audit the report's audit, or empty when it was skipped
     * @param modelName where the model was read from, such as its file name
     * @param data what it was evaluated on, such as a file name
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(
            FittedModel model,
            GroupReport report,
            Optional<GroupAudit> audit,
            String modelName,
            String data,
            Path file) throws IOException {
        Page.write("fairreg evaluate: " + modelName, "Model " + modelName + " evaluated on " + data, markup -> {
            ReportSection.write(markup, "Report", TrainPage.caption(report, model, data), report, audit);
            RunSection.write(markup, "How the model was made", model);
            markup.open("section", "id", "learning-curves");
            markup.element("h2", "Learning curves");
            markup.element("p", "A model file keeps how its run ended (above) but not its per-epoch history; "
                    + "fairreg train --report-html draws the learning curves.", "class", "note");
            markup.close();
        }, file);
    }
}
