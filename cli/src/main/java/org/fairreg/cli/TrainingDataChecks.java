package org.fairreg.cli;

import static org.fairreg.data.MessageText.quote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.fairreg.data.ConstantColumns;
import org.fairreg.data.CsvReadResult;
import org.fairreg.data.DataException;
import org.fairreg.data.Dataset;
import org.fairreg.data.GroupLabels;
import org.fairreg.data.MessageText;
import org.fairreg.objective.ObjectiveKind;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks that a CSV file read for training suits the objective and batch size before any model is
 * built, so that the user reads which file, column, group or line is at fault rather than a
 * training error about counts.
 *
 * <p>Errors: a constant target (nothing to learn); for an objective that compares groups (every
 * one but {@code mse}), a single group, a group with a single row (it can sit in one split only, so
 * its error is never both fitted and measured), and for {@code gap} any number of groups but two;
 * a batch larger than the training rows. Warnings: a constant feature, and a group with a single
 * row under {@code mse}. The class is stateless.
 */
final class TrainingDataChecks {

    /** Group labels listed at most in a message. */
    private static final int GROUPS_SHOWN = 10;

    private TrainingDataChecks() {
    }

    /**
     * Checks the data of a file as a whole, before it is split.
     *
     * @param file the file read
     * @param read what reading it gave
     * @param objective the objective to train
     * @return warning lines, without the {@code warning: } prefix, in a stable order
     * @throws DataException naming the file, and the line or column where one applies, if the
     *         data cannot train the objective
     */
    static List<String> checkData(Path file, CsvReadResult read, ObjectiveKind objective) {
        Dataset data = read.data();
        checkGroupCount(file, data, objective);
        List<String> warnings = new ArrayList<>();
        checkSingleRowGroups(file, read, objective, warnings);
        OptionalDouble target = ConstantColumns.constantTarget(data);
        if (target.isPresent()) {
            throw DataException.inFile(file, "target column " + quote(data.targetName()) + " has the value "
                    + number(target.getAsDouble()) + " in " + all(data.size()) + "; expected a target that "
                    + "varies, since a constant leaves nothing to learn");
        }
        for (ConstantColumns.Constant feature : ConstantColumns.constantFeatures(data)) {
            warnings.add("feature " + quote(feature.name()) + " has the value " + number(feature.value()) + " in "
                    + all(data.size()) + " of " + file + ", so it cannot help the model");
        }
        return warnings;
    }

    private static void checkGroupCount(Path file, Dataset data, ObjectiveKind objective) {
        GroupLabels groups = data.groups();
        String column = "group column " + quote(data.groupName());
        if (objective != ObjectiveKind.MSE && groups.size() < 2) {
            throw DataException.inFile(file, "every one of the " + data.size() + " rows is in group "
                    + quote(groups.label(0)) + " of " + column + "; expected at least 2 groups for --objective "
                    + objective.id() + ", or --objective mse to train without groups");
        }
        if (objective == ObjectiveKind.GAP && groups.size() != 2) {
            throw DataException.inFile(file, column + " holds " + groups.size() + " groups ("
                    + MessageText.quoteSome(groups.labels(), GROUPS_SHOWN) + "); expected exactly 2 groups for "
                    + "--objective gap, or --group-vs-rest VALUE to make two");
        }
    }

    private static void checkSingleRowGroups(Path file, CsvReadResult read, ObjectiveKind objective,
            List<String> warnings) {
        Dataset data = read.data();
        int[] counts = data.groupCounts();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] != 1) {
                continue;
            }
            String group = "group " + quote(data.groups().label(k)) + " of group column "
                    + quote(data.groupName()) + " has a single row";
            if (objective != ObjectiveKind.MSE) {
                throw DataException.atLine(file, read.firstLineOf(k), group + "; expected at least 2 rows in "
                        + "every group for --objective " + objective.id() + ", which compares the groups' errors");
            }
            warnings.add(group + ", on line " + read.firstLineOf(k) + " of " + file
                    + "; its error is measured on one row at most");
        }
    }

    /**
     * Checks the batch size against the training part of the split.
     *
     * @param commandLine the command, for the usage error
     * @param batchSize the --batch-size value
     * @param trainRows the rows of the training part
     * @param allRows the rows of the whole data
     * @throws ParameterException naming both numbers if the batch is larger than the training part
     */
    static void checkBatchSize(CommandLine commandLine, int batchSize, int trainRows, int allRows) {
        if (batchSize > trainRows) {
            throw new ParameterException(commandLine, "Invalid value for option '--batch-size': " + batchSize
                    + " is larger than the " + trainRows + " training rows (of " + allRows + " rows, after the test "
                    + "and validation parts); expected at most " + trainRows);
        }
    }

    private static String all(int rows) {
        return rows == 1 ? "its only row" : "all " + rows + " rows";
    }

    /** Writes a number as briefly as it reads: 5 rather than 5.0. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
