package org.fairreg.spark;

import org.fairreg.model.Network;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.GroupErrors;
import org.fairreg.objective.GroupStatistics;
import org.fairreg.objective.Objective;
import org.fairreg.objective.RunningGroupErrors;
import org.fairreg.optim.Optimizer;
import org.fairreg.train.DivergenceCheck;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.GroupGradientSums;
import org.fairreg.train.TrainingSettings;

/**
 * The driver's side of one Spark run: per step, the distributed sums of the batch, then the
 * objective, its weights, the gradient and the optimizer's update, as the local training run
 * makes them for a batch; per epoch, the objective's end-of-epoch update and a validation pass.
 * Buffers are allocated once. Not thread-safe.
 */
final class SparkTrainingRun {

    private final double batchFraction;
    private final long seed;
    private final int stepsPerEpoch;
    private final Objective objective;
    private final Optimizer optimizer;
    private final Network network;
    private final TrainingData data;
    private final DistributedPass pass;
    private final float weightDecay;
    private final double squaredTargetScale;
    private final GroupStatistics statistics;
    private final GroupStatistics epochStatistics;
    private final RunningGroupErrors runningErrors;
    private final double[] sumSquaresWeights;
    private final float[] gradient;
    private final long trainSize;
    private final long validationSize;
    private final DivergenceCheck divergence = new DivergenceCheck();
    private long step;

    SparkTrainingRun(TrainingSettings settings, double batchFraction, Objective objective, Optimizer optimizer,
            Network network, TrainingData data, DistributedPass pass) {
        this.batchFraction = batchFraction;
        this.seed = settings.seed();
        this.stepsPerEpoch = (int) Math.ceil(1.0 / batchFraction);
        this.objective = objective;
        this.optimizer = optimizer;
        this.network = network;
        this.data = data;
        this.pass = pass;
        this.weightDecay = (float) settings.weightDecay();
        double targetScale = data.standardization().targetScale();
        this.squaredTargetScale = targetScale * targetScale;
        int groupCount = data.groups().size();
        this.statistics = new GroupStatistics(groupCount);
        this.epochStatistics = new GroupStatistics(groupCount);
        this.runningErrors = settings.gapEstimate() == GapEstimate.RUNNING
                ? new RunningGroupErrors(groupCount, 1.0 - 1.0 / stepsPerEpoch)
                : null;
        this.sumSquaresWeights = new double[groupCount];
        this.gradient = new float[network.parameterCount()];
        this.trainSize = data.train().map(block -> (long) block.size()).fold(0L, Long::sum);
        this.validationSize = data.validation().map(block -> (long) block.size()).fold(0L, Long::sum);
        if (trainSize == 0 || validationSize == 0) {
            throw new IllegalArgumentException("train and validation must hold examples, found " + trainSize
                    + " and " + validationSize);
        }
    }

    long trainSize() {
        return trainSize;
    }

    long validationSize() {
        return validationSize;
    }

    /**
     * Runs one epoch and validates its weights.
     *
     * @param epoch the epoch number, for messages
     * @return what the epoch measured
     * @throws DivergenceCheck.Divergence if a batch diverged by the local trainer's rule
     *         ({@link DivergenceCheck}); the step is not taken
     */
    EpochRecord epoch(int epoch) {
        long started = System.nanoTime();
        epochStatistics.clear();
        double objectiveSum = 0.0;
        int steps = 0;
        for (int s = 1; s <= stepsPerEpoch; s++) {
            double value = step(epoch, s);
            if (!Double.isNaN(value)) {
                objectiveSum += value;
                steps++;
            }
        }
        objective.endEpoch(epochStatistics);

        GroupStatistics validation = pass.statistics(data.validation(), network);
        double score = objective.selectionScore(validation);
        if (!Double.isFinite(score)) {
            throw new DivergenceCheck.Divergence(epoch, 0, 0, "the validation objective is " + score
                    + " after the epoch");
        }
        double[] groupMse = new double[validation.groupCount()];
        for (int k = 0; k < groupMse.length; k++) {
            groupMse[k] = validation.isPresent(k) ? validation.meanSquaredError(k) * squaredTargetScale : Double.NaN;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new EpochRecord(epoch, steps == 0 ? Double.NaN : objectiveSum / steps, score,
                objective.meetsConstraints(validation), validation.overallMeanSquaredError() * squaredTargetScale,
                GapMeasure.RANGE.value(validation) * squaredTargetScale, groupMse, objective.describeState(),
                seconds);
    }

    /**
     * Makes one step.
     *
     * @return the batch objective, or NaN when the sample held no example and no step was made
     */
    private double step(int epoch, int stepInEpoch) {
        step++;
        GroupGradientSums sums =
                pass.gradientSums(data.train(), network, new BatchSample(batchFraction, seed, step));
        if (sums.totalCount() == 0) {
            return Double.NaN;
        }
        double value = gradientOf(sums);
        divergence.check(epoch, stepInEpoch, step, value, statistics.overallMeanSquaredError(), objective.describe());
        network.update(optimizer::step, gradient);
        return value;
    }

    /**
     * Forms the objective of the batch whose sums these are and, into {@code gradient}, its
     * gradient, with weight decay.
     *
     * @return the objective
     */
    double gradientOf(GroupGradientSums sums) {
        sums.copyStatisticsTo(statistics);
        epochStatistics.addAll(statistics);
        double value = objective.value(statistics);
        GroupErrors factors = statistics;
        if (runningErrors != null) {
            runningErrors.update(statistics);
            factors = runningErrors;
        }
        objective.sumSquaresWeights(statistics, factors, sumSquaresWeights);
        sums.combine(sumSquaresWeights, gradient);
        if (weightDecay > 0f) {
            network.addWeightDecay(weightDecay, gradient);
        }
        return value;
    }

    /** @return the gradient of the last step, the network's layout; valid until the next step */
    float[] gradient() {
        return gradient;
    }
}
