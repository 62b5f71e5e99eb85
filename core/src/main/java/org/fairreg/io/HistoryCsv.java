package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.fairreg.train.EpochRecord;

/**
 * Writes a run's history as CSV, one row per epoch, with the header {@code epoch,
 * train_objective, validation_objective, constraints_met, validation_mse, validation_gap,
 * objective_state, seconds}
 * (meanings in {@link EpochRecord}).
 */
public final class HistoryCsv {

    private HistoryCsv() {
    }

    /**
     * @param history the epochs, in order
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(List<EpochRecord> history, Path file) throws IOException {
        CsvOutput.write(file, csv -> {
            csv.writeRecord("epoch", "train_objective", "validation_objective", "constraints_met", "validation_mse",
                    "validation_gap", "objective_state", "seconds");
            for (EpochRecord record : history) {
                csv.writeRecord(Integer.toString(record.epoch()), CsvOutput.number(record.trainObjective()),
                        CsvOutput.number(record.validationObjective()), Boolean.toString(record.constraintsMet()),
                        CsvOutput.number(record.validationMse()),
                        CsvOutput.number(record.validationGap()), record.objectiveState(),
                        CsvOutput.number(record.seconds()));
            }
        });
    }
}
