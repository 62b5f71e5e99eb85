package org.fairreg.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.fairreg.data.GroupLabels;
import org.fairreg.model.Architecture;
import org.fairreg.train.EpochRecord;
import org.fairreg.model.DenseKernels;
import org.fairreg.train.Provenance;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingPlan;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.TrainingSummary;

/**
 * Prints a run as it goes: a header, one line per epoch with fields in a fixed order, and a line
 * saying why the run stopped and which epoch's weights it kept. Numbers have five significant
 * digits, since losses span many orders of magnitude over a run.
 */
final class ConsoleListener implements TrainingListener {

    private final PrintWriter out;
    private final String dataDescription;
    private final String testCounts;
    private final ProgressBar progress;
    private int maxEpochs;
    private int firstEpoch;
    private long rowsTrained;

    /**
     * @param out where to print
     * @param dataDescription what the data is, for the header
     * @param testCounts the test part's size and group counts, for the header
     * @param progress the bar drawn between epoch lines, on a terminal
     */
    ConsoleListener(PrintWriter out, String dataDescription, String testCounts, ProgressBar progress) {
        this.out = out;
        this.dataDescription = dataDescription;
        this.testCounts = testCounts;
        this.progress = progress;
    }

    @Override
    public void onStart(TrainingPlan plan) {
        TrainingSettings settings = plan.settings();
        Architecture architecture = plan.architecture();
        Provenance here = Provenance.current(DenseKernels.select().name());
        maxEpochs = settings.maxEpochs();
        out.printf(Locale.ROOT, "run        fairreg %s  java %s  %s/%s  seed %d%n", here.toolVersion(),
                here.javaVersion(), here.os(), here.arch(), settings.seed());
        out.printf(Locale.ROOT, "data       %s  train %s  validation %s  test %s%n", dataDescription,
                counts(plan.groups(), plan.trainGroupCounts()), counts(plan.groups(), plan.validationGroupCounts()),
                testCounts);
        out.printf(Locale.ROOT, "model      %s %s float32  %d parameters%n", architecture.describe(),
                architecture.hiddenActivation().id(), architecture.parameterCount());
        out.printf(Locale.ROOT, "objective  %s  standardized: features %s, target %s  validation %s%n",
                plan.objective(), yesNo(settings.standardizeFeatures()), yesNo(settings.standardizeTarget()),
                settings.validationLoss().id());
        out.printf(Locale.ROOT, "optimizer  %s  weight decay %s  batch %d %s  gap estimate %s  max epochs %d  "
                + "patience %d%n", plan.optimizer(), settings.weightDecay(), settings.batchSize(),
                settings.batching().id(), settings.gapEstimate().id(), settings.maxEpochs(), settings.patience());
    }

    /**
     * Draws the bar: the share of the epoch limit done (early stopping may end the run sooner, so
     * the time left is an upper bound), the examples trained per second in this process.
     */
    @Override
    public void onStep(int epoch, int step, int steps, int rows) {
        if (firstEpoch == 0) {
            firstEpoch = epoch;
        }
        rowsTrained += rows;
        double seconds = progress.elapsedSeconds();
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%,.0f rows/s", rowsTrained / seconds) : "";
        progress.update((double) (epoch - firstEpoch) * steps + step, (double) (maxEpochs - firstEpoch + 1) * steps,
                String.format(Locale.ROOT, "epoch %d/%d, step %d/%d", epoch, maxEpochs, step, steps), rate);
    }

    @Override
    public void onEpoch(EpochRecord record, boolean improved) {
        progress.clear();
        out.printf(Locale.ROOT, "epoch %4d/%d  train %.5g  validation %.5g  val_mse %.5g  val_gap %.5g  %s%.2fs%s%n",
                record.epoch(), maxEpochs, record.trainObjective(), record.validationObjective(),
                record.validationMse(), record.validationGap(),
                record.objectiveState().isEmpty()
                        ? ""
                        : record.objectiveState() + (record.constraintsMet() ? ", met  " : ", not met  "),
                record.seconds(),
                improved ? "  *" : "");
    }

    @Override
    public void onFinish(TrainingResult result) {
        progress.clear();
        TrainingSummary summary = result.summary();
        String why;
        switch (summary.stopReason()) {
            case EARLY_STOPPING:
                why = "early stopping after epoch " + summary.epochsRun() + ": no improvement for "
                        + result.model().settings().patience() + " epochs";
                break;
            case MAX_EPOCHS:
                why = "reached the maximum of " + summary.epochsRun() + " epochs";
                break;
            default:
                why = "diverged in epoch " + (summary.epochsRun() + 1);
                break;
        }
        String kept = summary.keptEpoch() == 0
                ? "kept the initial weights"
                : String.format(Locale.ROOT, "kept epoch %d (validation %.5g)", summary.keptEpoch(),
                        summary.keptEpoch() == summary.bestEpoch()
                                ? summary.bestValidationObjective()
                                : result.history().get(summary.keptEpoch() - 1).validationObjective());
        out.println("stop       " + why + "; " + kept);
    }

    /**
     * @param groups the group labels
     * @param counts examples per group code
     * @return such as {@code 8000 [0:4019 1:3981]}
     */
    static String counts(GroupLabels groups, int[] counts) {
        StringBuilder text = new StringBuilder();
        int total = 0;
        for (int k = 0; k < counts.length; k++) {
            text.append(k == 0 ? "" : " ").append(groups.label(k)).append(':').append(counts[k]);
            total += counts[k];
        }
        return total + " [" + text + "]";
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
