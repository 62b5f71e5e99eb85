package org.fairreg.train;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

import org.fairreg.model.Activation;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.Objective;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.objective.ObjectiveSettings;
import org.fairreg.optim.OptimizerKind;

/**
 * Every setting of a training run. Immutable: each {@code withX} returns a changed copy, checked
 * by the same rules as the defaults.
 *
 * <p>{@link #defaults()} is fairreg's everyday choice (penalized objective with lambda 1 on
 * standardized features and target); {@link #recipe()} is the recipe of the design notes, verbatim
 * (gap objective on the raw target, batch-mean validation).
 */
public final class TrainingSettings {

    /** The largest batch size accepted. */
    public static final int MAX_BATCH_SIZE = 1 << 20;

    private final int[] hiddenSizes;
    private final Activation activation;
    private final ObjectiveSettings objective;
    private final OptimizerKind optimizer;
    private final double learningRate;
    private final double momentum;
    private final int batchSize;
    private final int maxEpochs;
    private final int patience;
    private final boolean restoreBest;
    private final ValidationLoss validationLoss;
    private final Batching batching;
    private final GapEstimate gapEstimate;
    private final double weightDecay;
    private final boolean standardizeFeatures;
    private final boolean standardizeTarget;
    private final long seed;

    private TrainingSettings(Builder b) {
        check(b);
        this.hiddenSizes = b.hiddenSizes.clone();
        this.activation = b.activation;
        this.objective = b.objective;
        this.optimizer = b.optimizer;
        this.learningRate = b.learningRate;
        this.momentum = b.momentum;
        this.batchSize = b.batchSize;
        this.maxEpochs = b.maxEpochs;
        this.patience = b.patience;
        this.restoreBest = b.restoreBest;
        this.validationLoss = b.validationLoss;
        this.batching = b.batching;
        this.gapEstimate = b.gapEstimate;
        this.weightDecay = b.weightDecay;
        this.standardizeFeatures = b.standardizeFeatures;
        this.standardizeTarget = b.standardizeTarget;
        this.seed = b.seed;
    }

    /**
     * @return hidden 64,64 relu; penalized, lambda 1, range; Adam, learning rate 1e-3, no weight
     *         decay; shuffled batches of 64 with batch gap estimates; at most 500 epochs, patience
     *         10, best weights restored; full validation set; features and target standardized;
     *         seed 42
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(new Builder());
    }

    /**
     * @return the defaults with the recipe's objective, {@code (e_0 - e_1)^2}, on unstandardized
     *         features and target, stopped on the recipe's batch-mean validation figure
     */
    public static TrainingSettings recipe() {
        return defaults()
                .withObjective(ObjectiveKind.GAP)
                .withStandardizeFeatures(false)
                .withStandardizeTarget(false)
                .withValidationLoss(ValidationLoss.BATCH_MEAN);
    }

    /**
     * Creates the objective these settings name.
     *
     * @param squaredErrorScale factor from squared errors in the target's unit to those on the
     *        scale trained on, {@code 1 / targetScale^2}
     * @return a new objective
     */
    public Objective createObjective(double squaredErrorScale) {
        return objective.create(squaredErrorScale);
    }

    /** @return the width of each hidden layer, input side first */
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /** @return the activation of the hidden layers */
    public Activation activation() {
        return activation;
    }

    /** @return the objective's kind */
    public ObjectiveKind objective() {
        return objective.kind();
    }

    /** @return the objective and its parameters */
    public ObjectiveSettings objectiveSettings() {
        return objective;
    }

    /** @return the optimizer's kind */
    public OptimizerKind optimizer() {
        return optimizer;
    }

    /** @return the optimizer's learning rate */
    public double learningRate() {
        return learningRate;
    }

    /** @return the momentum of {@link OptimizerKind#SGD} */
    public double momentum() {
        return momentum;
    }

    /** @return examples per training batch */
    public int batchSize() {
        return batchSize;
    }

    /** @return the most epochs a run makes */
    public int maxEpochs() {
        return maxEpochs;
    }

    /** @return how many epochs without improvement of the validation objective stop a run */
    public int patience() {
        return patience;
    }

    /** @return whether a run ends with the weights of its best epoch rather than its last */
    public boolean restoreBest() {
        return restoreBest;
    }

