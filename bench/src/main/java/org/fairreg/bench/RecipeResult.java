package org.fairreg.bench;

import java.util.List;
import java.util.Locale;

/**
 * One engine's line in the results file: a tab-separated record that {@link RecipeBenchmark}
 * appends and {@link RecipeReport} reads back. Times are milliseconds, memory MiB, test figures
 * in the target's unit squared.
 *
 * @param label the engine's name in the report, such as {@code fairreg-vector}; no tabs
 * @param engine what ran, such as the library and its version; no tabs
 * @param java the Java runtime's version
 * @param epochs epochs run
 * @param warmupEpochs epochs of the warm-up run before the timed one, 0 if none
 * @param medianMs median epoch time of the timed run
 * @param minMs shortest epoch of the timed run
 * @param maxMs longest epoch of the timed run
 * @param cpuMsPerEpoch process CPU time per epoch of the timed run, all threads
 * @param rowsPerSecond training examples per second at the median epoch time
 * @param peakMib peak resident set of the whole process
 * @param testMse mean squared error on the test set after the last epoch
 * @param testGap largest minus smallest group MSE on the test set after the last epoch
 * @param firstTrainObjective mean batch objective of epoch 1
 * @param lastTrainObjective mean batch objective of the last epoch
 * @param lastValidationObjective validation figure of the last epoch
 * @param note a remark such as a consistency check; no tabs, may be empty
 */
record RecipeResult(
        String label,
        String engine,
        String java,
        int epochs,
        int warmupEpochs,
        double medianMs,
        double minMs,
        double maxMs,
        double cpuMsPerEpoch,
        double rowsPerSecond,
        double peakMib,
        double testMse,
        double testGap,
        double firstTrainObjective,
        double lastTrainObjective,
        double lastValidationObjective,
        String note) {

    /** The first line of a results file. */
    static final String HEADER = String.join("\t", List.of("label", "engine", "java", "epochs", "warmup",
            "median_ms", "min_ms", "max_ms", "cpu_ms_per_epoch", "rows_per_s", "peak_mib", "test_mse", "test_gap",
            "train_objective_first", "train_objective_last", "validation_objective_last", "note"));

    private static final int FIELD_COUNT = 17;

    /**
     * Summarizes a run.
     *
     * @param label the engine's name in the report
     * @param engine what ran
     * @param warmupEpochs epochs of the warm-up run before the timed one
     * @param run what the timed run measured
     * @param trainRows training examples per epoch
     * @param peakMib the process's peak resident set
     * @return the record
     */
    static RecipeResult of(
            String label,
            String engine,
            int warmupEpochs,
            EngineRun run,
            int trainRows,
            double peakMib) {
        double median = run.medianEpochSeconds();
        double[] train = run.trainObjectives();
        return new RecipeResult(label, engine, System.getProperty("java.version"), train.length, warmupEpochs,
                median * 1e3, run.minEpochSeconds() * 1e3, run.maxEpochSeconds() * 1e3,
                run.cpuSeconds() * 1e3 / run.epochs(), trainRows / median, peakMib,
                run.test().overall().mse(), run.test().gap(), train[0], train[train.length - 1],
                run.validationObjectives()[train.length - 1], run.note());
    }

    /** @return the record as one tab-separated line, without a line break */
    String toLine() {
        return String.join("\t", label, engine, java, Integer.toString(epochs), Integer.toString(warmupEpochs),
                number(medianMs), number(minMs), number(maxMs), number(cpuMsPerEpoch), number(rowsPerSecond),
                number(peakMib), number(testMse), number(testGap), number(firstTrainObjective),
                number(lastTrainObjective), number(lastValidationObjective), note);
    }

    /**
     * Reads a line written by {@link #toLine()}.
     *
     * @param line the line
     * @param lineNumber its number in the file, for messages
     * @return the record
     * @throws IllegalArgumentException if the line does not have the 17 fields or a number does
     *         not parse
     */
    static RecipeResult parse(String line, int lineNumber) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELD_COUNT) {
            throw new IllegalArgumentException("results line " + lineNumber + " must have " + FIELD_COUNT
                    + " tab-separated fields, found " + fields.length);
        }
        try {
            return new RecipeResult(fields[0], fields[1], fields[2], Integer.parseInt(fields[3]),
                    Integer.parseInt(fields[4]), Double.parseDouble(fields[5]), Double.parseDouble(fields[6]),
                    Double.parseDouble(fields[7]), Double.parseDouble(fields[8]), Double.parseDouble(fields[9]),
                    Double.parseDouble(fields[10]), Double.parseDouble(fields[11]), Double.parseDouble(fields[12]),
                    Double.parseDouble(fields[13]), Double.parseDouble(fields[14]), Double.parseDouble(fields[15]),
                    fields[16]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("results line " + lineNumber + " has a field that is not a number: "
                    + e.getMessage(), e);
        }
    }

    /** Full precision, so that a report made from the file shows what was measured. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }
}
