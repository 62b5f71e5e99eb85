package org.fairreg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;

/**
 * Runs the fairreg command in-process, as {@code FairregCommand.main} would but without exiting,
 * with everything it prints captured.
 */
final class Fairreg {

    private Fairreg() {
    }

    /**
     * What one invocation did.
     *
     * @param exitCode the code {@code main} would exit with
     * @param out what the command printed to its standard output
     * @param err what the command printed to its standard error
     */
    record Run(int exitCode, String out, String err) {

        /** @return the lines of standard error */
        List<String> errLines() {
            return err.lines().toList();
        }

        /** @return the lines of standard output */
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /**
     * @param args the command line, as the shell would pass it
     * @return what the command did
     */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FairregCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * The start of {@code fairreg train} on a CSV file. The separator is given although ',' is its
     * default, so that the scenarios built on this do not depend on that default; whether the
     * default holds is {@code TrainCommandTest#trainOnCsvWithoutColumnOptionsReadsCommaSeparatedFields}.
     *
     * @param csv the data file
     * @param more further arguments
     * @return the whole command line
     */
    static String[] trainOn(Path csv, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", csv.toString(), "--separator", ","));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    /** Short-run settings for scenarios that need a trained model but not a good one. */
    static final String[] SHORT_RUN = {"--epochs", "3", "--patience", "1", "--hidden", "8"};

    /**
     * @param first some arguments
     * @param second more arguments
     * @return both, in order
     */
    static String[] concat(String[] first, String... second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
