package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fairreg.data.Dataset;
import org.fairreg.data.GroupLabels;
import org.fairreg.data.RecipeData;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.BatchPredictor;
import org.fairreg.model.DenseKernels;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.optim.OptimizerKind;
import org.fairreg.random.LegacyRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The training loop against the independent numpy reference (same initial weights, same
 * shuffles, same Adam), and its contracts: determinism, early stopping that restores the best
 * epoch, divergence that keeps the best weights, and checks of the data.
 */
class TrainerTest {

    /**
     * Java float32 against numpy float64 after one epoch of 125 steps. The gap objective subtracts
     * two nearly equal group errors, so float32 rounding shows at about 1e-4 (the numpy float32
     * run differs from float64 by up to 1.7e-4, tools/reference/README.md); MSE has no such
     * cancellation.
     */
    private static final double GAP_RELATIVE_TOLERANCE = 1e-3;
    private static final double MSE_RELATIVE_TOLERANCE = 1e-5;
    /** Sums of parameters after one epoch; some are near zero, hence an absolute floor. */
    private static final double PARAMETER_SUM_ABSOLUTE_TOLERANCE = 1e-4;

    private static RecipeData recipe;

    @BeforeAll
    static void generateData() {
        recipe = RecipeData.generate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gap", "mse"})
    void firstEpochMatchesTheNumpyReference(String objective) {
        ReferenceFixture reference = ReferenceFixture.load(objective, "float64");
        double tolerance = objective.equals("gap") ? GAP_RELATIVE_TOLERANCE : MSE_RELATIVE_TOLERANCE;
        TrainingSettings settings = TrainingSettings.recipe()
                .withObjective(ObjectiveKind.fromId(objective))
                .withMaxEpochs(1)
                .withValidationLoss(ValidationLoss.FULL);

        TrainingResult full = new Trainer(settings)
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);
        TrainingResult batchMean = new Trainer(settings.withValidationLoss(ValidationLoss.BATCH_MEAN))
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);

