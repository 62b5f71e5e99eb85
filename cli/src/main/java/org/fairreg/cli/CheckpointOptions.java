package org.fairreg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.fairreg.io.CheckpointFile;
import org.fairreg.train.Checkpointing;
import org.fairreg.train.TrainingCheckpoint;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code fairreg train}'s checkpoint options: where to save, how often, what to resume. */
final class CheckpointOptions {

    /** The options {@code --resume} accepts beside it: none of them changes the model. */
    private static final Set<String> ALLOWED_WITH_RESUME = Set.of("--resume", "--threads", "--quiet", "--verbose");

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save the run's state here (atomically) every --checkpoint-every epochs, and when Ctrl-C "
                    + "or SIGTERM stops it; continue with --resume FILE.")
    Path file;

    @Option(names = "--checkpoint-every", paramLabel = "EPOCHS", defaultValue = "1",
            description = "Epochs between two checkpoints; 0 saves only when stopped. Default: ${DEFAULT-VALUE}.")
    int everyEpochs;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run a checkpoint saved, with the data and options it started with; the "
                    + "model ends as if never stopped. Only --threads, -q and -v may be given beside it.")
    Path resume;

    /**
     * Checks the options of a run that saves checkpoints.
     *
     * @throws ParameterException if the interval is negative
     */
    void check(CommandLine commandLine) {
        if (everyEpochs < 0) {
            throw new ParameterException(commandLine, "Invalid value for option '--checkpoint-every': '"
                    + everyEpochs + "': must be at least 0");
        }
    }

    /**
     * Refuses options beside {@code --resume} that could change the run.
     *
     * @throws ParameterException naming the first such option
     */
    void checkResumeAlone(CommandLine commandLine) {
        for (OptionSpec option : commandLine.getParseResult().matchedOptions()) {
            if (!ALLOWED_WITH_RESUME.contains(option.longestName())) {
                throw new ParameterException(commandLine, "option '" + option.longestName() + "' cannot be given "
                        + "with '--resume': the run continues with the options it started with");
            }
        }
    }

    /**
     * How the run saves, stops and resumes.
     *
     * @param arguments the command line that started the run, saved in each checkpoint
     * @param toolVersion this fairreg's version
     * @param kernels the kernels training uses
     * @param signal the stop request
     * @param resumeFrom the checkpoint to continue, or null
     * @return the checkpointing; {@link Checkpointing#NONE} with neither a file nor a resume
     */
    Checkpointing checkpointing(List<String> arguments, String toolVersion, String kernels, StopOnSignal signal,
            TrainingCheckpoint resumeFrom) {
        if (file == null) {
            return resumeFrom == null ? Checkpointing.NONE
                    : new Checkpointing(0, checkpoint -> { }, () -> false, resumeFrom);
        }
        return new Checkpointing(everyEpochs, checkpoint -> CheckpointFile.write(
                new CheckpointFile.Contents(toolVersion, kernels, arguments, checkpoint), file),
                signal::requested, resumeFrom);
    }
}
