package org.fairreg.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.objective.ObjectiveSettings;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;

/**
 * A Spark ML {@link Estimator} that trains a fairreg model with the {@link SparkTrainer}, for use
 * on its own or as a stage of a {@code Pipeline}. Named as Spark's own pairs are
 * ({@code LinearRegression}, {@code LinearRegressionModel}), and so apart from the local
 * library's {@code org.fairreg.FairRegressor}.
 *
 * <p>Params, with the core's defaults: {@code featuresCol} ("features", a vector column) or
 * {@code featureCols} (numeric columns; when not empty they are read instead), {@code labelCol}
 * ("label"), {@code groupCol} ("group"), {@code predictionCol} ("prediction", passed to the
 * model); {@code objective} ("penalized"; also "mse", "gap", "constrained"), {@code lambda} (1),
 * {@code epsilon} ("5%", or an amount in the target's unit squared), {@code gapMeasure} ("range",
 * "variance", "pairwise"), {@code hiddenSizes} ([64, 64]), {@code learningRate} (1e-3, Adam),
 * {@code maxEpochs} (500), {@code patience} (10), {@code batchFraction} (1, a full pass per
 * step), {@code validationFraction} (0.2, split off at random with {@code seed}) and
 * {@code seed} (42). Everything else takes {@link TrainingSettings#defaults()}.
 */
public final class FairRegression extends Estimator<FairRegressionModel> {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> featuresCol;
    private final StringArrayParam featureCols;
    private final Param<String> labelCol;
    private final Param<String> groupCol;
    private final Param<String> predictionCol;
    private final Param<String> objective;
    private final DoubleParam lambda;
    private final Param<String> epsilon;
    private final Param<String> gapMeasure;
    private final IntArrayParam hiddenSizes;
    private final DoubleParam learningRate;
    private final IntParam maxEpochs;
    private final IntParam patience;
    private final DoubleParam batchFraction;
    private final DoubleParam validationFraction;
    private final LongParam seed;

    /** Creates an estimator with a random uid and the defaults. */
    public FairRegression() {
        this(Identifiable$.MODULE$.randomUID("fairRegression"));
    }

    /**
     * @param uid the estimator's unique id
     */
    public FairRegression(String uid) {
        this.uid = uid;
        this.featuresCol = new Param<>(this, "featuresCol", "the column of feature vectors, "
            + "read when featureCols is empty");
        this.featureCols = new StringArrayParam(this, "featureCols", "numeric feature "
            + "columns in input order; empty to read featuresCol");
        this.labelCol = new Param<>(this, "labelCol", "the numeric target column");
        this.groupCol = new Param<>(this, "groupCol", "the group column, any type");
        this.predictionCol = new Param<>(this, "predictionCol", "the prediction column");
        this.objective = new Param<>(this, "objective", "penalized, constrained, mse or gap");
        this.lambda = new DoubleParam(this, "lambda", "weight of the gap penalty, at least 0");
        this.epsilon = new Param<>(this, "epsilon", "allowed gap of constrained: an amount in "
            + "the target's unit squared, or a percentage of the MSE such as 5%");
        this.gapMeasure = new Param<>(this, "gapMeasure", "range, variance or pairwise");
        this.hiddenSizes = new IntArrayParam(this, "hiddenSizes", "hidden layer widths, input "
            + "side first; empty for a linear model");
        this.learningRate = new DoubleParam(this, "learningRate", "Adam's learning rate");
        this.maxEpochs = new IntParam(this, "maxEpochs", "the largest number of epochs");
        this.patience = new IntParam(this, "patience", "epochs without improvement that stop");
        this.batchFraction = new DoubleParam(this, "batchFraction", "probability that a step "
            + "trains on an example, in (0, 1]; 1 is a full pass");
        this.validationFraction = new DoubleParam(this, "validationFraction", "share of the rows "
            + "held out for validation and early stopping, in (0, 1)");
        this.seed = new LongParam(this, "seed", "seed of the initial weights, samples and split");
        TrainingSettings defaults = TrainingSettings.defaults();
        ObjectiveSettings objectiveDefaults = defaults.objectiveSettings();
        setDefault(featuresCol, "features");
        setDefault(featureCols, new String[0]);
        setDefault(labelCol, "label");
        setDefault(groupCol, "group");
        setDefault(predictionCol, "prediction");
        setDefault(objective, objectiveDefaults.kind().id());
        setDefault(lambda, objectiveDefaults.lambda());
        setDefault(epsilon, objectiveDefaults.epsilon().toString());
        setDefault(gapMeasure, objectiveDefaults.measure().id());
        setDefault(hiddenSizes, defaults.hiddenSizes());
        setDefault(learningRate, defaults.learningRate());
        setDefault(maxEpochs, defaults.maxEpochs());
        setDefault(patience, defaults.patience());
        setDefault(batchFraction, 1.0);
        setDefault(validationFraction, 0.2);
        setDefault(seed, defaults.seed());
    }

