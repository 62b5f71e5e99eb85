package org.fairreg.onnx;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import org.fairreg.data.FeatureEncoding;
import org.fairreg.data.FeatureTable;

/**
 * Runs an exported graph in ONNX Runtime on the rows of a feature table, feeding each source
 * column to its input: a numeric column's values, and for a categorical column the text of the
 * category whose indicator is 1.
 */
final class OnnxRunner implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    /**
     * Loads the graph; ONNX Runtime checks its types and shapes while it does.
     *
     * @param model the exported model
     * @throws OrtException if ONNX Runtime refuses the graph
     */
    OnnxRunner(ModelProto model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // The tests that expect a failure would otherwise have ONNX Runtime log it to stderr.
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            this.session = environment.createSession(model.toByteArray(), options);
        }
    }

    OrtSession session() {
        return session;
    }

    /**
     * @param features the encoded features of the rows, in {@code encoding}'s order
     * @param encoding the model's encoding
     * @return the graph's prediction of every row
     * @throws OrtException if ONNX Runtime fails to run the graph
     */
    double[] predict(FeatureTable features, FeatureEncoding encoding) throws OrtException {
        return run(inputs(features, encoding), features.rowCount());
    }

    /**
     * @param columns each source column's cells by name: {@code float[]} or {@code String[]}
     * @param rows the number of rows
     * @return the graph's prediction of every row
     * @throws OrtException if ONNX Runtime fails to run the graph
     */
    double[] run(Map<String, Object> columns, int rows) throws OrtException {
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        long[] shape = {rows, 1};
        try {
            for (Map.Entry<String, Object> column : columns.entrySet()) {
                Object cells = column.getValue();
                OnnxTensor tensor = cells instanceof String[]
                        ? OnnxTensor.createTensor(environment, (String[]) cells, shape)
                        : OnnxTensor.createTensor(environment, FloatBuffer.wrap((float[]) cells), shape);
                tensors.put(column.getKey(), tensor);
            }
            try (OrtSession.Result result = session.run(tensors)) {
                double[][] predictions = (double[][]) result.get(PredictorGraph.OUTPUT).orElseThrow().getValue();
                double[] flat = new double[rows];
                for (int e = 0; e < rows; e++) {
                    flat[e] = predictions[e][0];
                }
                return flat;
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    static Map<String, Object> inputs(FeatureTable features, FeatureEncoding encoding) {
        Map<String, Object> columns = new LinkedHashMap<>();
        int feature = 0;
        for (FeatureEncoding.Column column : encoding.columns()) {
            if (column.isCategorical()) {
                columns.put(column.name(), categoryCells(features, feature, column));
            } else {
                columns.put(column.name(), features.column(feature));
            }
            feature += column.width();
        }
        return columns;
    }

    private static String[] categoryCells(FeatureTable features, int firstIndicator, FeatureEncoding.Column column) {
        String[] cells = new String[features.rowCount()];
        for (int c = 0; c < column.width(); c++) {
            float[] indicator = features.column(firstIndicator + c);
            for (int e = 0; e < cells.length; e++) {
                if (indicator[e] == 1f) {
                    cells[e] = column.categories().get(c);
                }
            }
        }
        return cells;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
