package org.fairreg.report;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.fairreg.optim.OptimizerKind;
import org.fairreg.train.FittedModel;
import org.fairreg.train.Provenance;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.TrainingSummary;

/**
 * The section that says how a model was made: where (the fairreg version, Java, operating system,
 * architecture and kernels of its training), how its run ended, and every training setting with
 * the seed. No date is shown: the same run must write the same page.
 */
final class RunSection {

    private RunSection() {
    }

    /**
     * @param markup where to write
     * @param heading the section's heading
     * @param model the model whose run it describes
     */
    static void write(Markup markup, String heading, FittedModel model) {
        markup.open("section", "id", "run");
        markup.element("h2", heading);
        markup.open("div", "class", "columns");
        markup.open("div");
        markup.element("h3", "Provenance");
        provenance(markup, model);
        markup.element("h3", "Run");
        summary(markup, model.summary());
        markup.close();
        markup.open("div");
        markup.element("h3", "Settings");
        settings(markup, model.settings());
        markup.close();
        markup.close();
        markup.close();
    }

    private static void provenance(Markup markup, FittedModel model) {
        Provenance provenance = model.provenance();
        markup.open("table", "id", "provenance");
        markup.open("tbody");
        row(markup, "trained with fairreg", provenance.toolVersion());
        row(markup, "Java", provenance.javaVersion());
        row(markup, "system", provenance.os() + " / " + provenance.arch());
        row(markup, "kernels", provenance.kernels());
        row(markup, "page written by fairreg", Provenance.builtVersion());
        row(markup, "target", model.targetName());
        row(markup, "group", model.groupName());
        row(markup, "features", Integer.toString(model.featureNames().size()));
        markup.close();
        markup.close();
    }

    private static void summary(Markup markup, TrainingSummary summary) {
        markup.open("table", "id", "summary");
        markup.open("tbody");
        row(markup, "epochs run", Integer.toString(summary.epochsRun()));
        row(markup, "best epoch", Integer.toString(summary.bestEpoch()));
        row(markup, "kept epoch", Integer.toString(summary.keptEpoch()));
        row(markup, "best validation objective", Figures.number(summary.bestValidationObjective()));
        row(markup, "stop reason", summary.stopReason().id());
        markup.close();
        markup.close();
    }

    private static void settings(Markup markup, TrainingSettings settings) {
        markup.open("table", "id", "settings");
        markup.open("tbody");
        row(markup, "hidden layers", settings.hiddenSizes().length == 0 ? "none (linear)"
                : Arrays.stream(settings.hiddenSizes()).mapToObj(Integer::toString).collect(Collectors.joining(", ")));
        row(markup, "activation", settings.activation().id());
        row(markup, "objective", settings.objectiveSettings().describe());
        row(markup, "optimizer", settings.optimizer().id());
        row(markup, "learning rate", Double.toString(settings.learningRate()));
        if (settings.optimizer() == OptimizerKind.SGD) {
            row(markup, "momentum", Double.toString(settings.momentum()));
        }
        row(markup, "weight decay", Double.toString(settings.weightDecay()));
        row(markup, "batch size", Integer.toString(settings.batchSize()));
        row(markup, "batching", settings.batching().id());
        row(markup, "gap estimate", settings.gapEstimate().id());
        row(markup, "max epochs", Integer.toString(settings.maxEpochs()));
        row(markup, "patience", Integer.toString(settings.patience()));
        row(markup, "restore best", Boolean.toString(settings.restoreBest()));
        row(markup, "validation loss", settings.validationLoss().id());
        row(markup, "standardize features", Boolean.toString(settings.standardizeFeatures()));
        row(markup, "standardize target", Boolean.toString(settings.standardizeTarget()));
        row(markup, "seed", Long.toString(settings.seed()));
        markup.close();
        markup.close();
    }

    private static void row(Markup markup, String name, String value) {
        markup.open("tr");
        markup.element("th", name, "class", "text", "scope", "row");
        markup.element("td", value, "class", "text");
        markup.close();
    }
}
