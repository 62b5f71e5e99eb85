package org.fairreg.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.fairreg.metrics.GroupAudit;
import org.fairreg.train.FittedModel;
import org.fairreg.train.SweepResult;
import org.fairreg.train.SweepSelection;

/**
 * The page of a sweep: the frontier (charts of MSE against gap on the validation and the test
 * examples with Pareto points, references and the chosen model marked, and the tables of every
 * model), then the chosen model's test report with its chart, its learning curves, and how it was
 * made. Self-contained and deterministic, as the package says.
 */
public final class SweepPage {

    private SweepPage() {
    }

    /**
     * Writes the page.
     *
     * @param results the sweep's results, in order
     * @param selection the Pareto marks and the choice over them
     * @param audits each result's test audit, in the same order (empty when not audited)
     * @param data what the sweep trained on, such as a file name
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     * @throws IllegalArgumentException if there are not as many audits as results
     */
    public static void write(
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits,
            String data,
            Path file) throws IOException {
        if (audits.size() != results.size()) {
            throw new IllegalArgumentException("audits must hold one entry per result, found " + audits.size()
                    + " for " + results.size());
        }
        SweepResult chosen = results.get(selection.selected());
        FittedModel model = chosen.training().model();
        Page.write("fairreg sweep: " + results.size() + " models", "Data: " + data, markup -> {
            FrontierSection.write(markup, results, selection, audits);
            ReportSection.write(markup, "Chosen model: " + chosen.point().label() + ", test report",
                    TrainPage.caption(chosen.test(), model, "the test part"), chosen.test(),
                    audits.get(selection.selected()));
            LearningCurves.write(markup, chosen.training().history(), model.summary(), model.groups());
            RunSection.write(markup, "How the chosen model was made", model);
        }, file);
    }
}
