package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.train.SweepResult;
import org.fairreg.train.SweepSelection;
import org.fairreg.train.TrainingSummary;

/**
 * Writes a sweep's frontier, one row per model in sweep order, as CSV and as JSON. Columns:
 * {@code label, objective, reference, epochs_run, kept_epoch, stop_reason, validation_mse,
 * validation_gap, test_mse, test_mse_lower, test_mse_upper, test_gap, test_gap_lower,
 * test_gap_upper, test_gap_p_value, pareto, selected}, then for each group in the report's order
 * {@code validation_mse[GROUP]} and {@code test_mse[GROUP]}. MSE and gap are in the target's unit
 * squared; the intervals and p-value come from the test audit and are empty (CSV) or null (JSON)
 * without one. The JSON holds the per-group figures as a {@code groups} array of objects
 * ({@code group, validation_mse, test_mse}) in each point, and adds the selection's target gap, whether the chosen model met it and why
 * it was chosen ({@link SweepSelection.Choice#id()}).
 */
public final class FrontierFiles {

    private static final List<String> COLUMNS = List.of("label", "objective", "reference", "epochs_run",
            "kept_epoch", "stop_reason", "validation_mse", "validation_gap", "test_mse", "test_mse_lower",
            "test_mse_upper", "test_gap", "test_gap_lower", "test_gap_upper", "test_gap_p_value", "pareto",
            "selected");

    private FrontierFiles() {
    }

    /**
     * @param results the sweep's results, in order
     * @param selection its selection, over the same results
     * @param audits the test audit of each result, in the same order (empty when not audited)
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void writeCsv(
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits,
            Path file) throws IOException {
        List<String> header = new ArrayList<>(COLUMNS);
        for (GroupMetrics group : results.get(0).validation().groups()) {
            header.add("validation_mse[" + group.group() + "]");
            header.add("test_mse[" + group.group() + "]");
        }
        CsvOutput.write(file, csv -> {
            csv.writeRecord(header);
            for (int i = 0; i < results.size(); i++) {
                List<String> cells = row(results.get(i), selection, i, audits.get(i));
                List<GroupMetrics> test = results.get(i).test().groups();
                List<GroupMetrics> validation = results.get(i).validation().groups();
                for (int k = 0; k < validation.size(); k++) {
                    cells.add(CsvOutput.number(validation.get(k).mse()));
                    cells.add(CsvOutput.number(test.get(k).mse()));
                }
                csv.writeRecord(cells);
            }
        });
    }

    /**
     * @param results the sweep's results, in order
     * @param selection its selection, over the same results
     * @param audits the test audit of each result, in the same order (empty when not audited)
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void writeJson(
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits,
            Path file) throws IOException {
        ObjectNode root = Json.object();
        root.put("selected", results.get(selection.selected()).point().label());
        root.put("target_gap", selection.targetGap());
        root.put("target_met", selection.metTarget());
        root.put("choice", selection.choice().id());
        ArrayNode points = root.putArray("points");
        for (int i = 0; i < results.size(); i++) {
            List<String> cells = row(results.get(i), selection, i, audits.get(i));
            ObjectNode point = points.addObject();
            for (int c = 0; c < COLUMNS.size(); c++) {
                putCell(point, COLUMNS.get(c), cells.get(c));
            }
            ArrayNode groups = point.putArray("groups");
            List<GroupMetrics> test = results.get(i).test().groups();
            List<GroupMetrics> validation = results.get(i).validation().groups();
            for (int k = 0; k < validation.size(); k++) {
                ObjectNode group = groups.addObject().put("group", validation.get(k).group());
                Json.putFinite(group, "validation_mse", validation.get(k).mse());
                Json.putFinite(group, "test_mse", test.get(k).mse());
            }
        }
        byte[] content = Json.WRITER.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(content));
    }

    private static List<String> row(SweepResult result, SweepSelection selection, int i, Optional<GroupAudit> audit) {
        TrainingSummary summary = result.training().summary();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(result.point().label());
        cells.add(result.point().settings().objectiveSettings().describe());
        cells.add(Boolean.toString(result.point().reference()));
        cells.add(Integer.toString(summary.epochsRun()));
        cells.add(Integer.toString(summary.keptEpoch()));
        cells.add(summary.stopReason().id());
        cells.add(CsvOutput.number(result.validationMse()));
        cells.add(CsvOutput.number(result.validationGap()));
        cells.add(CsvOutput.number(result.test().overall().mse()));
        cells.add(audit.map(a -> finite(a.mseInterval().lower())).orElse(""));
        cells.add(audit.map(a -> finite(a.mseInterval().upper())).orElse(""));
        cells.add(CsvOutput.number(result.test().gap()));
        cells.add(audit.map(a -> finite(a.gapInterval().lower())).orElse(""));
        cells.add(audit.map(a -> finite(a.gapInterval().upper())).orElse(""));
        cells.add(audit.map(a -> finite(a.gapPValue())).orElse(""));
        cells.add(Boolean.toString(selection.pareto()[i]));
        cells.add(Boolean.toString(selection.selected() == i));
        return cells;
    }

    private static String finite(double value) {
        return Double.isFinite(value) ? CsvOutput.number(value) : "";
    }

    /** Writes a CSV cell into JSON with its type: boolean, number, null when empty or not finite, else text. */
    private static void putCell(ObjectNode node, String key, String cell) {
        if (cell.isEmpty()) {
            node.putNull(key);
        } else if (cell.equals("true") || cell.equals("false")) {
            node.put(key, Boolean.parseBoolean(cell));
        } else if (key.equals("label") || key.equals("objective") || key.equals("stop_reason")) {
            node.put(key, cell);
        } else {
            Json.putFinite(node, key, Double.parseDouble(cell));
        }
    }
}
