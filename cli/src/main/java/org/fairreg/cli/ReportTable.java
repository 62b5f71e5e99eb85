package org.fairreg.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;

/**
 * Prints a per-group report as a table: one row per group in group order, an overall row and the
 * gap. Figures are in the target's original unit, with six significant digits.
 */
final class ReportTable {

    private static final String ROW = "%-12s %8s %12s %12s %12s %12s %10s%n";

    private ReportTable() {
    }

    /**
     * @param report the figures
     * @param title what was evaluated, printed above the table
     * @param out where to print
     */
    static void print(GroupReport report, String title, PrintWriter out) {
        out.println(title);
        out.printf(Locale.ROOT, ROW, "group", "n", "mse", "rmse", "mae", "bias", "r2");
        for (GroupMetrics group : report.groups()) {
            row(group, out);
        }
        row(report.overall(), out);
        out.printf(Locale.ROOT, "%-12s %8s %12s%n", "gap", "", number(report.gap()));
        out.println("  (gap: largest minus smallest group mse; bias: mean of prediction - target)");
    }

    private static void row(GroupMetrics metrics, PrintWriter out) {
        out.printf(Locale.ROOT, ROW, clip(metrics.group()), metrics.n(), number(metrics.mse()), number(metrics.rmse()),
                number(metrics.mae()), number(metrics.bias()),
                Double.isNaN(metrics.r2()) ? "n/a" : String.format(Locale.ROOT, "%.6f", metrics.r2()));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** Keeps long group labels from breaking the columns. */
    private static String clip(String label) {
        return label.length() <= 12 ? label : label.substring(0, 11) + "~";
    }
}
