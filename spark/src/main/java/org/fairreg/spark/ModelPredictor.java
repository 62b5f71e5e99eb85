package org.fairreg.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairreg.data.Standardization;
import org.fairreg.model.Network;
import org.fairreg.model.Workspace;
import org.fairreg.train.FittedModel;

/**
 * A fitted model's prediction, shipped to the executors: the network's shape and parameters and
 * the standardizing, applied in the order and precision of {@link FittedModel#predict}, so that a
 * prediction here equals the local one. Rows are predicted in chunks of
 * {@link ExampleBlocks#BLOCK_ROWS}. Immutable; each partition builds its own network.
 */
final class ModelPredictor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final NetworkWeights weights;
    private final double[] featureMeans;
    private final double[] featureScales;
    private final double targetMean;
    private final double targetScale;
    private final DataColumns columns;

    ModelPredictor(FittedModel model, DataColumns columns) {
        this.weights = NetworkWeights.of(model.network());
        Standardization standardization = model.standardization();
        this.featureMeans = standardization.featureMeans();
        this.featureScales = standardization.featureScales();
        this.targetMean = standardization.targetMean();
        this.targetScale = standardization.targetScale();
        this.columns = columns;
    }

    /**
     * Appends a prediction to each row.
     *
     * @param rows rows whose first {@code keptFields} fields are kept and whose features, as
     *        {@link DataColumns#selectFeatures} selects them, follow
     * @param keptFields the number of fields to keep
     * @return the kept fields of each row and its prediction, in the target's unit, as a double
     */
    Iterator<Row> predict(Iterator<Row> rows, int keptFields) {
        Network network = weights.toNetwork();
        Workspace workspace = network.newWorkspace(ExampleBlocks.BLOCK_ROWS);
        float[][] input = new float[ExampleBlocks.BLOCK_ROWS][featureMeans.length];
        List<Row> chunk = new ArrayList<>(ExampleBlocks.BLOCK_ROWS);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == chunk.size()) {
                    fill();
                }
                return next < chunk.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.get(next++);
            }

            private void fill() {
                chunk.clear();
                next = 0;
                List<Row> source = new ArrayList<>(ExampleBlocks.BLOCK_ROWS);
                while (rows.hasNext() && source.size() < ExampleBlocks.BLOCK_ROWS) {
                    Row row = rows.next();
                    float[] features = input[source.size()];
                    columns.readFeatures(row, keptFields, features);
                    for (int f = 0; f < features.length; f++) {
                        features[f] = (float) ((features[f] - featureMeans[f]) / featureScales[f]);
                    }
                    source.add(row);
                }
                if (source.isEmpty()) {
                    return;
                }
                float[] predictions = network.forward(input, source.size(), workspace);
                for (int b = 0; b < source.size(); b++) {
                    Object[] values = new Object[keptFields + 1];
                    for (int i = 0; i < keptFields; i++) {
                        values[i] = source.get(b).get(i);
                    }
                    values[keptFields] = predictions[b] * targetScale + targetMean;
                    chunk.add(RowFactory.create(values));
                }
            }
        };
    }
}
