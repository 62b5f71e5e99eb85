package org.fairreg.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.fairreg.data.GroupLabels;
import org.fairreg.data.Standardization;

/**
 * The training and validation examples of a run, read once from their datasets, standardized
 * with the transform measured on the training examples, and cached on the executors as
 * {@link ExampleBlock}s until {@link #close}.
 *
 * @param featureNames the features, in input order
 * @param groups the groups of the training examples, in code order
 * @param standardization the transform measured on the training examples
 * @param train the training blocks, cached
 * @param validation the validation blocks, cached
 */
record TrainingData(List<String> featureNames, GroupLabels groups, Standardization standardization,
        JavaRDD<ExampleBlock> train, JavaRDD<ExampleBlock> validation) implements AutoCloseable {

    /**
     * Reads, measures, standardizes and caches the examples.
     *
     * @param train the training rows
     * @param validation the validation rows, with the same columns
     * @param columns which columns hold features, target and group
     * @param standardizeFeatures whether to standardize the features
     * @param standardizeTarget whether to standardize the target
     * @return the data
     * @throws IllegalArgumentException if the training rows have no group value, or (while the
     *         blocks are computed, wrapped by Spark) a value is missing or a validation group is
     *         not a training group
     */
    static TrainingData read(Dataset<Row> train, Dataset<Row> validation, DataColumns columns,
            boolean standardizeFeatures, boolean standardizeTarget) {
        Dataset<Row> selectedTrain = columns.select(train, true);
        Dataset<Row> selectedValidation = columns.select(validation, true);
        int featureCount = columns.featureCount(selectedTrain);
        List<String> featureNames = columns.featureNames(selectedTrain.schema(), featureCount);
        GroupLabels groups = groupsOf(selectedTrain, columns);
        Map<String, Integer> codes = new HashMap<>();
        for (int k = 0; k < groups.size(); k++) {
            codes.put(groups.label(k), k);
        }

        JavaRDD<RawBlock> rawTrain = ExampleBlocks.pack(selectedTrain.javaRDD(), columns, codes, featureCount)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Standardization standardization =
                    StandardizationPass.fit(rawTrain, featureCount, standardizeFeatures, standardizeTarget);
            JavaRDD<ExampleBlock> trainBlocks = cache(ExampleBlocks.standardize(rawTrain, standardization));
            JavaRDD<ExampleBlock> validationBlocks = cache(ExampleBlocks.standardize(
                    ExampleBlocks.pack(selectedValidation.javaRDD(), columns, codes, featureCount), standardization));
            return new TrainingData(featureNames, groups, standardization, trainBlocks, validationBlocks);
        } finally {
            rawTrain.unpersist(false);
        }
    }

    private static GroupLabels groupsOf(Dataset<Row> selected, DataColumns columns) {
        List<String> labels = new ArrayList<>();
        for (Row row : selected.select(columns.groupCol()).distinct().collectAsList()) {
            if (row.isNullAt(0)) {
                throw new IllegalArgumentException("column '" + columns.groupCol()
                        + "' must have a value in every row, found null");
            }
            labels.add(row.getString(0));
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("the training data must hold examples, found none");
        }
        return GroupLabels.of(labels);
    }

    /** Caches blocks and computes them now, so that a bad row fails here rather than mid-run. */
    private static JavaRDD<ExampleBlock> cache(JavaRDD<ExampleBlock> blocks) {
        JavaRDD<ExampleBlock> cached = blocks.persist(StorageLevel.MEMORY_AND_DISK());
        cached.count();
        return cached;
    }

    /** Drops the cached blocks. */
    @Override
    public void close() {
        train.unpersist(false);
        validation.unpersist(false);
    }
}