        EpochRecord epoch = full.history().get(0);
        assertRelative(epoch.trainObjective(), reference.number("train_loss_epoch1"), tolerance,
                "train objective");
        assertRelative(epoch.validationObjective(), reference.number("val_loss_full_epoch1"), tolerance,
                "full validation objective");
        assertRelative(batchMean.history().get(0).validationObjective(),
                reference.number("val_loss_batch_mean_epoch1"), tolerance, "batch-mean validation objective");
        Network network = full.model().network();
        double[] kernelSums = reference.numbers("kernel_sums_epoch1");
        double[] biasSums = reference.numbers("bias_sums_epoch1");
        for (int l = 0; l < 3; l++) {
            assertThat(sum(network, network.kernelOffset(l), network.biasOffset(l)))
                    .as("kernel %d sum after epoch 1", l)
                    .isCloseTo(kernelSums[l],
                            within(PARAMETER_SUM_ABSOLUTE_TOLERANCE + tolerance * Math.abs(kernelSums[l])));
            int biasEnd = network.biasOffset(l) + network.architecture().layerOutputSize(l);
            assertThat(sum(network, network.biasOffset(l), biasEnd))
                    .as("bias %d sum after epoch 1", l)
                    .isCloseTo(biasSums[l],
                            within(PARAMETER_SUM_ABSOLUTE_TOLERANCE + tolerance * Math.abs(biasSums[l])));
        }
    }

    @Test
    void initialWeightsAreTheReferenceDraws() {
        ReferenceFixture reference = ReferenceFixture.load("gap", "float32");
        Network network = new Network(new Architecture(10, new int[] {64, 64}, Activation.RELU));
        GlorotUniform.initialize(network, new LegacyRandom(42));
        double[] first = reference.numbers("kernel1_first5_init");
        for (int w = 0; w < first.length; w++) {
            assertThat((double) network.parameters()[w]).as("kernel 0 entry %d", w)
                    .isEqualTo((double) (float) first[w]);
        }
        double[] sums = reference.numbers("kernel_sums_init");
        for (int l = 0; l < 3; l++) {
            assertThat(sum(network, network.kernelOffset(l), network.biasOffset(l)))
                    .isCloseTo(sums[l], within(1e-9 * network.parameters().length));
        }
    }

    @Test
    void theSameSeedGivesTheSameModelBitForBit() {
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(16).withMaxEpochs(3).withSeed(7);
        Dataset train = recipe.train();
        float[] first = new Trainer(settings).fit(train, recipe.validation(), TrainingListener.NONE)
                .model().network().parameters();
        float[] second = new Trainer(settings).fit(train, recipe.validation(), TrainingListener.NONE)
                .model().network().parameters();
        float[] otherSeed = new Trainer(settings.withSeed(8)).fit(train, recipe.validation(), TrainingListener.NONE)
                .model().network().parameters();

        assertThat(second).containsExactly(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void theThreadCountNeverChangesTheModel() {
        // 700 examples per batch: two whole blocks of 256 and a part block.
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(16).withBatchSize(700)
                .withMaxEpochs(2);
        for (DenseKernels kernels : List.of(DenseKernels.portable(), DenseKernels.select())) {
            float[] one = new Trainer(settings, new Execution(kernels, 1))
                    .fit(recipe.train(), recipe.validation(), TrainingListener.NONE).model().network().parameters();
            float[] three = new Trainer(settings, new Execution(kernels, 3))
                    .fit(recipe.train(), recipe.validation(), TrainingListener.NONE).model().network().parameters();
            assertThat(three).as("%s kernels", kernels.name()).containsExactly(one);
        }
    }

    @Test
    void earlyStoppingRestoresTheWeightsOfTheBestEpoch() {
        // Patience 1 on the noisy penalized objective stops within a few epochs.
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(16).withPatience(1).withMaxEpochs(100);
        TrainingResult result = new Trainer(settings)
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);
        TrainingSummary summary = result.summary();

        assertThat(summary.stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
        assertThat(summary.epochsRun()).isEqualTo(summary.bestEpoch() + 1);
        assertThat(summary.keptEpoch()).isEqualTo(summary.bestEpoch());
        double recomputed = validationObjective(result.model(), settings);
        assertThat(recomputed).isCloseTo(result.history().get(summary.bestEpoch() - 1).validationObjective(),
                within(1e-9 * Math.abs(recomputed)));
        assertThat(recomputed).isEqualTo(summary.bestValidationObjective(), within(1e-9 * Math.abs(recomputed)));
    }

    @Test
    void withoutRestoreTheLastEpochIsKept() {
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(8).withMaxEpochs(4)
                .withRestoreBest(false);
        TrainingResult result = new Trainer(settings)
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);
        assertThat(result.summary().keptEpoch()).isEqualTo(4);
        assertThat(result.summary().stopReason()).isEqualTo(StopReason.MAX_EPOCHS);
        assertThat(validationObjective(result.model(), settings))
                .isCloseTo(result.history().get(3).validationObjective(), within(1e-12));
    }

    /** The per-group figures of the history are those a report of the kept weights gives. */
    @Test
    void eachEpochRecordsEveryGroupsValidationMse() {
        TrainingSettings settings = TrainingSettings.defaults().withHiddenSizes(8).withMaxEpochs(3)
                .withRestoreBest(false);
        TrainingResult result = new Trainer(settings)
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);

        EpochRecord last = result.history().get(2);
        List<GroupMetrics> groups = result.model().evaluate(recipe.validation()).groups();
        assertThat(last.groupValidationMse()).hasSize(groups.size());
        double weighted = 0.0;
        long n = 0;
        for (int k = 0; k < groups.size(); k++) {
            assertRelative(last.groupValidationMse()[k], groups.get(k).mse(), MSE_RELATIVE_TOLERANCE, "group " + k);
            weighted += groups.get(k).n() * last.groupValidationMse()[k];
            n += groups.get(k).n();
        }
        assertRelative(weighted / n, last.validationMse(), MSE_RELATIVE_TOLERANCE, "overall");
        assertThat(result.history().get(0).groupValidationMse()).isNotEqualTo(last.groupValidationMse());
    }

    @Test
    void theObjectiveFallsOnALearnableProblem() {
        TrainingSettings settings = TrainingSettings.recipe().withObjective(ObjectiveKind.MSE).withMaxEpochs(5);
        TrainingResult result = new Trainer(settings)
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);
        double first = result.history().get(0).validationMse();
        double last = result.history().get(4).validationMse();
        assertThat(last).isLessThan(first / 10);
    }

    /** Adam at 10 makes the loss explode to about 1e12 times its start without leaving float range. */
    @Test
    void anExplodingButFiniteLossStopsTheRunLikeANonFiniteOne() {
        TrainingSettings settings = TrainingSettings.defaults().withLearningRate(10);
        assertThatThrownBy(() -> new Trainer(settings)
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE))
                .isInstanceOfSatisfying(TrainingDivergedException.class, diverged -> {
                    assertThat(diverged.getMessage()).containsPattern("at epoch 1, step \\d+ of the epoch")
                            .contains("the loss (batch mean squared error) is", "more than 1e+06 times the first batch's",
                                    "kept the weights of epoch 0");
                    assertThat(diverged.result().summary().stopReason()).isEqualTo(StopReason.DIVERGED);
                });
        assertThat(new Trainer(settings.withLearningRate(0.01).withMaxEpochs(3))
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE).summary().stopReason())
                .isEqualTo(StopReason.MAX_EPOCHS);
    }

    @Test
    void aDivergingRunStopsAndKeepsTheBestWeights() {
        TrainingSettings settings = TrainingSettings.defaults().withOptimizer(OptimizerKind.SGD).withLearningRate(10);
        assertThatThrownBy(() -> new Trainer(settings)
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE))
                .isInstanceOfSatisfying(TrainingDivergedException.class, diverged -> {
                    assertThat(diverged.getMessage()).contains("epoch 1", "step", "kept the weights of epoch 0");
                    TrainingSummary summary = diverged.result().summary();
                    assertThat(summary.stopReason()).isEqualTo(StopReason.DIVERGED);
                    assertThat(summary.keptEpoch()).isZero();
                    Network initial = new Network(diverged.result().model().network().architecture());
                    GlorotUniform.initialize(initial, new LegacyRandom(settings.seed()));
                    assertThat(diverged.result().model().network().parameters())
                            .containsExactly(initial.parameters());
                });
    }

    @Test
    void dataThatDoesNotSuitTheSettingsIsRefused() {
        Dataset train = recipe.train();
        assertThatThrownBy(() -> new Trainer(TrainingSettings.defaults().withBatchSize(9000))
                .fit(train, recipe.validation(), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch size")
                .hasMessageContaining("8000");

        GroupLabels threeGroups = GroupLabels.inOrder(List.of("0", "1", "2"));
        Dataset train3 = new Dataset(train.features(), "y", train.targets(), "g", train.groupCodes(), threeGroups);
        Dataset validation = recipe.validation();
        Dataset validation3 = new Dataset(validation.features(), "y", validation.targets(), "g",
                validation.groupCodes(), threeGroups);
        assertThatThrownBy(() -> new Trainer(TrainingSettings.recipe())
                .fit(train3, validation3, TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 2 groups, the data has 3");
        assertThatThrownBy(() -> new Trainer(TrainingSettings.defaults())
                .fit(train3, validation, TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation must have the training groups");
    }

    /** The validation objective of a model's network, recomputed without the trainer. */
    private static double validationObjective(FittedModel model, TrainingSettings settings) {
        Dataset validation = recipe.validation();
        float[] predictions = new BatchPredictor(model.network(), 100)
                .predict(model.standardization().applyToFeatures(validation.features()));
        float[] targets = model.standardization().applyToTargets(validation.targets());
        GroupStatistics statistics = new GroupStatistics(2);
        statistics.accumulate(predictions, targets, validation.groupCodes(), validation.size());
        return settings.createObjective(1.0).selectionScore(statistics);
    }

    private static double sum(Network network, int from, int to) {
        double total = 0;
        for (int j = from; j < to; j++) {
            total += network.parameters()[j];
        }
        return total;
    }

    private static void assertRelative(double actual, double expected, double tolerance, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(tolerance * Math.abs(expected)));
    }
}
