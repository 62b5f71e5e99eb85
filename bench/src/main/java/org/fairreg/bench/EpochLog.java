package org.fairreg.bench;

import org.fairreg.metrics.GroupReport;

/**
 * Collects what every epoch of one engine's run measured, and the process CPU time spent from the
 * start of the first epoch to the end of the last. Both engines fill it the same way, so their
 * figures mean the same. Not thread-safe.
 */
final class EpochLog {

    private final double[] seconds;
    private final double[] trainObjectives;
    private final double[] validationObjectives;
    private double cpuAtStart = Double.NaN;
    private double cpuAtEnd = Double.NaN;

    /**
     * @param epochs the number of epochs the run will have, at least 1
     * @throws IllegalArgumentException if {@code epochs} is below 1
     */
    EpochLog(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, found " + epochs);
        }
        this.seconds = new double[epochs];
        this.trainObjectives = new double[epochs];
        this.validationObjectives = new double[epochs];
    }

    /** Marks the start of the first epoch; call right before it. */
    void started() {
        cpuAtStart = ProcessFigures.processCpuSeconds();
    }

    /**
     * Records a finished epoch.
     *
     * @param epoch the epoch number, from 1, in order
     * @param epochSeconds its wall-clock time, training steps and validation pass
     * @param trainObjective the mean of its batch objectives
     * @param validationObjective its validation figure (the recipe's batch mean)
     */
    void record(int epoch, double epochSeconds, double trainObjective, double validationObjective) {
        seconds[epoch - 1] = epochSeconds;
        trainObjectives[epoch - 1] = trainObjective;
        validationObjectives[epoch - 1] = validationObjective;
        if (epoch == seconds.length) {
            cpuAtEnd = ProcessFigures.processCpuSeconds();
        }
    }

    /**
     * Completes the run's figures.
     *
     * @param test the trained model's report on the test set
     * @param note a line about the run for the reader, such as a consistency check
     * @return the figures
     */
    EngineRun finish(GroupReport test, String note) {
        return new EngineRun(seconds.clone(), trainObjectives.clone(), validationObjectives.clone(),
                cpuAtEnd - cpuAtStart, test, note);
    }
}
