package org.fairreg.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairreg.io.ModelFile;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.train.FittedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimator fits in a pipeline, its model predicts as the core does, and its file is the CLI's. */
class FairRegressionTest {

    private static Dataset<Row> rows;
    private static PipelineModel fitted;

    @BeforeAll
    static void fit() {
        rows = LocalSpark.rows(800, 21).repartition(3).cache();
        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(LocalSpark.FEATURES.toArray(new String[0])).setOutputCol("features");
        FairRegression regressor = new FairRegression().setLabelCol("y").setHiddenSizes(new int[] {8})
                .setLambda(0.5).setLearningRate(1e-2).setMaxEpochs(5).setSeed(3);
        fitted = new Pipeline().setStages(new PipelineStage[] {assembler, regressor}).fit(rows);
    }

    @Test
    void transformAddsThePredictionsOfTheFittedModel() {
        FairRegressionModel model = (FairRegressionModel) fitted.stages()[1];
        List<Row> predicted = fitted.transform(rows).select("x0", "x1", "x2", "x3", "y", "group", "prediction")
                .collectAsList();

        double[] expected = model.fittedModel().predict(LocalCopy.of(rows.select("x0", "x1", "x2", "x3", "y",
                "group")).features());
        List<Row> inOrder = rows.collectAsList();
        assertThat(predicted).hasSize(inOrder.size());
        for (int e = 0; e < expected.length; e++) {
            assertThat(predicted.get(e).getDouble(0)).isEqualTo(inOrder.get(e).getDouble(0));
            assertThat(predicted.get(e).getDouble(6)).as("row %d", e).isEqualTo(expected[e]);
        }
        assertThat(model.history()).hasSize(5);
        assertThat(model.fittedModel().featureNames()).isEqualTo(LocalSpark.FEATURES);
    }

    @Test
    void modelFileReadsBackToTheSamePredictions(@TempDir Path folder) throws IOException {
        FairRegressionModel model = (FairRegressionModel) fitted.stages()[1];
        Path file = folder.resolve("model.json");

        model.writeModelFile(file);
        FittedModel read = ModelFile.read(file);
        FairRegressionModel fromFile = FairRegressionModel.readModelFile(file).setPredictionCol("p");

        assertThat(ModelFile.toJson(read)).isEqualTo(ModelFile.toJson(model.fittedModel()));
        List<Row> viaFile = fromFile.transform(rows).select("p").collectAsList();
        List<Row> viaPipeline = fitted.transform(rows).select("prediction").collectAsList();
        for (int e = 0; e < viaFile.size(); e++) {
            assertThat(viaFile.get(e).getDouble(0)).isEqualTo(viaPipeline.get(e).getDouble(0));
        }
    }

    @Test
    void settingsFollowTheParams() {
        FairRegression regressor = new FairRegression().setObjective("constrained").setEpsilon("10%")
                .setGapMeasure("variance").setHiddenSizes(new int[] {4, 2}).setMaxEpochs(7);

        assertThat(regressor.settings().objectiveSettings().kind()).isEqualTo(ObjectiveKind.CONSTRAINED);
        assertThat(regressor.settings().objectiveSettings().epsilon()).isEqualTo(Epsilon.parse("10%"));
        assertThat(regressor.settings().objectiveSettings().measure()).isEqualTo(GapMeasure.VARIANCE);
        assertThat(regressor.settings().hiddenSizes()).containsExactly(4, 2);
        assertThat(regressor.settings().maxEpochs()).isEqualTo(7);
        assertThat(regressor.copy(new ParamMap()).settings().maxEpochs()).isEqualTo(7);
    }

    @Test
    void missingColumnIsNamed() {
        FairRegression regressor = new FairRegression().setLabelCol("y").setGroupCol("region");

        assertThatThrownBy(() -> regressor.fit(rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'region'");
    }
}
