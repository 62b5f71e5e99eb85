package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fairreg.data.GroupLabels;
import org.fairreg.train.EpochRecord;

/**
 * Writes a run's history as CSV, one row per epoch, with the header {@code epoch,
 * train_objective, validation_objective, constraints_met, validation_mse, validation_gap,
 * objective_state, seconds}, then {@code validation_mse[GROUP]} for each group in the labels'
 * order (meanings in {@link EpochRecord}). A group with no validation example has an empty cell.
 */
public final class HistoryCsv {

    private HistoryCsv() {
    }

    /**
     * @param history the epochs, in order
     * @param groups the groups, whose order the records' per-group figures follow
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(List<EpochRecord> history, GroupLabels groups, Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of("epoch", "train_objective", "validation_objective",
                "constraints_met", "validation_mse", "validation_gap", "objective_state", "seconds"));
        for (String label : groups.labels()) {
            header.add("validation_mse[" + label + "]");
        }
        CsvOutput.write(file, csv -> {
            csv.writeRecord(header);
            for (EpochRecord record : history) {
                List<String> cells = new ArrayList<>(List.of(Integer.toString(record.epoch()),
                        CsvOutput.number(record.trainObjective()), CsvOutput.number(record.validationObjective()),
                        Boolean.toString(record.constraintsMet()), CsvOutput.number(record.validationMse()),
                        CsvOutput.number(record.validationGap()), record.objectiveState(),
                        CsvOutput.number(record.seconds())));
                double[] groupMse = record.groupValidationMse();
                for (int k = 0; k < groups.size(); k++) {
                    cells.add(k < groupMse.length && Double.isFinite(groupMse[k]) ? CsvOutput.number(groupMse[k])
                            : "");
                }
                csv.writeRecord(cells);
            }
        });
    }
}
