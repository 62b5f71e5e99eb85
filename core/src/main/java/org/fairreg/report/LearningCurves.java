package org.fairreg.report;

import java.util.ArrayList;
import java.util.List;

import org.fairreg.data.GroupLabels;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.TrainingSummary;

/**
 * A run's learning curves, one point per epoch: the training and validation objectives, and each
 * group's validation MSE with the overall one; both charts mark the epoch whose weights the model
 * kept. The objectives are on the training scale (a standardized target's unit), the MSEs in the
 * target's unit squared.
 */
final class LearningCurves {

    /** Beyond this many epochs the points would merge into their line, so only the line is drawn. */
    private static final int MOST_EPOCHS_WITH_POINTS = 60;

    private LearningCurves() {
    }

    /**
     * @param markup where to write
     * @param history the run's epochs, in order
     * @param summary how the run ended, for the kept epoch
     * @param groups the labels of the group codes the history's per-group figures are indexed by
     */
    static void write(Markup markup, List<EpochRecord> history, TrainingSummary summary, GroupLabels groups) {
        markup.open("section", "id", "learning-curves");
        markup.element("h2", "Learning curves");
        if (history.isEmpty()) {
            markup.element("p", "No epoch completed: the model holds its initial weights.", "class", "note");
            markup.close();
            return;
        }
        double[] epochs = new double[history.size()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = history.get(i).epoch();
        }
        Axis x = Axis.coveringCount(history.get(history.size() - 1).epoch());
        markup.open("div", "class", "columns");
        objectives(markup, history, epochs, x, summary.keptEpoch());
        groupErrors(markup, history, epochs, x, summary.keptEpoch(), groups);
        markup.close();
        markup.close();
    }

    private static void objectives(Markup markup, List<EpochRecord> history, double[] epochs, Axis x, int kept) {
        double[] train = new double[epochs.length];
        double[] validation = new double[epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            train[i] = history.get(i).trainObjective();
            validation[i] = history.get(i).validationObjective();
        }
        markup.open("figure", "id", "objective-chart");
        String what = "Training and validation objective per epoch";
        Plot plot = Plot.start(markup, x, Axis.covering(concat(train, validation), false), what);
        plot.axes("epoch", "objective (training scale)");
        keptMarker(plot, kept);
        series(plot, epochs, train, Plot.series(0), "train objective");
        series(plot, epochs, validation, Plot.series(1), "validation objective");
        plot.finish();
        Page.legend(markup, List.of(Plot.series(0), Plot.series(1)),
                List.of("train objective (mean of the batches)", "validation objective (early stopping's score)"));
        markup.element("figcaption", what + "; the dashed line marks the epoch whose weights the model kept.");
        markup.close();
    }

    private static void groupErrors(
            Markup markup,
            List<EpochRecord> history,
            double[] epochs,
            Axis x,
            int kept,
            GroupLabels groups) {
        int groupCount = groups.size();
        double[][] byGroup = new double[groupCount][epochs.length];
        double[] overall = new double[epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            double[] perGroup = history.get(i).groupValidationMse();
            for (int k = 0; k < groupCount; k++) {
                byGroup[k][i] = k < perGroup.length ? perGroup[k] : Double.NaN;
            }
            overall[i] = history.get(i).validationMse();
        }
        double[] all = overall;
        for (double[] values : byGroup) {
            all = concat(all, values);
        }
        markup.open("figure", "id", "group-mse-chart");
        String what = "Validation MSE per group and overall, per epoch";
        Plot plot = Plot.start(markup, x, Axis.covering(all, false), what);
        plot.axes("epoch", "validation mse (target unit squared)");
        keptMarker(plot, kept);
        List<String> classes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < groupCount; k++) {
            series(plot, epochs, byGroup[k], Plot.series(k), "group " + groups.label(k));
            classes.add(Plot.series(k));
            names.add("group " + groups.label(k));
        }
        series(plot, epochs, overall, "gray dashed", "overall");
        classes.add("gray");
        names.add("overall");
        plot.finish();
        Page.legend(markup, classes, names);
        markup.element("figcaption", what + ", in the target's unit squared: the vertical distance between the "
                + "highest and the lowest group is the validation gap.");
        markup.close();
    }

    private static void keptMarker(Plot plot, int kept) {
        if (kept > 0) {
            plot.marker(kept, "kept: epoch " + kept, false);
        }
    }

    private static void series(Plot plot, double[] epochs, double[] values, String cssClass, String name) {
        plot.line(epochs, values, cssClass);
        if (epochs.length <= MOST_EPOCHS_WITH_POINTS) {
            for (int i = 0; i < epochs.length; i++) {
                plot.point(epochs[i], values[i], 2.5, cssClass.split(" ")[0],
                        name + ", epoch " + (long) epochs[i] + ": " + Figures.number(values[i]));
            }
        }
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = new double[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
