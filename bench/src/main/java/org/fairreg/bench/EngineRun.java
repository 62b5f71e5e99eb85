package org.fairreg.bench;

import java.util.Arrays;

import org.fairreg.metrics.GroupReport;

/**
 * What one engine's recipe run measured.
 *
 * @param epochSeconds wall-clock time of every epoch, in order
 * @param trainObjectives mean batch objective of every epoch
 * @param validationObjectives validation figure of every epoch (the recipe's batch mean)
 * @param cpuSeconds process CPU time, all threads, from the start of the first epoch to the end
 *        of the last
 * @param test the final model's report on the test set
 * @param note a line about the run for the reader
 */
record EngineRun(
        double[] epochSeconds,
        double[] trainObjectives,
        double[] validationObjectives,
        double cpuSeconds,
        GroupReport test,
        String note) {

    /** @return the number of epochs */
    int epochs() {
        return epochSeconds.length;
    }

    /** @return the median wall-clock time of an epoch, in seconds */
    double medianEpochSeconds() {
        double[] sorted = epochSeconds.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** @return the shortest epoch, in seconds */
    double minEpochSeconds() {
        return Arrays.stream(epochSeconds).min().orElse(Double.NaN);
    }

    /** @return the longest epoch, in seconds */
    double maxEpochSeconds() {
        return Arrays.stream(epochSeconds).max().orElse(Double.NaN);
    }
}
