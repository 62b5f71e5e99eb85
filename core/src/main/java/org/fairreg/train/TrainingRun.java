package org.fairreg.train;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.fairreg.data.Dataset;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.Standardization;
import org.fairreg.model.BatchPredictor;
import org.fairreg.model.Network;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.GroupErrors;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.objective.Objective;
import org.fairreg.objective.PredictionGradient;
import org.fairreg.objective.RunningGroupErrors;
import org.fairreg.optim.Optimizer;
import org.fairreg.random.LegacyRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one training run and its per-epoch and per-batch work. Every buffer is allocated
 * here, once; an epoch allocates nothing.
 *
 * <p>The training examples are copied once into a row-major matrix so that gathering a batch is
 * one array copy per example. Each epoch asks the {@link BatchPlan} for a fresh order, then makes
 * one step per batch: forward pass, group statistics, the objective's weights (their gap factors
 * from the batch or from a running estimate), backward pass, weight decay, optimizer step. Not
 * thread-safe.
 */
final class TrainingRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    /** Steps between two DEBUG lines with the batch objective. */
    private static final int DEBUG_STEP_INTERVAL = 25;

    private final int batchSize;
    private final ValidationLoss validationLoss;
    private final Network network;
    private final Optimizer optimizer;
    /** The optimizer's step as the network applies it; made once, so that a step allocates nothing. */
    private final BiConsumer<float[], float[]> optimizerStep;
    private final Objective objective;
    private final LegacyRandom random;
    private final double squaredTargetScale;
    private final float weightDecay;

    private final int featureCount;
    private final float[] trainRows;
    private final float[] trainTargets;
    private final int[] trainGroups;
    private final BatchPlan plan;

    private final FeatureTable validationFeatures;
    private final float[] validationTargets;
    private final int[] validationGroups;
    private final BatchPredictor validationPredictor;
    private final float[] validationPredictions;

    private final float[][] batchInput;
    private final float[] batchTargets;
    private final int[] batchGroups;
    private final BlockedPass pass;
    private final double[] residuals;
    private final float[] predictionGradient;
    private final float[] gradient;
    private final double[] sumSquaresWeights;
    private final GroupStatistics statistics;
    private final GroupStatistics epochStatistics;
    private final RunningGroupErrors runningErrors;
    private final GroupStatistics validationStatistics;
    private final DivergenceCheck divergence = new DivergenceCheck();
    /** The next batch of the epoch in progress, or -1 between epochs. */
    private int nextBatch = -1;
    /** The sum of the batch objectives of the epoch in progress. */
    private double objectiveSum;
    /** The data's fingerprint, computed when first needed; null before. */
    private Long fingerprint;

    TrainingRun(
            TrainingSettings settings,
            Objective objective,
            Standardization standardization,
            Network network,
            int threads,
            Optimizer optimizer,
            LegacyRandom random,
            Dataset train,
            Dataset validation) {
        this.batchSize = settings.batchSize();
        this.validationLoss = settings.validationLoss();
        this.network = network;
        this.optimizer = optimizer;
        this.optimizerStep = optimizer::step;
        this.objective = objective;
        this.random = random;
        this.squaredTargetScale = standardization.targetScale() * standardization.targetScale();
        this.weightDecay = (float) settings.weightDecay();

        FeatureTable trainFeatures = standardization.applyToFeatures(train.features());
        this.featureCount = trainFeatures.featureCount();
        this.trainRows = new float[Math.multiplyExact(train.size(), featureCount)];
        for (int e = 0; e < train.size(); e++) {
            trainFeatures.copyRow(e, trainRows, e * featureCount);
        }
        this.trainTargets = standardization.applyToTargets(train.targets());
        this.trainGroups = train.groupCodes();
        int groupCount = train.groups().size();
        this.plan = settings.batching() == Batching.STRATIFIED
                ? BatchPlan.stratified(trainGroups, groupCount, batchSize)
                : BatchPlan.shuffle(train.size(), batchSize);

        this.validationFeatures = standardization.applyToFeatures(validation.features());
        this.validationTargets = standardization.applyToTargets(validation.targets());
        this.validationGroups = validation.groupCodes();
        this.validationPredictor = new BatchPredictor(network, BatchPredictor.DEFAULT_CHUNK_SIZE);
        this.validationPredictions = new float[validation.size()];

        int maxBatch = plan.maxBatchSize();
        this.batchInput = new float[maxBatch][featureCount];
        this.batchTargets = new float[maxBatch];
        this.batchGroups = new int[maxBatch];
        this.pass = new BlockedPass(network, batchInput, threads);
        this.residuals = new double[maxBatch];
        this.predictionGradient = new float[maxBatch];
        this.gradient = new float[network.parameterCount()];
        this.sumSquaresWeights = new double[groupCount];
        this.statistics = new GroupStatistics(groupCount);
        this.epochStatistics = new GroupStatistics(groupCount);
        this.runningErrors = settings.gapEstimate() == GapEstimate.RUNNING
                ? new RunningGroupErrors(groupCount, 1.0 - 1.0 / plan.batchCount())
                : null;
        this.validationStatistics = new GroupStatistics(groupCount);
    }

    /**
     * Runs one epoch, or the rest of one a checkpoint interrupted: a fresh batch order, then one
     * step per batch, then lets the objective learn from the epoch's training errors. Before each
     * step it asks whether to stop; if so it leaves the run where it is, between two steps, so that
     * {@link #checkpoint} can save it.
     *
     * @param epoch the epoch number, for messages
     * @param stopRequested asked before each step
     * @param listener told of each step
     * @return the mean of the batch objectives
     * @throws DivergenceCheck.Divergence if the batch diverged ({@link DivergenceCheck}); the step
     *         is not taken
     * @throws Interruption if a stop was requested; the remaining batches are not trained
     */
    double trainEpoch(int epoch, BooleanSupplier stopRequested, TrainingListener listener) {
        if (nextBatch < 0) {
            plan.nextEpoch(random);
            epochStatistics.clear();
            objectiveSum = 0.0;
            nextBatch = 0;
        }
        int batches = plan.batchCount();
        for (; nextBatch < batches; nextBatch++) {
            if (stopRequested.getAsBoolean()) {
                throw new Interruption(epoch, nextBatch);
            }
            int b = nextBatch;
            int count = gatherBatch(plan.start(b), plan.start(b + 1));
            double value = step(count);
            divergence.check(epoch, b + 1, optimizer.stepCount() + 1, value, statistics.overallMeanSquaredError(),
                    objective.describe());
            network.update(optimizerStep, gradient);
            objectiveSum += value;
            listener.onStep(epoch, b + 1, batches, count);
            if (LOG.isDebugEnabled() && optimizer.stepCount() % DEBUG_STEP_INTERVAL == 0) {
                LOG.debug("epoch {} step {} objective {} {}", epoch, b + 1, value, objective.describeState());
            }
        }
        nextBatch = -1;
        objective.endEpoch(epochStatistics);
        return objectiveSum / batches;
    }

    /**
     * Saves the run between two steps or two epochs.
     *
     * @param epoch the epoch in progress, or the next one between epochs
     * @param stopping early stopping's memory
     * @param history the epochs completed
     * @return the checkpoint
     */
    TrainingCheckpoint checkpoint(int epoch, EarlyStopping.State stopping, List<EpochRecord> history) {
        int groupCount = epochStatistics.groupCount();
        long[] counts = new long[groupCount];
        double[] sums = new double[groupCount];
        for (int k = 0; k < groupCount; k++) {
            counts[k] = epochStatistics.count(k);
            sums[k] = epochStatistics.sumSquares(k);
        }
        return new TrainingCheckpoint(dataFingerprint(), epoch,
                new TrainingCheckpoint.EpochProgress(nextBatch, objectiveSum, counts, sums),
                network.parameters().clone(), optimizer.saveState(), random.saveState(), plan.saveState(),
                objective.saveState(), runningErrors == null ? new double[0] : runningErrors.saveState(),
                divergence.firstBatchLoss(), stopping, history);
    }

    /**
     * Continues from a checkpoint of a run with the same settings and data.
     *
     * @param checkpoint the checkpoint
     * @throws IllegalArgumentException if it was made on other data, or a part does not fit this run
     */
    void restore(TrainingCheckpoint checkpoint) {
        long fingerprint = dataFingerprint();
        if (checkpoint.dataFingerprint() != fingerprint) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the checkpoint was made on other data "
                    + "(fingerprint %016x, this data %016x): resume with the same data and options",
                    checkpoint.dataFingerprint(), fingerprint));
        }
        float[] parameters = checkpoint.parameters();
        if (parameters.length != network.parameterCount()) {
            throw new IllegalArgumentException("the checkpoint holds " + parameters.length + " parameters, the "
                    + "network " + network.parameterCount());
        }
        TrainingCheckpoint.EpochProgress progress = checkpoint.progress();
        if (progress.groupCounts().length != epochStatistics.groupCount()) {
            throw new IllegalArgumentException("the checkpoint has " + progress.groupCounts().length + " groups, "
                    + "the data " + epochStatistics.groupCount());
        }
        if (progress.nextBatch() > plan.batchCount()) {
            throw new IllegalArgumentException("the checkpoint is at batch " + progress.nextBatch() + " of an epoch "
                    + "of " + plan.batchCount());
        }
        network.setParameters(parameters);
        optimizer.restoreState(checkpoint.optimizer());
        random.restoreState(checkpoint.random());
        plan.restoreState(checkpoint.batchPlan());
        objective.restoreState(checkpoint.objectiveState());
        if (runningErrors != null) {
            runningErrors.restoreState(checkpoint.runningErrors());
        } else if (checkpoint.runningErrors().length != 0) {
            throw new IllegalArgumentException("the checkpoint has running group errors, the settings do not use "
                    + "them");
        }
        for (int k = 0; k < epochStatistics.groupCount(); k++) {
            epochStatistics.set(k, progress.groupCounts()[k], progress.groupSumSquares()[k]);
        }
        nextBatch = progress.nextBatch();
        objectiveSum = progress.objectiveSum();
        divergence.restore(checkpoint.firstBatchLoss());
    }

    /**
     * A hash of the examples as trained on (standardized features and targets, group codes, of the
     * training then the validation examples), to recognise the data of a checkpoint.
     */
    private long dataFingerprint() {
        if (fingerprint == null) {
            fingerprint = hashData();
        }
        return fingerprint;
    }

    private long hashData() {
        DataFingerprint hash = new DataFingerprint();
        hash.add(trainRows).add(trainTargets).add(trainGroups);
        float[] row = new float[featureCount];
        for (int e = 0; e < validationTargets.length; e++) {
            validationFeatures.copyRow(e, row, 0);
            hash.add(row);
        }
        return hash.add(validationTargets).add(validationGroups).value();
    }

    private int gatherBatch(int from, int to) {
        int[] order = plan.order;
        for (int b = 0; b < to - from; b++) {
            int example = order[from + b];
            System.arraycopy(trainRows, example * featureCount, batchInput[b], 0, featureCount);
            batchTargets[b] = trainTargets[example];
            batchGroups[b] = trainGroups[example];
        }
        return to - from;
    }

    /** Computes the objective of the gathered batch and, into {@code gradient}, its gradient. */
    private double step(int count) {
        float[] predictions = pass.forward(count);
        statistics.clear();
        statistics.accumulate(predictions, batchTargets, batchGroups, count, residuals);
        epochStatistics.addAll(statistics);
        double value = objective.value(statistics);
        GroupErrors factors = statistics;
        if (runningErrors != null) {
            runningErrors.update(statistics);
            factors = runningErrors;
        }
        objective.sumSquaresWeights(statistics, factors, sumSquaresWeights);
        PredictionGradient.fromResiduals(residuals, batchGroups, count, sumSquaresWeights, predictionGradient);
        pass.backward(predictionGradient, gradient);
        if (weightDecay > 0f) {
            network.addWeightDecay(weightDecay, gradient);
        }
        return value;
    }

    /**
     * Scores the current weights on the validation set.
     *
     * @return the validation figures
     */
    ValidationScore validate() {
        validationPredictor.predict(validationFeatures, validationPredictions);
        int size = validationPredictions.length;
        validationStatistics.clear();
        accumulateValidation(validationStatistics, 0, size);
        double score = validationLoss == ValidationLoss.FULL
                ? objective.selectionScore(validationStatistics)
                : batchMeanScore(size);
        double[] groupMse = new double[validationStatistics.groupCount()];
        for (int k = 0; k < groupMse.length; k++) {
            groupMse[k] = validationStatistics.isPresent(k)
                    ? validationStatistics.meanSquaredError(k) * squaredTargetScale
                    : Double.NaN;
        }
        return new ValidationScore(score, objective.meetsConstraints(validationStatistics),
                validationStatistics.overallMeanSquaredError() * squaredTargetScale,
                GapMeasure.RANGE.value(validationStatistics) * squaredTargetScale, groupMse);
    }

    /** The recipe's validation figure: the mean score over consecutive batches. */
    private double batchMeanScore(int size) {
        double sum = 0.0;
        int batches = 0;
        for (int start = 0; start < size; start += batchSize) {
            statistics.clear();
            accumulateValidation(statistics, start, Math.min(batchSize, size - start));
            sum += objective.selectionScore(statistics);
            batches++;
        }
        return sum / batches;
    }

    private void accumulateValidation(GroupStatistics into, int start, int count) {
        for (int e = start; e < start + count; e++) {
            into.add(validationGroups[e], (double) validationPredictions[e] - validationTargets[e]);
        }
    }

    /** Ends the threads of the blocked passes. */
    @Override
    public void close() {
        pass.close();
    }

    /** A stop requested between two steps; the run is left where it is, to be checkpointed. */
    static final class Interruption extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Interruption(int epoch, int nextBatch) {
            super("stopped at epoch " + epoch + ", before step " + (nextBatch + 1) + " of the epoch");
        }
    }
}
