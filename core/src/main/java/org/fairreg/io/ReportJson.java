package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.AuditedGroup;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;
import org.fairreg.metrics.Interval;
import org.fairreg.train.FittedModel;
import org.fairreg.train.TrainingSummary;

/**
 * Writes a per-group report as JSON. Top-level keys: {@code data} (what was evaluated),
 * {@code group_is_feature} (whether the model reads the group),
 * {@code overall} and {@code groups} (a list in group order; each entry has {@code group},
 * {@code n}, {@code mse}, {@code rmse}, {@code mae}, {@code bias}, {@code r2}), {@code gap}, the
 * run's {@code epochs_run}, {@code best_epoch}, {@code kept_epoch} and {@code stop_reason}, and
 * the model's {@code training} settings and {@code provenance}. An undefined figure (R^2 of
 * examples whose targets have no spread) is {@code null}.
 *
 * <p>With a {@link GroupAudit}, {@code overall} and each group entry also have {@code mse_interval}
 * ({@code [lower, upper]}) and {@code small_group} (true or false), and after {@code gap} come
 * {@code gap_interval} ({@code [lower, upper]}), {@code ratio_max_min}, {@code gap_noise_floor},
 * {@code gap_p_value}, {@code gap_within_noise} (true or false) and {@code audit_settings}
 * ({@code level}, {@code resamples}, {@code permutations}, {@code seed}, {@code min_group_rows}).
 * An interval or figure that could not be computed (a residual that is not finite) is
 * {@code null}, and so is {@code gap_within_noise} then. Without an audit the file is exactly as
 * before the audit existed. docs/audit.md describes every figure.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * Writes a report without an audit.
     *
     * @param report the figures
     * @param model the model evaluated
     * @param data a description of the data evaluated, such as a file name and split
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(GroupReport report, FittedModel model, String data, Path file) throws IOException {
        write(report, Optional.empty(), model, data, file);
    }

    /**
     * Writes a report and, if there is one, its audit.
     *
     * @param report the figures
     * @param audit the audit of the same predictions, or empty when it was skipped
     * @param model the model evaluated
     * @param data a description of the data evaluated, such as a file name and split
     * @param file the file to write atomically
     * @throws IOException if writing fails; the file is then unchanged
     * @throws IllegalArgumentException if the audit's groups are not the report's, in the same
     *         order
     */
    public static void write(
            GroupReport report,
            Optional<GroupAudit> audit,
            FittedModel model,
            String data,
            Path file) throws IOException {
        byte[] content = Json.WRITER.writeValueAsBytes(toJson(report, audit, model, data));
        AtomicFiles.write(file, out -> out.write(content));
    }

    static ObjectNode toJson(GroupReport report, Optional<GroupAudit> audit, FittedModel model, String data) {
        audit.ifPresent(a -> checkSameGroups(report, a));
        ObjectNode root = Json.object();
        root.put("data", data);
        root.put("group_is_feature", model.groupIsFeature());
        ObjectNode overall = metrics(report.overall(), false);
        audit.ifPresent(a -> interval(overall, "mse_interval", a.mseInterval()));
        root.set("overall", overall);
        ArrayNode groups = root.putArray("groups");
        for (int k = 0; k < report.groups().size(); k++) {
            ObjectNode group = metrics(report.groups().get(k), true);
            if (audit.isPresent()) {
                AuditedGroup audited = audit.get().groups().get(k);
                interval(group, "mse_interval", audited.mseInterval());
                group.put("small_group", audited.smallGroup());
            }
            groups.add(group);
        }
        Json.putFinite(root, "gap", report.gap());
        audit.ifPresent(a -> gapFigures(root, a));
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

    private static void gapFigures(ObjectNode root, GroupAudit audit) {
        interval(root, "gap_interval", audit.gapInterval());
        Json.putFinite(root, "ratio_max_min", audit.ratioMaxMin());
        Json.putFinite(root, "gap_noise_floor", audit.gapNoiseFloor());
        Json.putFinite(root, "gap_p_value", audit.gapPValue());
        if (Double.isNaN(audit.gapPValue())) {
            root.putNull("gap_within_noise");
        } else {
            root.put("gap_within_noise", audit.gapWithinNoise());
        }
        AuditSettings settings = audit.settings();
        ObjectNode node = root.putObject("audit_settings");
        node.put("level", settings.level());
        node.put("resamples", settings.resamples());
        node.put("permutations", settings.permutations());
        node.put("seed", settings.seed());
        node.put("min_group_rows", settings.minGroupRows());
    }

    /** Puts {@code [lower, upper]}, or null unless both bounds are finite (JSON has no infinity). */
    private static void interval(ObjectNode node, String key, Interval interval) {
        if (interval.isFinite()) {
            ArrayNode bounds = node.putArray(key);
            bounds.add(interval.lower());
            bounds.add(interval.upper());
        } else {
            node.putNull(key);
        }
    }

    private static void checkSameGroups(GroupReport report, GroupAudit audit) {
        boolean same = report.groups().size() == audit.groups().size();
        for (int k = 0; same && k < report.groups().size(); k++) {
            same = report.groups().get(k).group().equals(audit.groups().get(k).group());
        }
        if (!same) {
            throw new IllegalArgumentException("audit must cover the report's groups in the same order, found "
                    + report.groups().stream().map(GroupMetrics::group).toList() + " and "
                    + audit.groups().stream().map(AuditedGroup::group).toList());
        }
    }
}
