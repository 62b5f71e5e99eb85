package org.fairreg.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fairreg.data.Dataset;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.GroupLabels;
import org.fairreg.data.Standardization;
import org.fairreg.metrics.GroupReport;
import org.fairreg.model.BatchPredictor;
import org.fairreg.model.Network;

/**
 * A trained regressor with everything needed to predict and to know where it came from: feature
 * names, the standardizing, the network, the group labels of its training data, the settings and
 * the outcome of its run, and its provenance.
 *
 * <p>Predictions are in the target's original unit. The network is read, never modified, so one
 * instance may predict from several threads at once.
 */
public final class FittedModel {

    private final List<String> featureNames;
    private final String targetName;
    private final String groupName;
    private final GroupLabels groups;
    private final Standardization standardization;
    private final Network network;
    private final TrainingSettings settings;
    private final TrainingSummary summary;
    private final Provenance provenance;

    /**
     * @param featureNames the features the network reads, in input order
     * @param targetName the name of the target column
     * @param groupName the name of the group column
     * @param groups the groups of the training data
     * @param standardization the transform of features and target
     * @param network the trained network; owned by the model from now on
     * @param settings the settings it was trained with
     * @param summary how its run ended
     * @param provenance where it was trained
     * @throws IllegalArgumentException if the feature count, the standardization and the
     *         network's input size disagree
     */
    public FittedModel(
            List<String> featureNames,
            String targetName,
            String groupName,
            GroupLabels groups,
            Standardization standardization,
            Network network,
            TrainingSettings settings,
            TrainingSummary summary,
            Provenance provenance) {
        int inputSize = network.architecture().inputSize();
        if (featureNames.size() != inputSize || standardization.featureMeans().length != inputSize) {
            throw new IllegalArgumentException("featureNames, standardization and network must agree on the number "
                    + "of features, found " + featureNames.size() + ", " + standardization.featureMeans().length
                    + " and " + inputSize);
        }
        this.featureNames = List.copyOf(featureNames);
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.groupName = Objects.requireNonNull(groupName, "groupName");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.standardization = standardization;
        this.network = network;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Predicts the target of every example.
     *
     * @param features a table holding at least the model's features, by name, in any order
     * @return one prediction per example, in the target's original unit
     * @throws IllegalArgumentException naming the missing features if the table lacks some
     */
    public double[] predict(FeatureTable features) {
        FeatureTable ordered = inModelOrder(features);
        float[] scaled = new BatchPredictor(network, BatchPredictor.DEFAULT_CHUNK_SIZE)
                .predict(standardization.applyToFeatures(ordered));
        double[] predictions = new double[scaled.length];
        for (int e = 0; e < scaled.length; e++) {
            predictions[e] = standardization.restoreTarget(scaled[e]);
        }
        return predictions;
    }

    /**
     * Reports the model's errors on labelled data, per group of that data.
     *
     * @param data labelled examples holding at least the model's features
     * @return the report, in the target's original unit
     * @throws IllegalArgumentException naming the missing features if the data lacks some
     */
    public GroupReport evaluate(Dataset data) {
        return GroupReport.of(data.targets(), predict(data.features()), data.groupCodes(), data.groups());
    }

    private FeatureTable inModelOrder(FeatureTable features) {
        if (features.names().equals(featureNames)) {
            return features;
        }
        List<String> missing = new ArrayList<>(featureNames);
        missing.removeAll(features.names());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("features must include every feature the model was trained on, "
                    + "missing " + missing);
        }
        float[][] columns = new float[featureNames.size()][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = features.column(features.names().indexOf(featureNames.get(f)));
        }
        return new FeatureTable(featureNames, columns);
    }

    /** @return the features the network reads, in input order */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return the name of the target column */
    public String targetName() {
        return targetName;
    }

    /** @return the name of the group column */
    public String groupName() {
        return groupName;
    }

    /** @return the groups of the training data */
    public GroupLabels groups() {
        return groups;
    }

    /** @return the transform of features and target */
    public Standardization standardization() {
        return standardization;
    }

    /** @return the network; not to be modified */
    public Network network() {
        return network;
    }

    /** @return the settings it was trained with */
    public TrainingSettings settings() {
        return settings;
    }

    /** @return how its run ended */
    public TrainingSummary summary() {
        return summary;
    }

    /** @return where it was trained */
    public Provenance provenance() {
        return provenance;
    }
}
