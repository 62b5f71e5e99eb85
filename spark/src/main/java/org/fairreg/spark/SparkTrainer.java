package org.fairreg.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairreg.data.FeatureEncoding;
import org.fairreg.data.GroupDefinition;
import org.fairreg.model.Architecture;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.objective.Objective;
import org.fairreg.optim.Optimizer;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.EarlyStopping;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.FittedModel;
import org.fairreg.train.Provenance;
import org.fairreg.train.StopReason;
import org.fairreg.train.DivergenceCheck;
import org.fairreg.train.TrainingDivergedException;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.TrainingSummary;
import org.fairreg.train.ValidationLoss;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network on a Spark {@code Dataset<Row>} with the objectives, optimizers, validation
 * and early stopping of the local {@link org.fairreg.train.Trainer}.
 *
 * <p>Each step trains on a batch: every training example (a full pass, the default), or each
 * with probability {@code batchFraction}; an epoch is {@code ceil(1 / batchFraction)} steps, one
 * pass in expectation. A full-pass run takes one step per epoch and ends, within float rounding,
 * with the model the local trainer gives with a batch as large as the training set and the same
 * seed: the same standardizing, initial weights, objective weights and gradient, only summed in
 * another order.
 *
 * <p>Of the settings, the Spark trainer uses all but the batch size and the batching (the batch
 * is the sample above; the model file records the expected batch size) and does not support the
 * recipe's batch-mean validation, whose value depends on the order of the validation examples.
 * Checkpoints are not saved: a Spark job that fails is retried by Spark, and a stopped run starts
 * over. A trainer holds only its settings and may be shared.
 */
public final class SparkTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private final TrainingSettings settings;
    private final double batchFraction;

    /**
     * A trainer that takes full-pass steps.
     *
     * @param settings the settings of every run
     * @throws IllegalArgumentException if the settings ask for batch-mean validation
     */
    public SparkTrainer(TrainingSettings settings) {
        this(settings, 1.0);
    }

    /**
     * @param settings the settings of every run
     * @param batchFraction the probability that a step trains on an example, in {@code (0, 1]}
     * @throws IllegalArgumentException if the fraction is out of range or the settings ask for
     *         batch-mean validation
     */
    public SparkTrainer(TrainingSettings settings, double batchFraction) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (settings.validationLoss() != ValidationLoss.FULL) {
            throw new IllegalArgumentException("validation loss must be " + ValidationLoss.FULL.id()
                    + " on Spark, found " + settings.validationLoss().id());
        }
        if (!(batchFraction > 0.0 && batchFraction <= 1.0)) {
            throw new IllegalArgumentException("batchFraction must be in (0, 1], found " + batchFraction);
        }
        this.batchFraction = batchFraction;
    }

    /**
     * Trains a model.
     *
     * @param train the training rows
     * @param validation the validation rows, with the same columns and no group the training
     *        rows lack
     * @param columns which columns hold features, target and group
     * @return the fitted model, with the weights of the best epoch (or the last, when restoring
     *         is off), and the history
     * @throws IllegalArgumentException if a set is empty, a value is missing, or the objective
     *         needs other group counts
     * @throws TrainingDivergedException if the run diverges by the local trainer's rule (the
     *         objective NaN or infinite, or the loss a million times the first batch's); it carries the
     *         result with the best weights seen before
     */
    public TrainingResult fit(Dataset<Row> train, Dataset<Row> validation, DataColumns columns) {
        try (TrainingData data = TrainingData.read(train, validation, columns, settings.standardizeFeatures(),
                settings.standardizeTarget())) {
            settings.createObjective(1.0).checkGroupCount(data.groups().size());
            double targetScale = data.standardization().targetScale();
            Objective objective = settings.createObjective(1.0 / (targetScale * targetScale));
            Architecture architecture =
                    new Architecture(data.featureNames().size(), settings.hiddenSizes(), settings.activation());
            Network network = new Network(architecture);
            GlorotUniform.initialize(network, new LegacyRandom(settings.seed()));
            Optimizer optimizer = settings.optimizer().create(network.parameterCount(), settings.learningRate(),
                    settings.momentum());
            DistributedPass pass = new DistributedPass(JavaSparkContext.fromSparkContext(
                    train.sparkSession().sparkContext()), data.groups().size(), network.parameterCount());
            SparkTrainingRun run = new SparkTrainingRun(settings, batchFraction, objective, optimizer, network,
                    data, pass);
            LOG.info("training {} ({} parameters) on Spark, {} training and {} validation examples in {} and {} "
                    + "partitions; {}; {}; batch fraction {}", architecture.describe(), network.parameterCount(),
                    run.trainSize(), run.validationSize(), data.train().getNumPartitions(),
                    data.validation().getNumPartitions(), objective.describe(), optimizer.describe(), batchFraction);
            return epochs(run, network, data, columns);
        }
    }

    private TrainingResult epochs(SparkTrainingRun run, Network network, TrainingData data, DataColumns columns) {
        EarlyStopping stopping = new EarlyStopping(settings.patience(), network.parameters());
        List<EpochRecord> history = new ArrayList<>();
        StopReason reason = StopReason.MAX_EPOCHS;
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            EpochRecord record;
            try {
                record = run.epoch(epoch);
            } catch (DivergenceCheck.Divergence divergence) {
                TrainingResult result = finish(network, data, columns, stopping, history, StopReason.DIVERGED,
                        run.trainSize());
                throw new TrainingDivergedException(divergence.getMessage() + "; kept the weights of epoch "
                        + result.summary().keptEpoch(), result);
            }
            history.add(record);
            boolean improved = stopping.update(epoch, record.validationObjective(), record.constraintsMet(),
                    network.parameters());
            LOG.info("epoch {} objective {} validation {} mse {} gap {}{} {}s", epoch, record.trainObjective(),
                    record.validationObjective(), record.validationMse(), record.validationGap(),
                    improved ? " *" : "", record.seconds());
            if (stopping.shouldStop()) {
                reason = StopReason.EARLY_STOPPING;
                break;
            }
        }
        return finish(network, data, columns, stopping, history, reason, run.trainSize());
    }

    private TrainingResult finish(Network network, TrainingData data, DataColumns columns, EarlyStopping stopping,
            List<EpochRecord> history, StopReason reason, long trainSize) {
        TrainingSummary summary = stopping.finish(network, history.size(), reason, settings.restoreBest());
        long expectedBatch = Math.max(1, Math.round(batchFraction * trainSize));
        TrainingSettings recorded =
                settings.withBatchSize((int) Math.min(expectedBatch, TrainingSettings.MAX_BATCH_SIZE));
        FittedModel model = new FittedModel(FeatureEncoding.numeric(data.featureNames()), columns.labelCol(),
                GroupDefinition.column(columns.groupCol()), data.groups(), data.standardization(), network,
                recorded, summary, Provenance.current(network.kernels().name()));
        LOG.info("stopped by {} after {} epochs; kept epoch {} (best {}, validation objective {})", reason.id(),
                history.size(), summary.keptEpoch(), stopping.bestEpoch(), stopping.bestValue());
        return new TrainingResult(model, history);
    }
}
