package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.fairreg.data.Dataset;
import org.fairreg.data.RecipeData;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.optim.OptimizerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run stopped between two steps and resumed from its checkpoint ends with the model, the
 * summary and the validation history of a run never stopped, bit for bit: for each kind of state
 * a run keeps (Adam's moments or the momentum, shuffled or stratified orders, the constrained
 * objective's multipliers, running group errors, early stopping's memory).
 */
class TrainerCheckpointTest {

    /** Steps in an epoch of the recipe's 8000 training rows at batch 64. */
    private static final int STEPS_PER_EPOCH = 125;

    private static Dataset train;
    private static Dataset validation;

    @BeforeAll
    static void generateData() {
        RecipeData recipe = RecipeData.generate();
        train = recipe.train();
        validation = recipe.validation();
    }

    static Stream<Arguments> runs() {
        TrainingSettings base = TrainingSettings.defaults().withMaxEpochs(5).withPatience(2);
        return Stream.of(
                Arguments.of("penalized, shuffled, adam", base),
                Arguments.of("constrained, stratified, running, sgd", base
                        .withObjectiveSettings(base.objectiveSettings().withKind(ObjectiveKind.CONSTRAINED)
                                .withEpsilon(Epsilon.parse("5%")))
                        .withBatching(Batching.STRATIFIED).withGapEstimate(GapEstimate.RUNNING)
                        .withOptimizer(OptimizerKind.SGD).withLearningRate(0.01)),
                Arguments.of("the recipe's gap", TrainingSettings.recipe().withMaxEpochs(4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void aRunStoppedMidEpochAndResumedEndsAsIfNeverStopped(String name, TrainingSettings settings) {
        TrainingResult whole = new Trainer(settings).fit(train, validation, TrainingListener.NONE);

        int stopBeforeStep = 2 * STEPS_PER_EPOCH + 40;
        AtomicInteger asked = new AtomicInteger();
        List<TrainingCheckpoint> saved = new ArrayList<>();
        TrainingInterruptedException stopped = catchThrowableOfType(() -> new Trainer(settings).fit(train,
                validation, TrainingListener.NONE, new Checkpointing(1, saved::add,
                        () -> asked.incrementAndGet() > stopBeforeStep, null)), TrainingInterruptedException.class);

        TrainingCheckpoint checkpoint = stopped.checkpoint();
        assertThat(stopped).hasMessage("stopped at epoch 3, before step 41 of the epoch");
        assertThat(checkpoint.epoch()).isEqualTo(3);
        assertThat(checkpoint.progress().nextBatch()).isEqualTo(40);
        assertThat(checkpoint.history()).hasSize(2);
        assertThat(saved).hasSize(3).last().isSameAs(checkpoint);
        assertThat(checkpoint.optimizer().steps()).isEqualTo(stopBeforeStep);

        TrainingResult resumed = resume(settings, checkpoint);
        assertSameRun(resumed, whole);
        TrainingResult fromEpochBoundary = resume(settings, saved.get(0));
        assertSameRun(fromEpochBoundary, whole);
    }

    @Test
    void aCheckpointOfOtherDataIsRefused() {
        TrainingSettings settings = TrainingSettings.defaults().withMaxEpochs(2);
        List<TrainingCheckpoint> saved = new ArrayList<>();
        new Trainer(settings).fit(train, validation, TrainingListener.NONE,
                new Checkpointing(1, saved::add, () -> false, null));
        Dataset otherTrain = train.rows(java.util.stream.IntStream.range(1, train.size()).toArray());

        assertThatThrownBy(() -> new Trainer(settings).fit(otherTrain, validation, TrainingListener.NONE,
                new Checkpointing(0, c -> { }, () -> false, saved.get(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the checkpoint was made on other data");
        assertThatThrownBy(() -> new Trainer(settings.withHiddenSizes(8)).fit(train, validation,
                TrainingListener.NONE, new Checkpointing(0, c -> { }, () -> false, saved.get(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters");
    }

    private static TrainingResult resume(TrainingSettings settings, TrainingCheckpoint checkpoint) {
        return new Trainer(settings).fit(train, validation, TrainingListener.NONE,
                new Checkpointing(0, c -> { }, () -> false, checkpoint));
    }

    private static void assertSameRun(TrainingResult actual, TrainingResult expected) {
        assertThat(actual.model().network().parameters()).containsExactly(expected.model().network().parameters());
        assertThat(actual.summary()).isEqualTo(expected.summary());
        assertThat(actual.history()).hasSameSizeAs(expected.history());
        for (int i = 0; i < expected.history().size(); i++) {
            EpochRecord a = actual.history().get(i);
            EpochRecord e = expected.history().get(i);
            assertThat(List.of(a.epoch(), a.trainObjective(), a.validationObjective(), a.validationMse(),
                    a.validationGap(), a.objectiveState())).as("epoch %d", i + 1).isEqualTo(List.of(e.epoch(),
                    e.trainObjective(), e.validationObjective(), e.validationMse(), e.validationGap(),
                    e.objectiveState()));
        }
    }
}
