package org.fairreg.cli;

/** The exit codes of every fairreg command. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** The command failed while running: unreadable or invalid data, a diverged run, a failed write. */
    static final int FAILURE = 1;
    /** The command line was wrong: an unknown option, a bad value, a missing argument. */
    static final int USAGE = 2;
    /**
     * Training was stopped on request and saved a checkpoint. 130 is what shells report for a
     * process ended by Ctrl-C; a signal's own status (130, 143) replaces it when a signal stopped it.
     */
    static final int INTERRUPTED = 130;

    /** The help section listing the codes, shared by every command. */
    static final String HELP_SECTION = "%nExit codes:%n"
            + "  0   success%n"
            + "  1   failure while running (bad data, diverged training, write error)%n"
            + "  2   bad usage (unknown option, invalid value)%n"
            + "  130 stopped by Ctrl-C (143 by SIGTERM); train with --checkpoint saves one first%n";

    private ExitCodes() {
    }
}