    @Override
    public FairRegressionModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        double held = (double) getOrDefault(validationFraction);
        if (!(held > 0.0 && held < 1.0)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), found " + held);
        }
        long runSeed = (long) getOrDefault(seed);
        Dataset<Row>[] parts = dataset.toDF().randomSplit(new double[] {1.0 - held, held}, runSeed);
        TrainingResult result = new SparkTrainer(settings(), (double) getOrDefault(batchFraction))
                .fit(parts[0], parts[1], columns());
        FairRegressionModel model = new FairRegressionModel(uid, result.model(), result.history());
        model.setPredictionCol(getOrDefault(predictionCol));
        String[] names = getOrDefault(featureCols);
        model.setFeatureCols(names);
        model.setFeaturesCol(getOrDefault(featuresCol));
        return model.setParent(this);
    }

    /**
     * @return the training settings the params make
     * @throws IllegalArgumentException if a param's value is not accepted, naming it
     */
    public TrainingSettings settings() {
        ObjectiveSettings objectiveSettings = ObjectiveSettings.defaults()
                .withKind(ObjectiveKind.fromId(getOrDefault(objective)))
                .withLambda((double) getOrDefault(lambda))
                .withEpsilon(Epsilon.parse(getOrDefault(epsilon)))
                .withMeasure(GapMeasure.fromId(getOrDefault(gapMeasure)));
        return TrainingSettings.defaults()
                .withObjectiveSettings(objectiveSettings)
                .withHiddenSizes(getOrDefault(hiddenSizes))
                .withLearningRate((double) getOrDefault(learningRate))
                .withMaxEpochs((int) getOrDefault(maxEpochs))
                .withPatience((int) getOrDefault(patience))
                .withSeed((long) getOrDefault(seed));
    }

    private DataColumns columns() {
        String[] names = getOrDefault(featureCols);
        return names.length == 0
                ? DataColumns.ofVector(getOrDefault(featuresCol), getOrDefault(labelCol), getOrDefault(groupCol))
                : DataColumns.ofColumns(List.of(names), getOrDefault(labelCol), getOrDefault(groupCol));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> present = List.of(schema.fieldNames());
        List<String> needed = new ArrayList<>(List.of(getOrDefault(labelCol), getOrDefault(groupCol)));
        String[] names = getOrDefault(featureCols);
        needed.addAll(names.length == 0 ? List.of(getOrDefault(featuresCol)) : List.of(names));
        for (String name : needed) {
            if (!present.contains(name)) {
                throw new IllegalArgumentException("the data must have column '" + name + "', found " + present);
            }
        }
        return schema.add(getOrDefault(predictionCol), DataTypes.DoubleType, false);
    }

    @Override
    public FairRegression copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** @return the column of feature vectors */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** @return the numeric feature columns */
    public StringArrayParam featureCols() {
        return featureCols;
    }

    /** @return the target column */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** @return the group column */
    public Param<String> groupCol() {
        return groupCol;
    }

    /** @return the prediction column */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** @return the objective's id */
    public Param<String> objective() {
        return objective;
    }

    /** @return the penalty's weight */
    public DoubleParam lambda() {
        return lambda;
    }

    /** @return the constrained objective's allowed gap */
    public Param<String> epsilon() {
        return epsilon;
    }

    /** @return the gap measure's id */
    public Param<String> gapMeasure() {
        return gapMeasure;
    }

    /** @return the hidden layer widths */
    public IntArrayParam hiddenSizes() {
        return hiddenSizes;
    }

    /** @return Adam's learning rate */
    public DoubleParam learningRate() {
        return learningRate;
    }

    /** @return the largest number of epochs */
    public IntParam maxEpochs() {
        return maxEpochs;
    }

    /** @return the epochs without improvement that stop a run */
    public IntParam patience() {
        return patience;
    }

    /** @return the probability that a step trains on an example */
    public DoubleParam batchFraction() {
        return batchFraction;
    }

    /** @return the share of rows held out for validation */
    public DoubleParam validationFraction() {
        return validationFraction;
    }

    /** @return the run's seed */
    public LongParam seed() {
        return seed;
    }

    /**
     * @param value the column of feature vectors
     * @return this, modified
     */
    public FairRegression setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the numeric feature columns, in input order
     * @return this, modified
     */
    public FairRegression setFeatureCols(String[] value) {
        set(featureCols, value);
        return this;
    }

    /**
     * @param value the target column
     * @return this, modified
     */
    public FairRegression setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    /**
     * @param value the group column
     * @return this, modified
     */
    public FairRegression setGroupCol(String value) {
        set(groupCol, value);
        return this;
    }

    /**
     * @param value the prediction column
     * @return this, modified
     */
    public FairRegression setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * @param value the objective's id
     * @return this, modified
     */
    public FairRegression setObjective(String value) {
        set(objective, value);
        return this;
    }

    /**
     * @param value the penalty's weight
     * @return this, modified
     */
    public FairRegression setLambda(double value) {
        set(lambda, value);
        return this;
    }

    /**
     * @param value the allowed gap, an amount or a percentage
     * @return this, modified
     */
    public FairRegression setEpsilon(String value) {
        set(epsilon, value);
        return this;
    }

    /**
     * @param value the gap measure's id
     * @return this, modified
     */
    public FairRegression setGapMeasure(String value) {
        set(gapMeasure, value);
        return this;
    }

    /**
     * @param value the hidden layer widths
     * @return this, modified
     */
    public FairRegression setHiddenSizes(int[] value) {
        set(hiddenSizes, value);
        return this;
    }

    /**
     * @param value Adam's learning rate
     * @return this, modified
     */
    public FairRegression setLearningRate(double value) {
        set(learningRate, value);
        return this;
    }

    /**
     * @param value the largest number of epochs
     * @return this, modified
     */
    public FairRegression setMaxEpochs(int value) {
        set(maxEpochs, value);
        return this;
    }

    /**
     * @param value the epochs without improvement that stop a run
     * @return this, modified
     */
    public FairRegression setPatience(int value) {
        set(patience, value);
        return this;
    }

    /**
     * @param value the probability that a step trains on an example
     * @return this, modified
     */
    public FairRegression setBatchFraction(double value) {
        set(batchFraction, value);
        return this;
    }

    /**
     * @param value the share of rows held out for validation
     * @return this, modified
     */
    public FairRegression setValidationFraction(double value) {
        set(validationFraction, value);
        return this;
    }

    /**
     * @param value the run's seed
     * @return this, modified
     */
    public FairRegression setSeed(long value) {
        set(seed, value);
        return this;
    }
}
