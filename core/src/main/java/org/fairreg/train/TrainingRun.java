package org.fairreg.train;

import org.fairreg.data.Dataset;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.Standardization;
import org.fairreg.model.BatchPredictor;
import org.fairreg.model.Network;
import org.fairreg.model.Workspace;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.objective.Objective;
import org.fairreg.objective.PredictionGradient;
import org.fairreg.optim.Optimizer;
import org.fairreg.random.LegacyRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one training run and its per-epoch and per-batch work. Every buffer is allocated
 * here, once; an epoch allocates nothing.
 *
 * <p>The training examples are copied once into a row-major matrix so that gathering a batch is
 * one array copy per example. Each epoch shuffles the example order in place with the run's
 * generator, exactly as numpy's {@code rng.permutation(n)} would, and cuts it into consecutive
 * batches; the last batch of an epoch is smaller when the batch size does not divide the number
 * of examples. Not thread-safe.
 */
final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    /** Steps between two DEBUG lines with the batch objective. */
    private static final int DEBUG_STEP_INTERVAL = 25;

    private final int batchSize;
    private final ValidationLoss validationLoss;
    private final Network network;
    private final Optimizer optimizer;
    private final Objective objective;
    private final LegacyRandom random;
    private final double squaredTargetScale;

    private final int trainSize;
    private final int featureCount;
    private final float[] trainRows;
    private final float[] trainTargets;
    private final int[] trainGroups;

    private final FeatureTable validationFeatures;
    private final float[] validationTargets;
    private final int[] validationGroups;
    private final BatchPredictor validationPredictor;
    private final float[] validationPredictions;

    private final int[] order;
    private final float[] batchInput;
    private final float[] batchTargets;
    private final int[] batchGroups;
    private final Workspace workspace;
    private final float[] predictionGradient;
    private final float[] gradient;
    private final double[] sumSquaresWeights;
    private final GroupStatistics statistics;
    private final GroupStatistics validationStatistics;

    TrainingRun(
            TrainingSettings settings,
            Standardization standardization,
            Network network,
            Optimizer optimizer,
            LegacyRandom random,
            Dataset train,
            Dataset validation) {
        this.batchSize = settings.batchSize();
        this.validationLoss = settings.validationLoss();
        this.network = network;
        this.optimizer = optimizer;
        this.objective = settings.createObjective();
        this.random = random;
        this.squaredTargetScale = standardization.targetScale() * standardization.targetScale();

        FeatureTable trainFeatures = standardization.applyToFeatures(train.features());
        this.trainSize = train.size();
        this.featureCount = trainFeatures.featureCount();
        this.trainRows = new float[Math.multiplyExact(trainSize, featureCount)];
        for (int e = 0; e < trainSize; e++) {
            trainFeatures.copyRow(e, trainRows, e * featureCount);
        }
        this.trainTargets = standardization.applyToTargets(train.targets());
        this.trainGroups = train.groupCodes();

        this.validationFeatures = standardization.applyToFeatures(validation.features());
        this.validationTargets = standardization.applyToTargets(validation.targets());
        this.validationGroups = validation.groupCodes();
        this.validationPredictor = new BatchPredictor(network, BatchPredictor.DEFAULT_CHUNK_SIZE);
        this.validationPredictions = new float[validation.size()];

        int groupCount = train.groups().size();
        this.order = new int[trainSize];
        this.batchInput = new float[Math.multiplyExact(batchSize, featureCount)];
        this.batchTargets = new float[batchSize];
        this.batchGroups = new int[batchSize];
        this.workspace = network.newWorkspace(batchSize);
        this.predictionGradient = new float[batchSize];
        this.gradient = new float[network.parameters().length];
        this.sumSquaresWeights = new double[groupCount];
        this.statistics = new GroupStatistics(groupCount);
        this.validationStatistics = new GroupStatistics(groupCount);
    }

    /**
     * Runs one epoch: a fresh shuffle, then one step per batch.
     *
     * @param epoch the epoch number, for messages
     * @return the mean of the batch objectives
     * @throws Divergence if a batch objective is not finite; the step is not taken
     */
    double trainEpoch(int epoch) {
        for (int e = 0; e < trainSize; e++) {
            order[e] = e;
        }
        random.shuffle(order);
        double objectiveSum = 0.0;
        int steps = 0;
        for (int start = 0; start < trainSize; start += batchSize) {
            int count = Math.min(batchSize, trainSize - start);
            gatherBatch(start, count);
            double value = step(count);
            steps++;
            if (!Double.isFinite(value)) {
                throw new Divergence(epoch, steps, optimizer.stepCount() + 1, describeNonFinite(value));
            }
            optimizer.step(network.parameters(), gradient);
            objectiveSum += value;
            if (LOG.isDebugEnabled() && optimizer.stepCount() % DEBUG_STEP_INTERVAL == 0) {
                LOG.debug("epoch {} step {} objective {}", epoch, steps, value);
            }
        }
        return objectiveSum / steps;
    }

    private void gatherBatch(int start, int count) {
        for (int b = 0; b < count; b++) {
            int example = order[start + b];
            System.arraycopy(trainRows, example * featureCount, batchInput, b * featureCount, featureCount);
            batchTargets[b] = trainTargets[example];
            batchGroups[b] = trainGroups[example];
        }
    }

    /** Computes the objective of the gathered batch and, into {@code gradient}, its gradient. */
    private double step(int count) {
        float[] predictions = network.forward(batchInput, count, workspace);
        statistics.clear();
        statistics.accumulate(predictions, batchTargets, batchGroups, count);
        double value = objective.value(statistics);
        objective.sumSquaresWeights(statistics, sumSquaresWeights);
        PredictionGradient.compute(predictions, batchTargets, batchGroups, count, sumSquaresWeights,
                predictionGradient);
        network.backward(batchInput, count, predictionGradient, workspace, gradient);
        return value;
    }

    private String describeNonFinite(double value) {
        double loss = statistics.overallMeanSquaredError();
        return Double.isFinite(loss)
                ? "the objective (" + objective.describe() + ") is " + value + " while the batch mean squared "
                        + "error is " + loss
                : "the loss (batch mean squared error) is " + loss;
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
        double objectiveValue = validationLoss == ValidationLoss.FULL
                ? objective.value(validationStatistics)
                : batchMeanObjective(size);
        return new ValidationScore(objectiveValue,
                validationStatistics.overallMeanSquaredError() * squaredTargetScale,
                validationStatistics.meanSquaredErrorRange() * squaredTargetScale);
    }

    /** The recipe's validation figure: the mean objective over consecutive batches. */
    private double batchMeanObjective(int size) {
        double sum = 0.0;
        int batches = 0;
        for (int start = 0; start < size; start += batchSize) {
            statistics.clear();
            accumulateValidation(statistics, start, Math.min(batchSize, size - start));
            sum += objective.value(statistics);
            batches++;
        }
        return sum / batches;
    }

    private void accumulateValidation(GroupStatistics into, int start, int count) {
        for (int e = start; e < start + count; e++) {
            into.add(validationGroups[e], (double) validationPredictions[e] - validationTargets[e]);
        }
    }

    /** A batch objective that is NaN or infinite; carries where it happened. */
    static final class Divergence extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Divergence(int epoch, int stepInEpoch, long step, String term) {
            super("training diverged at epoch " + epoch + ", step " + stepInEpoch + " of the epoch (step " + step
                    + " overall): " + term);
        }
    }
}
