package org.fairreg;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.fairreg.data.Dataset;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.Execution;
import org.fairreg.train.Trainer;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingSettings;

/**
 * The library's entry point: settings made with a {@link Builder}, then {@link #fit} on labelled
 * data, giving a {@link FairModel} that predicts, evaluates per group, audits and saves itself.
 *
 * <pre>{@code
 * Dataset data = CsvDataReader.read(Path.of("insurance.csv"), ColumnSelection.of("charges", "smoker"));
 * FairModel model = FairRegressor.builder().lambda(0.3).seed(7).build().fit(data);
 * GroupReport report = model.evaluate(data);
 * model.save(Path.of("model.json"));
 * }</pre>
 *
 * <p>The builder starts from {@link TrainingSettings#defaults()}: the {@code penalized} objective
 * with lambda 1 and the range gap, a 64-64 relu network, Adam at 0.001, batches of 64, up to 500
 * epochs with early stopping after 10 without improvement, seed 42. Everything the command line
 * can set is reachable through {@link Builder#settings(UnaryOperator)}. Immutable and thread-safe:
 * one regressor may fit several data sets at once.
 */
public final class FairRegressor {

    /** The share of the data {@link #fit(Dataset)} keeps aside for early stopping. */
    public static final double VALIDATION_FRACTION = 0.2;

    private final TrainingSettings settings;
    private final int threads;

    private FairRegressor(TrainingSettings settings, int threads) {
        this.settings = settings;
        this.threads = threads;
    }

    /** @return a builder holding the default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the settings every fit uses */
    public TrainingSettings settings() {
        return settings;
    }

    /**
     * Trains on one labelled data set, keeping a seeded {@value #VALIDATION_FRACTION} of it aside
     * for early stopping and the choice of the kept epoch.
     *
     * @param data the labelled examples, at least 3
     * @return the trained model
     * @throws IllegalArgumentException if the data does not suit the settings (too few examples,
     *         a batch larger than the training part, a group count the objective cannot use)
     * @throws org.fairreg.train.TrainingDivergedException if training diverged; it carries the
     *         model with the best weights seen
     */
    public FairModel fit(Dataset data) {
        Objects.requireNonNull(data, "data");
        int validationCount = (int) Math.max(1, Math.round(VALIDATION_FRACTION * data.size()));
        if (data.size() < 2 || validationCount >= data.size()) {
            throw new IllegalArgumentException("data must hold at least 2 examples, found " + data.size());
        }
        int[] order = new LegacyRandom(settings.seed()).permutation(data.size());
        int[] validation = Arrays.copyOfRange(order, 0, validationCount);
        int[] train = Arrays.copyOfRange(order, validationCount, order.length);
        // In file order, so that the batches depend on the seed only, not on the permutation.
        Arrays.sort(validation);
        Arrays.sort(train);
        return fit(data.rows(train), data.rows(validation));
    }

    /**
     * Trains on a training part, choosing the kept epoch on a validation part.
     *
     * @param train the training examples
     * @param validation the validation examples, with the same features and groups
     * @return the trained model
     * @throws IllegalArgumentException if the data does not suit the settings
     * @throws org.fairreg.train.TrainingDivergedException if training diverged
     */
    public FairModel fit(Dataset train, Dataset validation) {
        return new FairModel(new Trainer(settings, Execution.defaults().withThreads(threads))
                .fit(train, validation, TrainingListener.NONE).model());
    }

    /**
     * Settings for a {@link FairRegressor}. Each method checks its value at once and throws
     * {@link IllegalArgumentException} naming it. Not thread-safe.
     */
    public static final class Builder {

        private TrainingSettings settings = TrainingSettings.defaults();
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Trains for accuracy and fairness: the MSE plus {@code lambda} times the gap, with the
         * objective {@code penalized}.
         *
         * @param lambda the gap's weight, at least 0 (0 trains for accuracy alone)
         * @return this builder
         */
        public Builder lambda(double lambda) {
            settings = settings.withObjective(ObjectiveKind.PENALIZED).withLambda(lambda);
            return this;
        }

        /**
         * Trains for accuracy under a bound on the gap, with the objective {@code constrained}.
         *
         * @param epsilon the allowed difference between two groups' MSEs: an amount in the
         *        target's unit squared, or a share of the overall MSE such as {@code "5%"}
         * @return this builder
         */
        public Builder epsilon(String epsilon) {
            settings = settings.withObjectiveSettings(settings.objectiveSettings()
                    .withKind(ObjectiveKind.CONSTRAINED).withEpsilon(Epsilon.parse(epsilon)));
            return this;
        }

        /**
         * @param objective the objective: {@code mse}, {@code gap} (the recipe's), {@code penalized}
         *        or {@code constrained}
         * @return this builder
         */
        public Builder objective(ObjectiveKind objective) {
            settings = settings.withObjective(objective);
            return this;
        }

        /**
         * @param measure how the group MSEs make one gap: range (the default), variance or
         *        mean pairwise squared difference
         * @return this builder
         */
        public Builder gapMeasure(GapMeasure measure) {
            settings = settings.withObjectiveSettings(settings.objectiveSettings().withMeasure(measure));
            return this;
        }

        /**
         * @param sizes the widths of the hidden layers; none for a linear model
         * @return this builder
         */
        public Builder hiddenLayers(int... sizes) {
            settings = settings.withHiddenSizes(sizes);
            return this;
        }

        /**
         * @param epochs the most epochs to train, at least 1
         * @return this builder
         */
        public Builder maxEpochs(int epochs) {
            settings = settings.withMaxEpochs(epochs);
            return this;
        }

        /**
         * @param seed the seed of the initial weights and every shuffle, in {@code [0, 2^32)}
         * @return this builder
         */
        public Builder seed(long seed) {
            settings = settings.withSeed(seed);
            return this;
        }

        /**
         * @param count threads that share a large batch; the model does not depend on it
         * @return this builder
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, found " + count);
            }
            threads = count;
            return this;
        }

        /**
         * Changes any other setting, such as
         * {@code settings(s -> s.withBatchSize(128).withPatience(20))}.
         *
         * @param change returns the changed settings
         * @return this builder
         */
        public Builder settings(UnaryOperator<TrainingSettings> change) {
            settings = Objects.requireNonNull(change.apply(settings), "changed settings");
            return this;
        }

        /** @return a regressor with these settings */
        public FairRegressor build() {
            return new FairRegressor(settings, threads);
        }
    }
}
