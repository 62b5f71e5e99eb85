package org.fairreg.io;

import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.GapForm;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.objective.ObjectiveSettings;
import org.fairreg.optim.OptimizerKind;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.Batching;
import org.fairreg.train.Provenance;
import org.fairreg.train.StopReason;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.TrainingSummary;
import org.fairreg.train.ValidationLoss;

/**
 * The JSON form of training settings, run summaries and provenance, shared by the model file and
 * the report so that both carry the same record of how a model was made.
 */
final class SettingsJson {

    private SettingsJson() {
    }

    static ObjectNode write(TrainingSettings settings) {
        ObjectNode node = Json.object();
        ArrayNode hidden = node.putArray("hidden_sizes");
        for (int size : settings.hiddenSizes()) {
            hidden.add(size);
        }
        node.put("activation", settings.activation().id());
        ObjectiveSettings objective = settings.objectiveSettings();
        node.put("objective", objective.kind().id());
        node.put("lambda", objective.lambda());
        node.put("gap_measure", objective.measure().id());
        node.put("gap_form", objective.gapForm().id());
        node.put("epsilon", objective.epsilon().toString());
        node.put("multiplier_rate", objective.multiplierRate());
        node.put("optimizer", settings.optimizer().id());
        node.put("learning_rate", settings.learningRate());
        node.put("momentum", settings.momentum());
        node.put("weight_decay", settings.weightDecay());
        node.put("batch_size", settings.batchSize());
        node.put("batching", settings.batching().id());
        node.put("gap_estimate", settings.gapEstimate().id());
        node.put("max_epochs", settings.maxEpochs());
        node.put("patience", settings.patience());
        node.put("restore_best", settings.restoreBest());
        node.put("validation_loss", settings.validationLoss().id());
        node.put("standardize_features", settings.standardizeFeatures());
        node.put("standardize_target", settings.standardizeTarget());
        node.put("seed", settings.seed());
        return node;
    }

    static TrainingSettings read(JsonFields fields, JsonNode node, String path) {
        Setting setting = new Setting(fields, path);
        TrainingSettings s = TrainingSettings.defaults();
        s = setting.apply("hidden_sizes", s, (d, k) -> d.withHiddenSizes(
                fields.integers(node, path, k, 1, Architecture.MAX_LAYER_SIZE)));
        s = setting.apply("activation", s, (d, k) -> d.withActivation(Activation.fromId(fields.text(node, path, k))));
        s = setting.apply("objective", s, (d, k) -> d.withObjective(ObjectiveKind.fromId(fields.text(node, path, k))));
        s = setting.apply("lambda", s, (d, k) -> d.withLambda(fields.number(node, path, k)));
        s = setting.apply("gap_measure", s, (d, k) -> d.withObjectiveSettings(
                d.objectiveSettings().withMeasure(GapMeasure.fromId(fields.text(node, path, k)))));
        s = setting.apply("gap_form", s, (d, k) -> d.withObjectiveSettings(
                d.objectiveSettings().withGapForm(GapForm.fromId(fields.text(node, path, k)))));
        s = setting.apply("epsilon", s, (d, k) -> d.withObjectiveSettings(
                d.objectiveSettings().withEpsilon(Epsilon.parse(fields.text(node, path, k)))));
        s = setting.apply("multiplier_rate", s, (d, k) -> d.withObjectiveSettings(
                d.objectiveSettings().withMultiplierRate(fields.number(node, path, k))));
        s = setting.apply("optimizer", s, (d, k) -> d.withOptimizer(OptimizerKind.fromId(fields.text(node, path, k))));
        s = setting.apply("learning_rate", s, (d, k) -> d.withLearningRate(fields.number(node, path, k)));
        s = setting.apply("momentum", s, (d, k) -> d.withMomentum(fields.number(node, path, k)));
        s = setting.apply("weight_decay", s, (d, k) -> d.withWeightDecay(fields.number(node, path, k)));
        s = setting.apply("batching", s, (d, k) -> d.withBatching(Batching.fromId(fields.text(node, path, k))));
        s = setting.apply("gap_estimate", s, (d, k) -> d.withGapEstimate(
                GapEstimate.fromId(fields.text(node, path, k))));
        s = setting.apply("batch_size", s, (d, k) -> d.withBatchSize(
                (int) fields.integer(node, path, k, 1, TrainingSettings.MAX_BATCH_SIZE)));
        s = setting.apply("max_epochs", s, (d, k) -> d.withMaxEpochs(
                (int) fields.integer(node, path, k, 1, Integer.MAX_VALUE)));
        s = setting.apply("patience", s, (d, k) -> d.withPatience(
                (int) fields.integer(node, path, k, 0, Integer.MAX_VALUE)));
        s = setting.apply("restore_best", s, (d, k) -> d.withRestoreBest(fields.bool(node, path, k)));
        s = setting.apply("validation_loss", s, (d, k) -> d.withValidationLoss(
                ValidationLoss.fromId(fields.text(node, path, k))));
        s = setting.apply("standardize_features", s, (d, k) -> d.withStandardizeFeatures(fields.bool(node, path, k)));
        s = setting.apply("standardize_target", s, (d, k) -> d.withStandardizeTarget(fields.bool(node, path, k)));
        return setting.apply("seed", s, (d, k) -> d.withSeed(fields.integer(node, path, k, 0, LegacyRandom.MAX_SEED)));
    }

