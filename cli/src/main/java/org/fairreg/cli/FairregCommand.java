package org.fairreg.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.fairreg.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code fairreg} command and its entry point. */
@Command(name = "fairreg", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains regression models whose errors are fair across groups of the data.",
        subcommands = {
            GenerateCommand.class, TrainCommand.class, SweepCommand.class, EvaluateCommand.class,
            PredictCommand.class, ExportCommand.class,
            HelpCommand.class
        },
        footer = {
            "%nStart with:",
            "  fairreg train                  train on the built-in data and print the per-group test report",
            "  fairreg train --help           every training option",
            ExitCodes.HELP_SECTION
        })
public final class FairregCommand implements Runnable {

    /** Columns of the help text; wide enough that examples fit on one line. */
    private static final int USAGE_WIDTH = 110;

    @Spec
    CommandSpec spec;

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Builds the command line with fairreg's converters and error handling; tests call
     * {@code execute} on it.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FairregCommand());
        Converters.register(commandLine);
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setParameterExceptionHandler(USAGE_ERROR);
        commandLine.setExecutionExceptionHandler(FAILURE);
        commandLine.setExecutionStrategy(RepeatedOptions::refuseThenRun);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** A bad command line: the problem and where to find help, exit code 2. */
    private static final IParameterExceptionHandler USAGE_ERROR = (exception, args) -> {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + exception.getMessage());
        err.println("Try '" + name + " --help'.");
        return ExitCodes.USAGE;
    };

    /**
     * A failure while running: one line naming what went wrong, exit code 1. Bad data, unreadable
     * files and data that does not suit the settings are expected failures and get no stack
     * trace; anything else is a bug and gets one.
     */
    private static final IExecutionExceptionHandler FAILURE = (Exception exception, CommandLine command,
            ParseResult parseResult) -> {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (exception instanceof DataException || exception instanceof IOException
                || exception instanceof IllegalArgumentException) {
            err.println(name + ": error: " + exception.getMessage());
        } else {
            err.println(name + ": internal error, please report it:");
            exception.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    };
}
