package org.fairreg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.fairreg.data.Dataset;
import org.fairreg.data.Splits;
import org.fairreg.io.FrontierFiles;
import org.fairreg.io.ModelFile;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.report.SweepPage;
import org.fairreg.train.Sweep;
import org.fairreg.train.SweepPoint;
import org.fairreg.train.SweepRefinement;
import org.fairreg.train.SweepResult;
import org.fairreg.train.SweepSelection;
import org.fairreg.train.SweepSelection.GapTarget;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.ValidationLoss;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fairreg sweep}: one model per lambda or epsilon, trained several at once, the frontier
 * of accuracy against fairness, and the model a documented rule picks on validation figures.
 */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Trains one model per --lambdas value (objective penalized) and per --epsilons value (objective",
            "constrained), plus plain mse and the recipe's gap as references, and prints the frontier of",
            "validation and test mse against the gap. One model is chosen on validation figures only: the lowest",
            "validation mse whose validation gap is within --target-gap; without one, the lowest validation gap."
        },
        footer = {
            "%nExamples:",
            "  fairreg sweep --lambdas 0.1,0.3,1,3 --epsilons 5%%,20%% --frontier-csv frontier.csv",
            "  fairreg sweep --data insurance.csv --target charges --group smoker --lambdas 0.5,1,2 --model-out m.json",
            ExitCodes.HELP_SECTION
        })
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(validate = false, heading = "%nData:%n", order = 1)
    DataSource data = new DataSource();

    @ArgGroup(validate = false, heading = "%nModel and training (shared by every point):%n", order = 2)
    TrainingOptions training = new TrainingOptions();

    @ArgGroup(validate = false, heading = "%nSweep:%n", order = 3)
    SweepOptions sweep = new SweepOptions();

    @ArgGroup(validate = false, heading = "%nOutputs:%n", order = 4)
    Outputs outputs = new Outputs();

    @Mixin
    AuditOptions audit;

    @Mixin
    LoggingOptions logging;

    /** What to sweep and how to choose. */
    static final class SweepOptions {
        @Option(names = "--lambdas", paramLabel = "X", split = ",",
                description = "Penalty weights to train with --objective penalized. Default: 0.1,0.3,1,3 when "
                        + "--epsilons is not given either.")
        List<Double> lambdas = new ArrayList<>();

        @Option(names = "--epsilons", paramLabel = "E", split = ",",
                description = "Allowed gaps to train with --objective constrained: amounts in the target's unit "
                        + "squared or percentages of the overall mse such as 5%%.")
        List<Epsilon> epsilons = new ArrayList<>();

        @Option(names = "--references", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Also train plain mse and, for two groups, the recipe's gap objective (with its "
                        + "batch-mean validation), with the same data, network and standardizing. Default: on")
        boolean references = true;

        @Option(names = "--target-gap", paramLabel = "G", defaultValue = "50%",
                description = "Validation gap the choice aims for: an amount in the target's unit squared, or a "
                        + "percentage of the plain-mse reference's validation gap. Default: ${DEFAULT-VALUE}")
        String targetGap = "50%";

        @Option(names = "--threads", paramLabel = "N",
                description = "Models trained at once. Default: the number of processors.")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--refine", paramLabel = "ROUNDS", defaultValue = "2",
                description = "Rounds that add two lambdas between the neighbouring lambdas whose validation "
                        + "gaps straddle the target, so the choice lands near it; 0 for the grid alone. "
                        + "Default: ${DEFAULT-VALUE}")
        int refineRounds = 2;
    }

    /** Files written after the sweep. */
    static final class Outputs {
        @Option(names = "--frontier-csv", paramLabel = "FILE", description = "Write the frontier as CSV here.")
        Path frontierCsv;

        @Option(names = "--frontier-json", paramLabel = "FILE", description = "Write the frontier as JSON here.")
        Path frontierJson;

        @Option(names = "--model-out", paramLabel = "FILE", description = "Write the chosen model here.")
        Path model;

        @Option(names = "--report-html", paramLabel = "FILE",
                description = "Write a self-contained HTML page here: the frontier and the chosen model.")
        Path html;
    }

    @Override
    public Integer call() throws IOException {
        logging.configure();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputPaths.checkDistinct(spec.commandLine(), Arrays.asList(data.data), "--frontier-csv",
                outputs.frontierCsv, "--frontier-json", outputs.frontierJson, "--model-out", outputs.model,
                "--report-html", outputs.html);
        TrainingSettings base = training.toSettings(spec.commandLine());
        GapTarget target = target();
        int rounds = refineRounds();

        Splits.Parts parts = data.load(spec.commandLine(), new ProgressBar(err, ProgressBar.wanted(logging)));
        data.warnings().forEach(err::println);
        int groupCount = parts.train().groups().size();
        List<SweepPoint> points = points(base, groupCount);
        if (sweep.references && groupCount != 2) {
            note(err, "the recipe's gap reference is left out: it compares exactly 2 groups, the data has "
                    + groupCount);
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger(points.size());
        ProgressBar bar = new ProgressBar(err, ProgressBar.wanted(logging));
        bar.update(0, total.get(), "models 0/" + total.get(), "");
        long started = System.nanoTime();
        Sweep trainer = new Sweep(threads());
        Sweep.Progress shown = result -> progress(err, bar, result, done.incrementAndGet(), total.get());
        List<SweepResult> results = new ArrayList<>(trainer.run(points, parts.train(), parts.validation(),
                parts.test(), shown));
        boolean withinNoise = referenceGapWithinNoise(results, parts.validation(), target);
        for (int round = 0; round < rounds && !withinNoise; round++) {
            List<Double> lambdas = SweepRefinement.nextLambdas(results, SweepSelection.of(results, target)
                    .targetGap());
            if (lambdas.isEmpty()) {
                break;
            }
            List<SweepPoint> more = lambdaPoints(base, lambdas);
            total.addAndGet(more.size());
            results.addAll(trainer.run(more, parts.train(), parts.validation(), parts.test(), shown));
        }
        bar.clear();
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Optional<GroupAudit>> audits = new ArrayList<>();
        for (SweepResult result : results) {
            audits.add(audit.run(result.training().model(), parts.test()));
        }
        SweepSelection selection = SweepSelection.of(results, target, withinNoise);
        FrontierTable.print(results, selection, audits, String.format(Locale.ROOT,
                "frontier: %s, %d models in %.1f s; validation %d examples, test %d", data.describe(),
                results.size(), seconds, parts.validation().size(), parts.test().size()), out);
        writeOutputs(results, selection, audits, err);
        if (outputs.html != null) {
            SweepPage.write(results, selection, audits, data.describe(), outputs.html);
            note(err, "page written to " + outputs.html);
        }
        return ExitCodes.OK;
    }

    /**
     * Whether the plain-mse reference's validation gap is within sampling noise, by the audit's
     * permutation test on the validation examples; false with an absolute target or no audit.
     */
    private boolean referenceGapWithinNoise(List<SweepResult> results, Dataset validation, GapTarget target) {
        if (!target.relative()) {
            return false;
        }
        SweepResult reference = results.get(SweepSelection.mseReference(results));
        return audit.run(reference.training().model(), validation).map(GroupAudit::gapWithinNoise).orElse(false);
    }

    private List<SweepPoint> points(TrainingSettings base, int groupCount) {
        List<Double> lambdas = sweep.lambdas.isEmpty() && sweep.epsilons.isEmpty()
                ? List.of(0.1, 0.3, 1.0, 3.0)
                : sweep.lambdas;
        List<SweepPoint> points = new ArrayList<>();
        if (sweep.references) {
            points.add(new SweepPoint("mse (reference)", base.withObjective(ObjectiveKind.MSE), true));
            if (groupCount == 2) {
                points.add(new SweepPoint("gap (reference)", base.withObjective(ObjectiveKind.GAP)
                        .withValidationLoss(ValidationLoss.BATCH_MEAN), true));
            }
        }
        points.addAll(lambdaPoints(base, lambdas));
        for (Epsilon epsilon : sweep.epsilons) {
            points.add(new SweepPoint("epsilon=" + epsilon, base.withObjectiveSettings(base.objectiveSettings()
                    .withKind(ObjectiveKind.CONSTRAINED).withEpsilon(epsilon)), false));
        }
        return points;
    }

    /** One penalized point per lambda, labelled by it. */
    private List<SweepPoint> lambdaPoints(TrainingSettings base, List<Double> lambdas) {
        List<SweepPoint> points = new ArrayList<>();
        for (double lambda : lambdas) {
            TrainingSettings settings;
            try {
                settings = base.withObjective(ObjectiveKind.PENALIZED).withLambda(lambda);
            } catch (IllegalArgumentException invalid) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--lambdas': '" + lambda
                        + "': " + invalid.getMessage());
            }
            points.add(new SweepPoint("lambda=" + lambda, settings, false));
        }
        return points;
    }

    private int refineRounds() {
        if (sweep.refineRounds < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--refine': '"
                    + sweep.refineRounds + "': must be at least 0");
        }
        return sweep.refineRounds;
    }

    private GapTarget target() {
        try {
            GapTarget target = GapTarget.parse(sweep.targetGap);
            if (target.relative() && !sweep.references) {
                throw new IllegalArgumentException("a percentage needs the plain-mse reference; drop "
                        + "--no-references or give an amount");
            }
            return target;
        } catch (IllegalArgumentException invalid) {
            boolean given = spec.commandLine().getParseResult().hasMatchedOption("--target-gap");
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--target-gap': '"
                    + sweep.targetGap + "'" + (given ? "" : " (the default)") + ": " + invalid.getMessage());
        }
    }

    private int threads() {
        if (sweep.threads < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': '"
                    + sweep.threads + "': must be at least 1");
        }
        return sweep.threads;
    }

    /** Prints the model just finished, then draws the bar again below, on a terminal. */
    private void progress(PrintWriter err, ProgressBar bar, SweepResult result, int done, int total) {
        if (logging.quiet) {
            return;
        }
        synchronized (err) {
            bar.clear();
            err.printf(Locale.ROOT, "done %d/%d  %-18s  epochs %3d  validation mse %.5g  gap %.5g%n", done, total,
                    result.point().label(), result.training().summary().epochsRun(), result.validationMse(),
                    result.validationGap());
            bar.update(done, total, "models " + done + "/" + total, "");
        }
    }

    private void writeOutputs(
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits,
            PrintWriter err) throws IOException {
        if (outputs.frontierCsv != null) {
            FrontierFiles.writeCsv(results, selection, audits, outputs.frontierCsv);
            note(err, "frontier written to " + outputs.frontierCsv);
        }
        if (outputs.frontierJson != null) {
            FrontierFiles.writeJson(results, selection, audits, outputs.frontierJson);
            note(err, "frontier written to " + outputs.frontierJson);
        }
        if (outputs.model != null) {
            SweepResult chosen = results.get(selection.selected());
            ModelFile.write(chosen.training().model(), outputs.model);
            note(err, "chosen model (" + chosen.point().label() + ") written to " + outputs.model);
        }
    }

    private void note(PrintWriter err, String line) {
        if (!logging.quiet) {
            err.println(line);
        }
    }
}
