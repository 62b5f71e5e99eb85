package org.fairreg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fairreg.data.DataException;
import org.fairreg.data.Dataset;
import org.fairreg.data.Splits;
import org.fairreg.io.CheckpointFile;
import org.fairreg.io.HistoryCsv;
import org.fairreg.io.ModelFile;
import org.fairreg.io.ReportJson;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupReport;
import org.fairreg.report.TrainPage;
import org.fairreg.train.Checkpointing;
import org.fairreg.train.Execution;
import org.fairreg.train.FittedModel;
import org.fairreg.train.Trainer;
import org.fairreg.train.TrainingCheckpoint;
import org.fairreg.train.Provenance;
import org.fairreg.train.TrainingDivergedException;
import org.fairreg.train.TrainingInterruptedException;
import org.fairreg.train.TrainingListener;
import org.fairreg.train.TrainingResult;
import org.fairreg.train.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code fairreg train}: trains a model, reports it per group on the test part, writes files. */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Trains a fair regressor and prints its per-group errors on the held-out test rows.",
            "With no --data it trains on the recipe's built-in data."
        },
        footer = {
            "%nExamples:",
            "  fairreg train",
            "  fairreg train --objective gap                     (the recipe, verbatim)",
            "  fairreg train --data prices.csv --target price --group region --lambda 2 --model-out m.json",
            ExitCodes.HELP_SECTION
        })
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(validate = false, heading = "%nData:%n", order = 1)
    DataSource data = new DataSource();

    @ArgGroup(validate = false, heading = "%nModel and training:%n", order = 2)
    TrainingOptions training = new TrainingOptions();

    @ArgGroup(validate = false, heading = "%nOutputs:%n", order = 3)
    Outputs outputs = new Outputs();

    @ArgGroup(validate = false, heading = "%nCheckpoints:%n", order = 4)
    CheckpointOptions checkpoints = new CheckpointOptions();

    @Mixin
    AuditOptions audit;

    @Mixin
    LoggingOptions logging;

    /** Files written after training. */
    static final class Outputs {
        @Option(names = "--model-out", paramLabel = "FILE",
                description = "Write the model file (JSON) here; fairreg evaluate and predict read it.")
        Path model;

        @Option(names = "--report-json", paramLabel = "FILE", description = "Write the test report as JSON here.")
        Path report;

        @Option(names = "--history", paramLabel = "FILE", description = "Write the per-epoch history as CSV "
                + "here: objectives, validation mse and gap, and each group's validation mse.")
        Path history;

        @Option(names = "--report-html", paramLabel = "FILE",
                description = "Write a self-contained HTML page here: settings, test report, learning curves.")
        Path html;
    }

    @Option(names = "--threads", paramLabel = "N", order = 90,
            description = "Threads that share a batch of more than " + Execution.BLOCK_ROWS + " examples, in "
                    + "blocks of " + Execution.BLOCK_ROWS + "; the model is the same for any number. "
                    + "Default: the number of processors.")
    int threads = Runtime.getRuntime().availableProcessors();

    private int threads() {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': '" + threads
                    + "': must be at least 1");
        }
        return threads;
    }

    @Override
    public Integer call() throws IOException {
        return checkpoints.resume == null ? train(ownArguments(), null) : resume();
    }

    /** The arguments this command was given, without the command's name. */
    private List<String> ownArguments() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int name = all.indexOf(spec.name());
        return all.subList(name + 1, all.size());
    }

    /**
     * Continues a checkpoint's run: parses the arguments that started it into a fresh command and
     * trains with that, taking only the threads and the verbosity from this command line.
     */
    private Integer resume() throws IOException {
        checkpoints.checkResumeAlone(spec.commandLine());
        CheckpointFile.Contents contents = CheckpointFile.read(checkpoints.resume);
        CommandLine line = FairregCommand.commandLine();
        line.setOut(spec.commandLine().getOut());
        line.setErr(spec.commandLine().getErr());
        List<String> arguments = new ArrayList<>();
        arguments.add(spec.name());
        arguments.addAll(contents.arguments());
        TrainCommand original;
        try {
            original = (TrainCommand) line.parseArgs(arguments.toArray(String[]::new)).subcommand().commandSpec()
                    .userObject();
        } catch (ParameterException refused) {
            throw DataException.inFile(checkpoints.resume, "holds a command line this fairreg does not accept: "
                    + refused.getMessage());
        }
        original.checkpoints.resume = checkpoints.resume;
        ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--threads")) {
            original.threads = threads;
        }
        if (given.hasMatchedOption("--quiet") || given.hasMatchedOption("--verbose")) {
            original.logging = logging;
        }
        return original.train(contents.arguments(), contents);
    }

    /**
     * Trains, reports and writes the outputs.
     *
     * @param arguments the command line that started the run, for its checkpoints
     * @param resumeFrom the checkpoint to continue, or null for a new run
     */
    private Integer train(List<String> arguments, CheckpointFile.Contents resumeFrom) throws IOException {
        logging.configure();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputPaths.checkDistinct(spec.commandLine(), Arrays.asList(data.data),
                "--model-out", outputs.model, "--report-json", outputs.report, "--history", outputs.history,
                "--checkpoint", checkpoints.file, "--report-html", outputs.html);
        checkpoints.check(spec.commandLine());
        TrainingSettings settings = training.toSettings(spec.commandLine());
        Execution execution = Execution.defaults().withThreads(threads());
        if (resumeFrom != null && !resumeFrom.kernels().equals(execution.kernels().name())) {
            err.println("warning: the checkpoint was made with the " + resumeFrom.kernels() + " kernels, this run "
                    + "uses the " + execution.kernels().name() + " ones: the model will differ slightly from an "
                    + "uninterrupted run");
        }

        Splits.Parts parts = data.load(spec.commandLine(), new ProgressBar(err, ProgressBar.wanted(logging)));
        data.warnings().forEach(err::println);
        if (resumeFrom != null && !logging.quiet) {
            TrainingCheckpoint.EpochProgress progress = resumeFrom.checkpoint().progress();
            err.println("resume     " + checkpoints.resume + ": epoch " + resumeFrom.checkpoint().epoch() + ", "
                    + (progress.begun() ? "before step " + (progress.nextBatch() + 1) : "at its start"));
        }
        ProgressBar progress = new ProgressBar(err, ProgressBar.wanted(logging));
        TrainingListener console = logging.quiet ? TrainingListener.NONE
                : new ConsoleListener(err, data.describe(),
                        ConsoleListener.counts(parts.test().groups(), parts.test().groupCounts()), progress);
        try (StopOnSignal signal = checkpoints.file == null ? StopOnSignal.none() : StopOnSignal.install()) {
            Checkpointing checkpointing = checkpoints.checkpointing(arguments, Provenance.builtVersion(),
                    execution.kernels().name(), signal, resumeFrom == null ? null : resumeFrom.checkpoint());
            long started = System.nanoTime();
            TrainingResult result;
            int exitCode = ExitCodes.OK;
            try {
                result = new Trainer(settings, execution).fit(parts.train(), parts.validation(), console,
                        checkpointing);
            } catch (TrainingDivergedException diverged) {
                err.println("fairreg train: " + diverged.getMessage());
                result = diverged.result();
                exitCode = ExitCodes.FAILURE;
            } catch (TrainingInterruptedException stopped) {
                progress.clear();
                err.println("fairreg train: " + stopped.getMessage() + "; checkpoint saved to " + checkpoints.file
                        + "; continue with: fairreg train --resume " + checkpoints.file);
                return ExitCodes.INTERRUPTED;
            } catch (UncheckedIOException unsaved) {
                throw unsaved.getCause();
            }
            double trainingSeconds = (System.nanoTime() - started) / 1e9;
            evaluateAndWrite(result, parts.test(), trainingSeconds, out, err);
            return exitCode;
        }
    }

    /** Prints the test report, its audit and the timings, then writes the outputs asked for. */
    private void evaluateAndWrite(TrainingResult result, Dataset test, double trainingSeconds, PrintWriter out,
            PrintWriter err) throws IOException {
        long started = System.nanoTime();
        GroupReport report = result.model().evaluate(test);
        Optional<GroupAudit> groupAudit = audit.run(result.model(), test);
        double evaluationSeconds = (System.nanoTime() - started) / 1e9;
        ReportTable.print(report, groupAudit, String.format(Locale.ROOT,
                "test report: %s, %d examples, target '%s', %s", data.describe(), test.size(), test.targetName(),
                ReportTable.groupRole(result.model())), out);
        ConstraintLine.of(result, report, groupAudit).ifPresent(out::println);
        out.printf(Locale.ROOT, "time: training %.2f s, evaluation %.2f s%n", trainingSeconds, evaluationSeconds);
        writeOutputs(result, report, groupAudit, err);
    }

    private void writeOutputs(TrainingResult result, GroupReport report, Optional<GroupAudit> groupAudit,
            PrintWriter err) throws IOException {
        FittedModel model = result.model();
        if (outputs.model != null) {
            ModelFile.write(model, outputs.model);
            note(err, "model written to " + outputs.model + " (weights of epoch " + model.summary().keptEpoch()
                    + ", stop reason " + model.summary().stopReason().id() + ")");
        }
        if (outputs.report != null) {
            ReportJson.write(report, groupAudit, model, data.describe() + " (test part)", outputs.report);
            note(err, "report written to " + outputs.report);
        }
        if (outputs.history != null) {
            HistoryCsv.write(result.history(), result.model().groups(), outputs.history);
            note(err, "history written to " + outputs.history);
        }
        if (outputs.html != null) {
            TrainPage.write(result, report, groupAudit, data.describe(), outputs.html);
            note(err, "page written to " + outputs.html);
        }
    }

    private void note(PrintWriter err, String line) {
        if (!logging.quiet) {
            err.println(line);
        }
    }
}
