package org.fairreg.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.fairreg.data.Dataset;
import org.fairreg.data.Standardization;
import org.fairreg.model.Architecture;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.objective.Objective;
import org.fairreg.optim.Optimizer;
import org.fairreg.random.LegacyRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network on labelled data with the loop of the recipe: shuffle every epoch, one
 * optimizer step per batch, a validation pass after every epoch, early stopping that keeps the
 * best weights, and a maximum number of epochs.
 *
 * <p>One seed fixes the run: a single {@link LegacyRandom} seeded with it draws the initial
 * weights and then every epoch's shuffle, so the same settings and data give the same model, bit
 * for bit, on the same platform. A trainer holds only its settings and may be shared; each call
 * of {@link #fit} is independent.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingSettings settings;
    private final Execution execution;

    /**
     * Trains with {@link Execution#defaults()}.
     *
     * @param settings the settings of every run of this trainer
     */
    public Trainer(TrainingSettings settings) {
        this(settings, Execution.defaults());
    }

    /**
     * @param settings the settings of every run of this trainer
     * @param execution the kernels and threads; the model's provenance names the kernels, since
     *        the same seed gives bit-identical models only with the same kernels
     */
    public Trainer(TrainingSettings settings, Execution execution) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.execution = Objects.requireNonNull(execution, "execution");
    }

    /**
     * Trains a model.
     *
     * @param train the training examples
     * @param validation the validation examples, with the same features and groups
     * @param listener told of the start, every epoch and the end
     * @return the fitted model, holding the weights of the best epoch (or the last, when restoring
     *         is off), and the history
     * @throws IllegalArgumentException if the data does not suit the settings: features or groups
     *         differ between the sets, a set is empty, the batch is larger than the training set,
     *         or the objective needs other group counts
     * @throws TrainingDivergedException if the objective becomes NaN or infinite; it carries the
     *         result with the best weights seen before
     */
    public TrainingResult fit(Dataset train, Dataset validation, TrainingListener listener) {
        return fit(train, validation, listener, Checkpointing.NONE);
    }

    /**
     * Trains a model, saving checkpoints, stopping on request, or continuing from a checkpoint. A
     * run resumed from a checkpoint of a run with the same settings and data ends with the same
     * model, bit for bit, as that run would have without the stop (with the same kernels).
     *
     * @param train the training examples
     * @param validation the validation examples, with the same features and groups
     * @param listener told of the start, every epoch trained here and the end
     * @param checkpointing when to save, when to stop, what to resume from
     * @return the fitted model and the whole history, the resumed part included
     * @throws IllegalArgumentException as {@link #fit(Dataset, Dataset, TrainingListener)}, or if
     *         the checkpoint to resume from was made on other data or does not fit the settings
     * @throws TrainingDivergedException as {@link #fit(Dataset, Dataset, TrainingListener)}
     * @throws TrainingInterruptedException if a stop was requested; it carries the checkpoint saved
     * @throws UncheckedIOException if a checkpoint cannot be saved
     */
    public TrainingResult fit(Dataset train, Dataset validation, TrainingListener listener,
            Checkpointing checkpointing) {
        Objects.requireNonNull(checkpointing, "checkpointing");
        checkData(train, validation);

        Standardization standardization =
                Standardization.fit(train, settings.standardizeFeatures(), settings.standardizeTarget());
        Architecture architecture =
                new Architecture(train.features().featureCount(), settings.hiddenSizes(), settings.activation());
        LegacyRandom random = new LegacyRandom(settings.seed());
        Network network = new Network(architecture, execution.kernels());
        GlorotUniform.initialize(network, random);
        Optimizer optimizer =
                settings.optimizer().create(network.parameterCount(), settings.learningRate(), settings.momentum());
        double targetScale = standardization.targetScale();
        Objective objective = settings.createObjective(1.0 / (targetScale * targetScale));
        try (TrainingRun run = new TrainingRun(settings, objective, standardization, network, execution.threads(),
                optimizer, random, train, validation)) {
            LOG.info("training {} ({} parameters) on {} examples, validating on {}; {}; {}; {} kernels, {} threads; "
                    + "target mean {} scale {}", architecture.describe(), architecture.parameterCount(), train.size(),
                    validation.size(), objective.describe(), optimizer.describe(), execution.kernels().name(),
                    execution.threads(), standardization.targetMean(), targetScale);
            EarlyStopping stopping = new EarlyStopping(settings.patience(), network.parameters());
            List<EpochRecord> history = new ArrayList<>();
            TrainingCheckpoint resume = checkpointing.resumeFrom();
            if (resume != null) {
                run.restore(resume);
                stopping.restoreState(resume.stopping());
                history.addAll(resume.history());
                LOG.info("resuming at epoch {} ({})", resume.epoch(), resume.progress().begun()
                        ? "batch " + (resume.progress().nextBatch() + 1) + " of the epoch" : "its start");
            }
            listener.onStart(new TrainingPlan(settings, architecture, train.groups(), train.groupCounts(),
                    validation.groupCounts(), objective.describe(), optimizer.describe()));
            return epochs(new RunParts(run, objective, network, stopping, history), train, standardization,
                    listener, checkpointing);
        }
    }

    /** What the epochs of one run work on. */
    private record RunParts(TrainingRun run, Objective objective, Network network, EarlyStopping stopping,
            List<EpochRecord> history) {
    }

    /**
     * Runs epochs until early stopping, the epoch limit, divergence or a stop request, then keeps
     * the chosen weights.
     */
    private TrainingResult epochs(
            RunParts parts,
            Dataset train,
            Standardization standardization,
            TrainingListener listener,
            Checkpointing checkpointing) {
        EarlyStopping stopping = parts.stopping();
        List<EpochRecord> history = parts.history();
        StopReason reason = StopReason.MAX_EPOCHS;
        for (int epoch = history.size() + 1; epoch <= settings.maxEpochs(); epoch++) {
            EpochRecord record;
            try {
                record = runEpoch(parts.run(), parts.objective(), epoch, checkpointing.stopRequested(), listener);
            } catch (DivergenceCheck.Divergence divergence) {
                TrainingResult result = finish(train, standardization, parts.network(), stopping, history,
                        StopReason.DIVERGED, listener);
                throw new TrainingDivergedException(divergence.getMessage() + "; kept the weights of epoch "
                        + result.summary().keptEpoch(), result);
            } catch (TrainingRun.Interruption interruption) {
                TrainingCheckpoint checkpoint = parts.run().checkpoint(epoch, stopping.saveState(), history);
                save(checkpointing, checkpoint);
                LOG.info("{}; checkpoint saved", interruption.getMessage());
                throw new TrainingInterruptedException(interruption.getMessage(), checkpoint);
            }
            history.add(record);
            boolean improved = stopping.update(epoch, record.validationObjective(), record.constraintsMet(),
                    parts.network().parameters());
            listener.onEpoch(record, improved);
            if (stopping.shouldStop()) {
                reason = StopReason.EARLY_STOPPING;
                break;
            }
            if (checkpointing.everyEpochs() > 0 && epoch % checkpointing.everyEpochs() == 0
                    && epoch < settings.maxEpochs()) {
                save(checkpointing, parts.run().checkpoint(epoch + 1, stopping.saveState(), history));
            }
        }
        return finish(train, standardization, parts.network(), stopping, history, reason, listener);
    }

    private static void save(Checkpointing checkpointing, TrainingCheckpoint checkpoint) {
        try {
            checkpointing.sink().save(checkpoint);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot save the checkpoint of epoch " + checkpoint.epoch() + ": "
                    + failed.getMessage(), failed);
        }
    }

    private EpochRecord runEpoch(TrainingRun run, Objective objective, int epoch, BooleanSupplier stopRequested,
            TrainingListener listener) {
        long started = System.nanoTime();
        double trainObjective = run.trainEpoch(epoch, stopRequested, listener);
        ValidationScore score = run.validate();
        if (!Double.isFinite(score.objective())) {
            throw new DivergenceCheck.Divergence(epoch, 0, 0,
                    "the validation objective is " + score.objective() + " after the epoch");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new EpochRecord(epoch, trainObjective, score.objective(), score.constraintsMet(), score.mse(),
                score.gap(), score.groupMse(), objective.describeState(), seconds);
    }

    private TrainingResult finish(
            Dataset train,
            Standardization standardization,
            Network network,
            EarlyStopping stopping,
            List<EpochRecord> history,
            StopReason reason,
            TrainingListener listener) {
        TrainingSummary summary = stopping.finish(network, history.size(), reason, settings.restoreBest());
        FittedModel model = new FittedModel(train.encoding(), train.targetName(), train.groupDefinition(),
                train.groups(), standardization, network, settings, summary,
                Provenance.current(network.kernels().name()));
        TrainingResult result = new TrainingResult(model, history);
        LOG.info("stopped by {} after {} epochs; kept epoch {} (best {}, validation objective {})", reason.id(),
                history.size(), summary.keptEpoch(), stopping.bestEpoch(), stopping.bestValue());
        listener.onFinish(result);
        return result;
    }

    private void checkData(Dataset train, Dataset validation) {
        if (!train.features().names().equals(validation.features().names())) {
            throw new IllegalArgumentException("validation must have the training features " + train.features().names()
                    + ", found " + validation.features().names());
        }
        if (!train.groups().equals(validation.groups())) {
            throw new IllegalArgumentException("validation must have the training groups " + train.groups()
                    + ", found " + validation.groups());
        }
        if (train.size() == 0 || validation.size() == 0) {
            throw new IllegalArgumentException("train and validation must hold examples, found " + train.size()
                    + " and " + validation.size());
        }
        if (settings.batchSize() > train.size()) {
            throw new IllegalArgumentException("batch size must not exceed the " + train.size()
                    + " training examples, found " + settings.batchSize());
        }
        settings.createObjective(1.0).checkGroupCount(train.groups().size());
    }
}
