package org.fairreg.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairreg.io.ModelFile;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.FittedModel;

/**
 * A fitted fairreg model as a Spark ML {@link Model}: {@link #transform} appends a column of
 * predictions, in the target's unit, computed on the executors exactly as
 * {@link FittedModel#predict} computes them. {@link #writeModelFile} writes the standard fairreg
 * model file, which {@code fairreg evaluate}, {@code predict}, {@code export} and the report read
 * unchanged, and {@link #readModelFile} reads one, from the CLI or from Spark.
 *
 * <p>Params: {@code featuresCol} or {@code featureCols} (which columns hold the features, as for
 * {@link FairRegression}) and {@code predictionCol}. Not saved with Spark's {@code MLWriter}: the
 * model file is its persistent form. Thread-safe once its params are set.
 */
public final class FairRegressionModel extends Model<FairRegressionModel> {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final transient FittedModel model;
    private final transient List<EpochRecord> history;
    private final Param<String> featuresCol;
    private final StringArrayParam featureCols;
    private final Param<String> predictionCol;

    /**
     * @param uid the model's unique id
     * @param model the fitted model
     * @param history the epochs of its training run (empty for a model read from a file)
     */
    public FairRegressionModel(String uid, FittedModel model, List<EpochRecord> history) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.model = Objects.requireNonNull(model, "model");
        this.history = List.copyOf(history);
        this.featuresCol = new Param<>(this, "featuresCol", "the column of feature vectors, read when featureCols "
                + "is empty");
        this.featureCols = new StringArrayParam(this, "featureCols", "the numeric feature columns in the model's "
                + "input order; empty to read featuresCol");
        this.predictionCol = new Param<>(this, "predictionCol", "the prediction column to append");
        setDefault(featuresCol, "features");
        setDefault(featureCols, model.featureNames().toArray(new String[0]));
        setDefault(predictionCol, "prediction");
    }

    /**
     * Reads a fairreg model file; the model reads the features by its feature names unless
     * {@code featuresCol} is chosen with an empty {@code featureCols}.
     *
     * @param file the model file
     * @return the model
     * @throws org.fairreg.data.DataException if the file is not a valid model file
     */
    public static FairRegressionModel readModelFile(Path file) {
        return new FairRegressionModel(Identifiable$.MODULE$.randomUID("fairRegressionModel"), ModelFile.read(file),
                List.of());
    }

    /**
     * Writes the standard fairreg model file, atomically, on the driver's file system.
     *
     * @param file the file to write
     * @throws IOException if writing fails; the file is then unchanged
     */
    public void writeModelFile(Path file) throws IOException {
        ModelFile.write(model, file);
    }

    /** @return the fitted model */
    public FittedModel fittedModel() {
        return model;
    }

    /** @return the epochs of the training run, empty for a model read from a file */
    public List<EpochRecord> history() {
        return history;
    }

    /** @return the column of feature vectors, read when {@code featureCols} is empty */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** @return the numeric feature columns, in the model's input order */
    public StringArrayParam featureCols() {
        return featureCols;
    }

    /** @return the prediction column */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /**
     * @param value the column of feature vectors
     * @return this, modified
     */
    public FairRegressionModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the numeric feature columns, in the model's input order; empty to read
     *        {@code featuresCol}
     * @return this, modified
     */
    public FairRegressionModel setFeatureCols(String[] value) {
        set(featureCols, value);
        return this;
    }

    /**
     * @param value the prediction column
     * @return this, modified
     */
    public FairRegressionModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType output = transformSchema(dataset.schema());
        DataColumns columns = columns();
        List<Column> selected = new ArrayList<>();
        Arrays.stream(dataset.columns()).forEach(name -> selected.add(col("`" + name + "`")));
        selected.addAll(columns.selectFeatures());
        int kept = dataset.columns().length;
        ModelPredictor predictor = new ModelPredictor(model, columns);
        return dataset.toDF().select(selected.toArray(new Column[0]))
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
                        predictor.predict(rows, kept), Encoders.row(output));
    }

    /** The columns prediction reads; target and group are not read, so their names are placeholders. */
    private DataColumns columns() {
        String[] names = getOrDefault(featureCols);
        return names.length == 0
                ? DataColumns.ofVector(getOrDefault(featuresCol), "label", "group")
                : DataColumns.ofColumns(List.of(names), "label", "group");
    }

    @Override
    public StructType transformSchema(StructType schema) {
        String name = getOrDefault(predictionCol);
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("predictionCol must name a new column, found '" + name
                    + "', which the data has");
        }
        String[] names = getOrDefault(featureCols);
        if (names.length != 0 && names.length != model.featureNames().size()) {
            throw new IllegalArgumentException("featureCols must name the model's " + model.featureNames().size()
                    + " features, found " + names.length);
        }
        return schema.add(name, DataTypes.DoubleType, false);
    }

    @Override
    public FairRegressionModel copy(ParamMap extra) {
        FairRegressionModel copy = new FairRegressionModel(uid, model, history);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public String uid() {
        return uid;
    }
}
