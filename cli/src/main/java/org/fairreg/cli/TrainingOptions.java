package org.fairreg.cli;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.fairreg.model.Activation;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.GapForm;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.objective.ObjectiveSettings;
import org.fairreg.optim.OptimizerKind;
import org.fairreg.train.Batching;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.ValidationLoss;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The settings of a training run as options, and their translation into
 * {@link TrainingSettings}. Options left unset keep the library's defaults, except those whose
 * default depends on the objective: {@code --objective gap} replays the recipe verbatim (raw
 * features and target, the recipe's batch-mean validation figure), and only
 * {@code --objective penalized} standardizes the target by default, which it needs so that
 * {@code lambda} weighs penalty against loss the same way whatever the target's unit. The other
 * objectives train on the target as given, as the recipe does: on the recipe's data, Adam at
 * 1e-3 reaches a test MSE of about 0.08 on the raw target but stalls near 0.35 on the
 * standardized one (numpy in float64 agrees), see {@code docs/recipe.md}.
 */
final class TrainingOptions {

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",", defaultValue = "64,64",
            description = "Comma-separated widths of the hidden layers; 'none' for a linear model. "
                    + "Default: ${DEFAULT-VALUE}")
    List<String> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden activation: relu, tanh or identity. Default: ${DEFAULT-VALUE}")
    Activation activation;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "penalized",
            description = "What to minimize: mse (accuracy only), gap (the recipe: (e0 - e1)^2 alone), "
                    + "penalized (mse + lambda * gap measure), constrained (mse while no group's mse exceeds "
                    + "another's by more than --epsilon). Default: ${DEFAULT-VALUE}")
    ObjectiveKind objective;

    @Option(names = "--lambda", paramLabel = "X", defaultValue = "1",
            description = "Weight of the fairness penalty of --objective penalized, a pure number since the "
                    + "target is standardized. Default: ${DEFAULT-VALUE}")
    double lambda;

    @Option(names = "--gap-measure", paramLabel = "NAME", defaultValue = "range",
            description = "Gap measure of --objective penalized over the groups' mse: range (max - min), "
                    + "variance or pairwise (mean squared difference); each is the recipe's gap for two groups. "
                    + "Default: ${DEFAULT-VALUE}")
    GapMeasure gapMeasure;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "5%",
            description = "Allowed gap of --objective constrained: an amount in the target's unit squared, or "
                    + "a percentage of the overall mse such as 5%%. Default: ${DEFAULT-VALUE}")
    Epsilon epsilon;

    @Option(names = "--multiplier-rate", paramLabel = "X", defaultValue = "0.1",
            description = "Ascent rate of the Lagrange multipliers of --objective constrained, per epoch; "
                    + "larger values meet the constraint sooner but overshoot. "
                    + "Default: ${DEFAULT-VALUE}")
    double multiplierRate;

    @Option(names = "--gap-form", paramLabel = "FORM", defaultValue = "squared",
            description = "Form of the gap of --objective gap: squared or absolute. Default: ${DEFAULT-VALUE}")
    GapForm gapForm;

    @Option(names = "--batching", paramLabel = "HOW", defaultValue = "shuffle",
            description = "shuffle (the recipe: one shuffle, consecutive batches) or stratified (every batch "
                    + "holds every group in proportion). Default: ${DEFAULT-VALUE}")
    Batching batching;

    @Option(names = "--gap-estimate", paramLabel = "HOW", defaultValue = "batch",
            description = "Where the gap's gradient factor comes from: batch (the recipe, exact but noisy) or "
                    + "running (group errors over about the last epoch). Default: ${DEFAULT-VALUE}")
    GapEstimate gapEstimate;

    @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "0",
            description = "L2 weight decay: d * w is added to the gradient of every kernel weight. "
                    + "Default: ${DEFAULT-VALUE}")
    double weightDecay;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "adam (Keras defaults: beta1 0.9, beta2 0.999, epsilon 1e-7) or sgd (with momentum). "
                    + "Default: ${DEFAULT-VALUE}")
    OptimizerKind optimizer;

    @Option(names = "--learning-rate", paramLabel = "X", defaultValue = "0.001",
            description = "Step size of the optimizer. Default: ${DEFAULT-VALUE}")
    double learningRate;

    @Option(names = "--momentum", paramLabel = "X", defaultValue = "0.9",
            description = "Momentum of --optimizer sgd, in [0, 1). Default: ${DEFAULT-VALUE}")
    double momentum;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Examples per step. Default: ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "500",
            description = "Most passes over the training data. Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "10",
            description = "Epochs without a better validation objective that stop the run. Default: ${DEFAULT-VALUE}")
    int patience;

    @Option(names = "--restore-best", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "End with the weights of the best validation epoch rather than the last. Default: on")
    boolean restoreBest;

    @Option(names = "--validation-loss", paramLabel = "HOW",
            description = "full (the objective of the whole validation set) or batch-mean (the recipe's mean of "
                    + "per-batch values). Default: batch-mean for --objective gap, full otherwise.")
    ValidationLoss validationLoss;

    @Option(names = "--standardize-features", negatable = true,
            description = "Standardize features with training means and deviations. "
                    + "Default: off for --objective gap, on otherwise.")
    Boolean standardizeFeatures;

    @Option(names = "--standardize-target", negatable = true,
            description = "Standardize the target with its training mean and deviation, which makes --lambda "
                    + "scale-free; reports stay in the target's unit. Default: on for --objective penalized and "
                    + "constrained, off otherwise.")
    Boolean standardizeTarget;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the initial weights and of every shuffle, in [0, 2^32). Default: ${DEFAULT-VALUE}")
    long seed;

    /**
     * @param commandLine the command, for usage errors
     * @return the settings these options describe
     * @throws ParameterException naming the option if a value is out of range, or, for
     *         {@code train}, naming both options if one was given that the chosen objective or
     *         optimizer ignores ({@link OptionConflicts})
     */
    TrainingSettings toSettings(CommandLine commandLine) {
        // sweep trains several objectives from one set of options, so none of them is ignored there.
        if (commandLine.getCommand() instanceof TrainCommand) {
            OptionConflicts.check(commandLine, objective, optimizer);
        }
        boolean recipe = objective == ObjectiveKind.GAP;
        TrainingSettings base = recipe ? TrainingSettings.recipe() : TrainingSettings.defaults();
        OptionValue option = new OptionValue(commandLine);
        TrainingSettings s = base.withOptimizer(optimizer).withActivation(activation).withRestoreBest(restoreBest)
                .withBatching(batching).withGapEstimate(gapEstimate);
        s = option.apply("--hidden", hidden, s, d -> d.withHiddenSizes(hiddenSizes()));
        s = option.apply("--lambda", lambda, s, d -> d.withObjectiveSettings(objectiveSettings()));
        s = option.apply("--multiplier-rate", multiplierRate, s,
                d -> d.withObjectiveSettings(d.objectiveSettings().withMultiplierRate(multiplierRate)));
        s = option.apply("--weight-decay", weightDecay, s, d -> d.withWeightDecay(weightDecay));
        s = option.apply("--learning-rate", learningRate, s, d -> d.withLearningRate(learningRate));
        s = option.apply("--momentum", momentum, s, d -> d.withMomentum(momentum));
        s = option.apply("--batch-size", batchSize, s, d -> d.withBatchSize(batchSize));
        s = option.apply("--epochs", epochs, s, d -> d.withMaxEpochs(epochs));
        s = option.apply("--patience", patience, s, d -> d.withPatience(patience));
        s = option.apply("--seed", seed, s, d -> d.withSeed(seed));
        return s
                .withValidationLoss(validationLoss != null ? validationLoss : base.validationLoss())
                .withStandardizeFeatures(standardizeFeatures != null ? standardizeFeatures : !recipe)
                .withStandardizeTarget(standardizeTarget != null
                        ? standardizeTarget
                        : objective == ObjectiveKind.PENALIZED || objective == ObjectiveKind.CONSTRAINED);
    }

    private ObjectiveSettings objectiveSettings() {
        return ObjectiveSettings.defaults().withKind(objective).withLambda(lambda).withMeasure(gapMeasure)
                .withGapForm(gapForm).withEpsilon(epsilon);
    }

    /** Applies one option's value, turning a refusal into a usage error that names the option. */
    private static final class OptionValue {
        private final CommandLine commandLine;

        OptionValue(CommandLine commandLine) {
            this.commandLine = commandLine;
        }

        TrainingSettings apply(String option, Object value, TrainingSettings settings,
                UnaryOperator<TrainingSettings> change) {
            try {
                return change.apply(settings);
            } catch (IllegalArgumentException invalid) {
                String shown = value instanceof List
                        ? ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining(","))
                        : String.valueOf(value);
                throw new ParameterException(commandLine, "Invalid value for option '" + option + "': '" + shown
                        + "': " + invalid.getMessage());
            }
        }
    }

    private int[] hiddenSizes() {
        if (hidden.size() == 1 && "none".equalsIgnoreCase(hidden.get(0).trim())) {
            return new int[0];
        }
        int[] sizes = new int[hidden.size()];
        for (int l = 0; l < sizes.length; l++) {
            try {
                sizes[l] = Integer.parseInt(hidden.get(l).trim());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("--hidden must list whole numbers or be 'none', found '"
                        + hidden.get(l) + "'");
            }
        }
        return sizes;
    }
}
