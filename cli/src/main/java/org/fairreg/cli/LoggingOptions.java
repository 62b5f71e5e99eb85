package org.fairreg.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v}, {@code -vv} and {@code --quiet}, shared by every command. The library logs through
 * SLF4J; the command's own progress lines are printed directly and are silenced by
 * {@code --quiet}.
 */
final class LoggingOptions {

    @Option(names = {"-v", "--verbose"},
            description = "Show the library's log on standard error: -v for INFO (how a run starts and ends), "
                    + "-vv for DEBUG (also the batch objective every 25 steps).")
    boolean[] verbosity = new boolean[0];

    @Option(names = {"-q", "--quiet"},
            description = "Print no progress lines or bars, only results, warnings and errors.")
    boolean quiet;

    /**
     * Sets the log level of the SLF4J simple binding. Must run before the first logger is made;
     * the command does it before it touches the library.
     */
    void configure() {
        String level = verbosity.length >= 2 ? "debug" : verbosity.length == 1 ? "info" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }
}
