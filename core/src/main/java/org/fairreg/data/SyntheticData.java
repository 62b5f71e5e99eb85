package org.fairreg.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated regression data in the layout of the recipe's files: features {@code x0 .. x<f-1>},
 * target {@code y} and group {@code g}, all in {@code double} except the group code. The
 * generators implement it, so that turning their output into a {@link Dataset} or a CSV file is
 * written once.
 */
public interface SyntheticData {

    /** The name of the target column. */
    String TARGET_NAME = "y";

    /** The name of the group column. */
    String GROUP_NAME = "g";

    /** The prefix of the feature names, followed by the feature's index. */
    String FEATURE_PREFIX = "x";

    /** @return a copy of the features by column: {@code features()[f][e]} is feature {@code f} of example {@code e} */
    double[][] features();

    /** @return a copy of the targets, one per example */
    double[] targets();

    /** @return a copy of the group codes, one per example, each in {@code [0, groupCount())} */
    int[] groups();

    /** @return the number of groups; some may have no example */
    int groupCount();

    /**
     * Turns the data into a dataset: features rounded to {@code float}, groups labelled
     * {@code "0" .. "<groupCount-1>"} so that codes equal their labels' values.
     *
     * @return a new dataset holding its own copies of the values
     */
    default Dataset toDataset() {
        double[][] features = features();
        List<String> names = new ArrayList<>(features.length);
        float[][] columns = new float[features.length][];
        for (int f = 0; f < features.length; f++) {
            names.add(FEATURE_PREFIX + f);
            double[] source = features[f];
            float[] column = new float[source.length];
            for (int e = 0; e < source.length; e++) {
                column[e] = (float) source[e];
            }
            columns[f] = column;
        }
        List<String> labels = new ArrayList<>(groupCount());
        for (int k = 0; k < groupCount(); k++) {
            labels.add(Integer.toString(k));
        }
        return new Dataset(new FeatureTable(names, columns), TARGET_NAME, targets(), GROUP_NAME, groups(),
                GroupLabels.inOrder(labels));
    }
}
