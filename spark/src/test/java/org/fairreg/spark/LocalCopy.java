package org.fairreg.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.GroupLabels;

/** The rows of {@link LocalSpark#rows}, collected into the core's dataset for the local trainer. */
final class LocalCopy {

    private LocalCopy() {
    }

    static org.fairreg.data.Dataset of(Dataset<Row> rows) {
        List<Row> collected = rows.collectAsList();
        int featureCount = LocalSpark.FEATURES.size();
        float[][] columns = new float[featureCount][collected.size()];
        double[] targets = new double[collected.size()];
        List<String> labels = new ArrayList<>();
        for (Row row : collected) {
            labels.add(row.getString(featureCount + 1));
        }
        GroupLabels groups = GroupLabels.of(labels);
        int[] codes = new int[collected.size()];
        for (int e = 0; e < collected.size(); e++) {
            Row row = collected.get(e);
            for (int f = 0; f < featureCount; f++) {
                columns[f][e] = (float) row.getDouble(f);
            }
            targets[e] = row.getDouble(featureCount);
            codes[e] = groups.codeOf(labels.get(e)).orElseThrow();
        }
        return new org.fairreg.data.Dataset(new FeatureTable(LocalSpark.FEATURES, columns), "y", targets, "group",
                codes, groups);
    }
}
