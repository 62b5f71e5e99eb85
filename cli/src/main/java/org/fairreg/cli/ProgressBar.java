package org.fairreg.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line of progress on a terminal, redrawn in place: a bar, the share done, what is being
 * done, the rate and the time left. Off the terminal (output piped or redirected) it draws
 * nothing, so logs and files keep plain lines only. Redraws at most {@value #REDRAWS_PER_SECOND}
 * times a second, so that a caller may report every step.
 *
 * <p>Other lines printed to the same stream must {@link #clear()} the bar first; the next
 * {@link #update} draws it again below them. Not thread-safe.
 */
final class ProgressBar {

    /** The system property the {@code ./fairreg} launcher sets when standard error is a terminal. */
    static final String TERMINAL_PROPERTY = "fairreg.terminal";

    private static final int REDRAWS_PER_SECOND = 8;
    private static final long REDRAW_NANOS = 1_000_000_000L / REDRAWS_PER_SECOND;
    private static final int WIDTH = 24;
    /** Carriage return, then erase to the end of the line (ANSI). */
    private static final String ERASE_LINE = "\r\u001b[K";

    private final PrintWriter out;
    private final boolean live;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean shown;

    /**
     * @param out where to draw, standard error
     * @param live whether to draw at all
     */
    ProgressBar(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /**
     * Whether progress should be drawn: standard error is a terminal, and neither {@code -q} nor
     * {@code -v} asked for something else (log lines would cut through the bar). Only the
     * launcher's property says "terminal": Java cannot see whether standard error alone is one,
     * and {@code System.console()} is no guide (from Java 22 it exists even when output is
     * redirected), so {@code java -jar} prints plain lines unless given
     * {@code -Dfairreg.terminal=true}.
     */
    static boolean wanted(LoggingOptions logging) {
        return Boolean.getBoolean(TERMINAL_PROPERTY) && !logging.quiet && logging.verbosity.length == 0;
    }

    /**
     * Draws the bar if it is due.
     *
     * @param done the work done, in any unit
     * @param total the whole work in that unit; the time left assumes the same rate to the end
     * @param what what is being done, such as {@code epoch 3/500, step 40/125}
     * @param rate the rate to show, such as {@code 31,250 rows/s}, or empty
     */
    void update(double done, double total, String what, String rate) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (shown && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        double share = total > 0 ? Math.min(1.0, done / total) : 0.0;
        int filled = (int) Math.round(share * WIDTH);
        double elapsed = (now - started) / 1e9;
        String left = done > 0 && done < total ? "  " + duration(elapsed * (total - done) / done) + " left" : "";
        out.print(ERASE_LINE + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%%", 100 * share) + "  " + what
                + (rate.isEmpty() ? "" : "  " + rate) + left);
        out.flush();
        lastDrawn = now;
        shown = true;
    }

    /** Removes the bar, so that the next line starts on a clean line. */
    void clear() {
        if (shown) {
            out.print(ERASE_LINE);
            out.flush();
            shown = false;
        }
    }

    /** @return seconds since the bar was made */
    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Formats seconds as {@code m:ss} or {@code h:mm:ss}. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        long rest = whole % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