    /** @return how the validation objective is computed */
    public ValidationLoss validationLoss() {
        return validationLoss;
    }

    /** @return how each epoch is cut into batches */
    public Batching batching() {
        return batching;
    }

    /** @return where the factor on each group error's batch gradient comes from */
    public GapEstimate gapEstimate() {
        return gapEstimate;
    }

    /** @return the L2 weight decay {@code d}: kernels get {@code d * w} added to their gradient */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return whether features are standardized with training means and scales */
    public boolean standardizeFeatures() {
        return standardizeFeatures;
    }

    /** @return whether the target is standardized, which makes {@code lambda} scale-free */
    public boolean standardizeTarget() {
        return standardizeTarget;
    }

    /** @return the seed of the initialization and of every shuffle, in {@code [0, 2^32)} */
    public long seed() {
        return seed;
    }

    /**
     * @param sizes hidden layer widths, input side first, each at least 1; empty for a linear
     *        model
     * @return a copy with these hidden layers
     */
    public TrainingSettings withHiddenSizes(int... sizes) {
        return with(b -> b.hiddenSizes = sizes.clone());
    }

    /**
     * @param value the hidden activation
     * @return a copy with it
     */
    public TrainingSettings withActivation(Activation value) {
        return with(b -> b.activation = value);
    }

    /**
     * @param value the objective, its parameters unchanged
     * @return a copy with it
     */
    public TrainingSettings withObjective(ObjectiveKind value) {
        return with(b -> b.objective = b.objective.withKind(value));
    }

    /**
     * @param value penalty weight of the penalized objective, finite and at least 0
     * @return a copy with it
     */
    public TrainingSettings withLambda(double value) {
        return with(b -> b.objective = b.objective.withLambda(value));
    }

    /**
     * @param value the objective and all its parameters
     * @return a copy with it
     */
    public TrainingSettings withObjectiveSettings(ObjectiveSettings value) {
        return with(b -> b.objective = value);
    }

    /**
     * @param value how to cut epochs into batches
     * @return a copy with it
     */
    public TrainingSettings withBatching(Batching value) {
        return with(b -> b.batching = value);
    }

    /**
     * @param value where gap factors come from
     * @return a copy with it
     */
    public TrainingSettings withGapEstimate(GapEstimate value) {
        return with(b -> b.gapEstimate = value);
    }

    /**
     * @param value L2 weight decay, finite and at least 0
     * @return a copy with it
     */
    public TrainingSettings withWeightDecay(double value) {
        return with(b -> b.weightDecay = value);
    }

    /**
     * @param value the optimizer
     * @return a copy with it
     */
    public TrainingSettings withOptimizer(OptimizerKind value) {
        return with(b -> b.optimizer = value);
    }

    /**
     * @param value learning rate, finite and positive
     * @return a copy with it
     */
    public TrainingSettings withLearningRate(double value) {
        return with(b -> b.learningRate = value);
    }

    /**
     * @param value SGD momentum, in {@code [0, 1)}
     * @return a copy with it
     */
    public TrainingSettings withMomentum(double value) {
        return with(b -> b.momentum = value);
    }

    /**
     * @param value examples per batch, in {@code [1, MAX_BATCH_SIZE]}
     * @return a copy with it
     */
    public TrainingSettings withBatchSize(int value) {
        return with(b -> b.batchSize = value);
    }

    /**
     * @param value the most epochs, at least 1
     * @return a copy with it
     */
    public TrainingSettings withMaxEpochs(int value) {
        return with(b -> b.maxEpochs = value);
    }

    /**
     * @param value epochs without improvement that stop a run, at least 0
     * @return a copy with it
     */
    public TrainingSettings withPatience(int value) {
        return with(b -> b.patience = value);
    }

    /**
     * @param value whether to end with the best epoch's weights
     * @return a copy with it
     */
    public TrainingSettings withRestoreBest(boolean value) {
        return with(b -> b.restoreBest = value);
    }

    /**
     * @param value how the validation objective is computed
     * @return a copy with it
     */
    public TrainingSettings withValidationLoss(ValidationLoss value) {
        return with(b -> b.validationLoss = value);
    }

    /**
     * @param value whether to standardize features
     * @return a copy with it
     */
    public TrainingSettings withStandardizeFeatures(boolean value) {
        return with(b -> b.standardizeFeatures = value);
    }

