package org.fairreg.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.train.FittedModel;
import org.fairreg.train.StopReason;
import org.fairreg.train.Trainer;
import org.fairreg.train.TrainingDivergedException;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.ValidationLoss;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A short full-pass run on Spark ends with the model of the local trainer with one batch of every example. */
class SparkTrainerTest {

    /**
     * Twelve steps from gradients that agree to about 1e-6 of their size: Adam divides each step
     * by the gradient's own scale, so parameters move by at most the learning rate per step and
     * differ by rounding only.
     */
    private static final double PARAMETER_TOLERANCE = 1e-4;
    private static final double FIGURE_TOLERANCE = 1e-4;
    private static final int TRAIN_ROWS = 900;

    private static Dataset<Row> train;
    private static Dataset<Row> validation;

    @BeforeAll
    static void data() {
        train = LocalSpark.rows(TRAIN_ROWS, 11).repartitionByRange(3, col("group"), col("x1")).cache();
        validation = LocalSpark.rows(300, 12).repartition(2).cache();
    }

    @Test
    void fullPassRunEndsWithTheLocalFullBatchModel() {
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(16, 8).withLambda(0.5)
                .withLearningRate(1e-2).withBatchSize(TRAIN_ROWS).withMaxEpochs(12).withPatience(100)
                .withRestoreBest(false);

        TrainingResult spark = new SparkTrainer(settings).fit(train, validation, SparkGradientTest.columns());
        TrainingResult local = new Trainer(settings).fit(LocalCopy.of(train), LocalCopy.of(validation),
                new TrainingListener() { });

        float[] expected = local.model().network().parameters();
        float[] actual = spark.model().network().parameters();
        assertThat(actual).hasSameSizeAs(expected);
        for (int p = 0; p < expected.length; p++) {
            assertThat(actual[p]).as("parameter %d", p).isCloseTo(expected[p], offset((float) PARAMETER_TOLERANCE));
        }
        assertThat(spark.history()).hasSize(12);
        for (int e = 0; e < 12; e++) {
            assertThat(spark.history().get(e).validationObjective()).as("epoch %d", e + 1)
                    .isCloseTo(local.history().get(e).validationObjective(), offset(FIGURE_TOLERANCE));
        }
        assertThat(spark.history().get(11).validationMse()).isLessThan(spark.history().get(0).validationMse());
        assertThat(spark.model().featureNames()).isEqualTo(LocalSpark.FEATURES);
        assertThat(spark.model().groups().labels()).containsExactly("a", "b", "c");
    }

    @Test
    void sampledBatchesTrainSeveralStepsPerEpochAndRepeat() {
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(8).withObjective(ObjectiveKind.MSE)
                .withLearningRate(1e-2).withMaxEpochs(3).withPatience(100);
        SparkTrainer trainer = new SparkTrainer(settings, 0.25);

        TrainingResult first = trainer.fit(train, validation, SparkGradientTest.columns());
        TrainingResult second = trainer.fit(train, validation, SparkGradientTest.columns());

        FittedModel model = first.model();
        assertThat(model.network().parameters()).containsExactly(second.model().network().parameters());
        assertThat(first.history().get(2).validationMse()).isLessThan(first.history().get(0).validationMse());
        assertThat(model.settings().batchSize()).isEqualTo(TRAIN_ROWS / 4);
    }

    /**
     * Full-batch Adam at 10 blows the loss up at its second step (one step per epoch here), as it
     * does locally; the run stops by the same rule and keeps epoch 1's weights.
     */
    @Test
    void anExplodingLossStopsTheRunAsLocally() {
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(16, 8).withLearningRate(10)
                .withBatchSize(TRAIN_ROWS).withMaxEpochs(5);

        assertThatThrownBy(() -> new SparkTrainer(settings).fit(train, validation, SparkGradientTest.columns()))
                .isInstanceOfSatisfying(TrainingDivergedException.class, diverged -> {
                    assertThat(diverged.getMessage())
                            .startsWith("training diverged at epoch 2, step 1 of the epoch (step 2 overall)")
                            .contains("more than 1e+06 times the first batch's", "kept the weights of epoch 1");
                    assertThat(diverged.result().summary().stopReason()).isEqualTo(StopReason.DIVERGED);
                });
    }

    @Test
    void batchMeanValidationIsRefused() {
        TrainingSettings settings = TrainingSettings.defaults().withValidationLoss(ValidationLoss.BATCH_MEAN);

        assertThatThrownBy(() -> new SparkTrainer(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation loss");
    }
}
