package org.fairreg.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.fairreg.data.Dataset;
import org.fairreg.data.FeatureEncoding;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.GroupDefinition;
import org.fairreg.data.GroupLabels;
import org.fairreg.data.Standardization;
import org.fairreg.metrics.GroupReport;
import org.fairreg.model.BatchPredictor;
import org.fairreg.model.Network;

/**
 * A trained regressor with everything needed to predict and to know where it came from: the
 * encoding of its features from their source columns, the standardizing, the network, the group
 * definition and labels of its training data, the settings and the outcome of its run, and its
 * provenance.
 *
 * <p>The network reads encoded features ({@link #featureNames()}, such as {@code age} and
 * {@code sex=female}); to predict from a file, read its source columns with the model's
 * {@link #encoding()} ({@code CsvDataReader.readFeatures(file, model.encoding(), separator)}),
 * which rejects a category the model does not know.
 *
 * <p>Predictions are in the target's original unit. The network is read, never modified, so one
 * instance may predict from several threads at once.
 */
public final class FittedModel {

    private final FeatureEncoding encoding;
    private final String targetName;
    private final GroupDefinition groupDefinition;
    private final GroupLabels groups;
    private final Standardization standardization;
    private final Network network;
    private final TrainingSettings settings;
    private final TrainingSummary summary;
    private final Provenance provenance;

    /**
     * Creates a model of numeric features, each its own source column, with groups from one
     * column.
     *
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
     *         network's input size disagree, or a name is blank or repeated
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
        this(FeatureEncoding.numeric(featureNames), targetName, GroupDefinition.column(groupName), groups,
                standardization, network, settings, summary, provenance);
    }

    /**
     * Creates a model whose features are encoded from source columns.
     *
     * @param encoding how the features the network reads are encoded from their source columns
     * @param targetName the name of the target column
     * @param groupDefinition how the groups of the training data were made
     * @param groups the groups of the training data
     * @param standardization the transform of features and target
     * @param network the trained network; owned by the model from now on
     * @param settings the settings it was trained with
     * @param summary how its run ended
     * @param provenance where it was trained
     * @throws IllegalArgumentException if the encoding's feature count, the standardization and
     *         the network's input size disagree
     */
    public FittedModel(
            FeatureEncoding encoding,
            String targetName,
            GroupDefinition groupDefinition,
            GroupLabels groups,
            Standardization standardization,
            Network network,
            TrainingSettings settings,
            TrainingSummary summary,
            Provenance provenance) {
        int inputSize = network.architecture().inputSize();
        int featureCount = encoding.featureCount();
        if (featureCount != inputSize || standardization.featureMeans().length != inputSize) {
            throw new IllegalArgumentException("encoding, standardization and network must agree on the number "
                    + "of features, found " + featureCount + ", " + standardization.featureMeans().length
                    + " and " + inputSize);
        }
        this.encoding = encoding;
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.groupDefinition = Objects.requireNonNull(groupDefinition, "groupDefinition");
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
     * @param features a table holding at least the model's encoded features
     *        ({@link #featureNames()}), by name, in any order
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
     * Reports the model's errors on labelled data, per group of that data. The data's features
     * are brought into the model's encoding first ({@link FeatureEncoding#conform}): a category
     * the data lacks has an indicator of zeros.
     *
     * @param data labelled examples holding at least the model's source columns, each of the
     *        same kind as in the model
     * @return the report, in the target's original unit
     * @throws IllegalArgumentException if the data lacks a source column, has one of the other
     *         kind, or has a category the model does not know
     */
    public GroupReport evaluate(Dataset data) {
        FeatureTable features = encoding.conform(data.features(), data.encoding());
        return GroupReport.of(data.targets(), predict(features), data.groupCodes(), data.groups());
    }

    private FeatureTable inModelOrder(FeatureTable features) {
        List<String> featureNames = encoding.encodedNames();
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

    /** @return the encoded features the network reads, in input order */
    public List<String> featureNames() {
        return encoding.encodedNames();
    }

    /** @return how the features are encoded from their source columns */
    public FeatureEncoding encoding() {
        return encoding;
    }

    /** @return whether a group column is among the features the model reads */
    public boolean groupIsFeature() {
        for (String column : groupDefinition().columns()) {
            if (encoding().sourceNames().contains(column)) {
                return true;
            }
        }
        return false;
    }

    /** @return the name of the target column */
    public String targetName() {
        return targetName;
    }

    /** @return the name of the group, as {@link GroupDefinition#name()} gives it */
    public String groupName() {
        return groupDefinition.name();
    }

    /** @return how the groups of the training data were made from their columns */
    public GroupDefinition groupDefinition() {
        return groupDefinition;
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