    /**
     * @param value whether to standardize the target
     * @return a copy with it
     */
    public TrainingSettings withStandardizeTarget(boolean value) {
        return with(b -> b.standardizeTarget = value);
    }

    /**
     * @param value seed in {@code [0, 2^32)}
     * @return a copy with it
     */
    public TrainingSettings withSeed(long value) {
        return with(b -> b.seed = value);
    }

    /** @return every setting on one line, in a fixed order */
    @Override
    public String toString() {
        return "hidden=" + Arrays.toString(hiddenSizes) + " activation=" + activation.id()
                + " objective=" + objective.describe() + " optimizer=" + optimizer.id()
                + " learningRate=" + learningRate + (optimizer == OptimizerKind.SGD ? " momentum=" + momentum : "")
                + " weightDecay=" + weightDecay + " batchSize=" + batchSize + " batching=" + batching.id()
                + " gapEstimate=" + gapEstimate.id() + " maxEpochs=" + maxEpochs + " patience=" + patience
                + " restoreBest=" + restoreBest + " validationLoss=" + validationLoss.id()
                + " standardizeFeatures=" + standardizeFeatures + " standardizeTarget=" + standardizeTarget
                + " seed=" + seed;
    }

    private TrainingSettings with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new TrainingSettings(b);
    }

    private static void check(Builder b) {
        for (int l = 0; l < b.hiddenSizes.length; l++) {
            if (b.hiddenSizes[l] < 1) {
                throw new IllegalArgumentException("hidden size " + (l + 1) + " must be at least 1, found "
                        + b.hiddenSizes[l]);
            }
        }
        Objects.requireNonNull(b.activation, "activation");
        Objects.requireNonNull(b.objective, "objective");
        Objects.requireNonNull(b.batching, "batching");
        Objects.requireNonNull(b.gapEstimate, "gapEstimate");
        Objects.requireNonNull(b.optimizer, "optimizer");
        Objects.requireNonNull(b.validationLoss, "validationLoss");
        if (!(b.weightDecay >= 0.0) || Double.isInfinite(b.weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and at least 0, found " + b.weightDecay);
        }
        if (!(b.learningRate > 0.0) || Double.isInfinite(b.learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and positive, found " + b.learningRate);
        }
        if (!(b.momentum >= 0.0 && b.momentum < 1.0)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), found " + b.momentum);
        }
        if (b.batchSize < 1 || b.batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be in [1, " + MAX_BATCH_SIZE + "], found "
                    + b.batchSize);
        }
        if (b.maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be at least 1, found " + b.maxEpochs);
        }
        if (b.patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0, found " + b.patience);
        }
        if (b.seed < 0 || b.seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed must be in [0, 4294967295], found " + b.seed);
        }
    }

    /** Mutable staging area for {@code withX}; never escapes this class. */
    private static final class Builder {
        int[] hiddenSizes = {64, 64};
        Activation activation = Activation.RELU;
        ObjectiveSettings objective = ObjectiveSettings.defaults();
        OptimizerKind optimizer = OptimizerKind.ADAM;
        double learningRate = 1e-3;
        double momentum = 0.9;
        int batchSize = 64;
        int maxEpochs = 500;
        int patience = 10;
        boolean restoreBest = true;
        ValidationLoss validationLoss = ValidationLoss.FULL;
        Batching batching = Batching.SHUFFLE;
        GapEstimate gapEstimate = GapEstimate.BATCH;
        double weightDecay;
        boolean standardizeFeatures = true;
        boolean standardizeTarget = true;
        long seed = 42;

        Builder() {
        }

        Builder(TrainingSettings s) {
            hiddenSizes = s.hiddenSizes;
            activation = s.activation;
            objective = s.objective;
            optimizer = s.optimizer;
            learningRate = s.learningRate;
            momentum = s.momentum;
            batchSize = s.batchSize;
            maxEpochs = s.maxEpochs;
            patience = s.patience;
            restoreBest = s.restoreBest;
            validationLoss = s.validationLoss;
            batching = s.batching;
            gapEstimate = s.gapEstimate;
            weightDecay = s.weightDecay;
            standardizeFeatures = s.standardizeFeatures;
            standardizeTarget = s.standardizeTarget;
            seed = s.seed;
        }
    }
}