    /** Applies one field to the settings, naming that field if its value is refused. */
    private static final class Setting {
        private final JsonFields fields;
        private final String path;

        Setting(JsonFields fields, String path) {
            this.fields = fields;
            this.path = path;
        }

        TrainingSettings apply(String key, TrainingSettings settings,
                BiFunction<TrainingSettings, String, TrainingSettings> change) {
            try {
                return change.apply(settings, key);
            } catch (IllegalArgumentException invalid) {
                throw fields.error(JsonFields.join(path, key), "is not valid: " + invalid.getMessage());
            }
        }
    }

    static ObjectNode write(TrainingSummary summary) {
        ObjectNode node = Json.object();
        node.put("epochs_run", summary.epochsRun());
        node.put("best_epoch", summary.bestEpoch());
        node.put("kept_epoch", summary.keptEpoch());
        Json.putFinite(node, "best_validation_objective", summary.bestValidationObjective());
        node.put("stop_reason", summary.stopReason().id());
        return node;
    }

    static TrainingSummary readSummary(JsonFields fields, JsonNode node, String path) {
        int epochsRun = (int) fields.integer(node, path, "epochs_run", 0, Integer.MAX_VALUE);
        int bestEpoch = (int) fields.integer(node, path, "best_epoch", 0, epochsRun);
        int keptEpoch = (int) fields.integer(node, path, "kept_epoch", 0, epochsRun);
        double best = fields.number(node, path, "best_validation_objective", Double.POSITIVE_INFINITY);
        StopReason reason;
        try {
            reason = StopReason.fromId(fields.text(node, path, "stop_reason"));
        } catch (IllegalArgumentException unknown) {
            throw fields.error(JsonFields.join(path, "stop_reason"), "is not valid: " + unknown.getMessage());
        }
        return new TrainingSummary(epochsRun, bestEpoch, keptEpoch, best, reason);
    }

    static ObjectNode write(Provenance provenance) {
        ObjectNode node = Json.object();
        node.put("tool_version", provenance.toolVersion());
        node.put("java_version", provenance.javaVersion());
        node.put("os", provenance.os());
        node.put("arch", provenance.arch());
        node.put("kernels", provenance.kernels());
        return node;
    }

    static Provenance readProvenance(JsonFields fields, JsonNode node, String path) {
        return new Provenance(fields.text(node, path, "tool_version"), fields.text(node, path, "java_version"),
                fields.text(node, path, "os"), fields.text(node, path, "arch"), fields.text(node, path, "kernels"));
    }
}
