package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;
import org.fairreg.train.FittedModel;
import org.fairreg.train.TrainingSummary;

/**
 * Writes a per-group report as JSON. Top-level keys: {@code data} (what was evaluated),
 * {@code overall} and {@code groups} (a list in group order; each entry has {@code group},
 * {@code n}, {@code mse}, {@code rmse}, {@code mae}, {@code bias}, {@code r2}), {@code gap}, the
 * run's {@code epochs_run}, {@code best_epoch}, {@code kept_epoch} and {@code stop_reason}, and
 * the model's {@code training} settings and {@code provenance}. An undefined figure (R^2 of
 * examples whose targets have no spread) is {@code null}.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * @param report the figures
     * @param model the model evaluated
     * @param data a description of the data evaluated, such as a file name and split
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(GroupReport report, FittedModel model, String data, Path file) throws IOException {
        byte[] content = Json.WRITER.writeValueAsBytes(toJson(report, model, data));
        AtomicFiles.write(file, out -> out.write(content));
    }

    static ObjectNode toJson(GroupReport report, FittedModel model, String data) {
        ObjectNode root = Json.object();
        root.put("data", data);
        root.set("overall", metrics(report.overall(), false));
        ArrayNode groups = root.putArray("groups");
        for (GroupMetrics group : report.groups()) {
            groups.add(metrics(group, true));
        }
        Json.putFinite(root, "gap", report.gap());
        TrainingSummary summary = model.summary();
        root.put("epochs_run", summary.epochsRun());
        root.put("best_epoch", summary.bestEpoch());
        root.put("kept_epoch", summary.keptEpoch());
        root.put("stop_reason", summary.stopReason().id());
        root.set("training", SettingsJson.write(model.settings()));
        root.set("provenance", SettingsJson.write(model.provenance()));
        return root;
    }

    private static ObjectNode metrics(GroupMetrics metrics, boolean withLabel) {
        ObjectNode node = Json.object();
        if (withLabel) {
            node.put("group", metrics.group());
        }
        node.put("n", metrics.n());
        Json.putFinite(node, "mse", metrics.mse());
        Json.putFinite(node, "rmse", metrics.rmse());
        Json.putFinite(node, "mae", metrics.mae());
        Json.putFinite(node, "bias", metrics.bias());
        Json.putFinite(node, "r2", metrics.r2());
        return node;
    }
}
