package org.fairreg.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.AuditedGroup;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;
import org.fairreg.train.FittedModel;
import org.fairreg.metrics.Interval;

/**
 * Prints a per-group report as a table: one row per group in group order, an overall row and the
 * gap. Figures are in the target's original unit, with six significant digits.
 *
 * <p>With an audit, a second table follows: each group's n and MSE again with the MSE's interval
 * and the small-group flag, then the gap with its interval, the ratio of the largest to the
 * smallest group MSE, the noise floor, the p-value and a sentence saying whether the gap is within
 * sampling noise. The first table is left exactly as without an audit, so that its columns read
 * the same either way; the second starts with its own heads.
 */
final class ReportTable {

    /** The label column's width, unless a group label is longer. */
    private static final int LABEL_WIDTH = 12;

    /** Labels longer than this are cut, so that a table stays readable in a terminal. */
    private static final int MAX_LABEL_WIDTH = 40;

    /** After the label column: n, MSE, RMSE, MAE, bias and R². */
    private static final String ROW = " %8s %12s %12s %12s %12s %10s%n";

    /** After the label column: n and MSE as in the first table, then the interval and a note. */
    private static final String AUDIT_ROW = " %8s %12s  %-28s %s%n";

    /** After the label column: an empty n column, a figure, then what it is. */
    private static final String AUDIT_FIGURE = " %8s %12s  %s%n";

    private ReportTable() {
    }

    /**
     * Prints the report without an audit.
     *
     * @param report the figures
     * @param title what was evaluated, printed above the table
     * @param out where to print
     */
    static void print(GroupReport report, String title, PrintWriter out) {
        print(report, Optional.empty(), title, out);
    }

    /**
     * Prints the report and, if there is one, its audit.
     *
     * @param report the figures
     * @param audit the audit of the same predictions, or empty when it was skipped
     * @param title what was evaluated, printed above the table
     * @param out where to print
     */
    static void print(GroupReport report, Optional<GroupAudit> audit, String title, PrintWriter out) {
        String label = labelColumn(report);
        out.println(title);
        out.printf(Locale.ROOT, label + ROW, "group", "n", "mse", "rmse", "mae", "bias", "r2");
        for (GroupMetrics group : report.groups()) {
            row(group, label, out);
        }
        row(report.overall(), label, out);
        out.printf(Locale.ROOT, label + " %8s %12s%n", "gap", "", number(report.gap()));
        out.println("  (gap: largest minus smallest group mse; bias: mean of prediction - target)");
        audit.ifPresent(a -> printAudit(a, report.overall(), label, out));
    }

    /** @return the format of the label column: as wide as the longest group label, within limits */
    private static String labelColumn(GroupReport report) {
        int width = LABEL_WIDTH;
        for (GroupMetrics group : report.groups()) {
            width = Math.max(width, Math.min(group.group().length(), MAX_LABEL_WIDTH));
        }
        return "%-" + width + "s";
    }

    private static void printAudit(GroupAudit audit, GroupMetrics overall, String label, PrintWriter out) {
        AuditSettings settings = audit.settings();
        String level = percent(settings.level());
        out.printf(Locale.ROOT, "audit: %s intervals from %d resamples within each group, %d label permutations,"
                + " seed %d%n", level, settings.resamples(), settings.permutations(), settings.seed());
        line(out, String.format(Locale.ROOT, label + AUDIT_ROW, "group", "n", "mse", level + " interval of mse", ""));
        for (AuditedGroup group : audit.groups()) {
            String note = group.smallGroup()
                    ? "small group: fewer than " + settings.minGroupRows() + " examples"
                    : "";
            line(out, String.format(Locale.ROOT, label + AUDIT_ROW, clip(group.group()), group.n(),
                    figure(group.mse()), interval(group.mseInterval()), note));
        }
        line(out, String.format(Locale.ROOT, label + AUDIT_ROW, "overall", overall.n(), figure(overall.mse()),
                interval(audit.mseInterval()), ""));
        printGapFigures(audit, level, label, out);
        out.println(audit.verdict());
    }

    /** The gap with its interval, the ratio, the noise floor and the p-value, one per line. */
    private static void printGapFigures(GroupAudit audit, String level, String label, PrintWriter out) {
        int permutations = audit.settings().permutations();
        line(out, String.format(Locale.ROOT, label + AUDIT_ROW, "gap", "", figure(audit.gap()),
                interval(audit.gapInterval()), ""));
        line(out, String.format(Locale.ROOT, label + AUDIT_FIGURE, "ratio", "", figure(audit.ratioMaxMin()),
                "largest / smallest group mse"));
        line(out, String.format(Locale.ROOT, label + AUDIT_FIGURE, "noise floor", "", figure(audit.gapNoiseFloor()),
                level + " quantile of the gap over " + permutations + " label permutations"));
        boolean tested = !Double.isNaN(audit.gapPValue());
        line(out, String.format(Locale.ROOT, label + AUDIT_FIGURE, "p-value", "",
                tested ? String.format(Locale.ROOT, "%.3g", audit.gapPValue()) : "n/a",
                tested
                        ? "(1 + " + audit.permutedGapsAtLeastGap() + " permuted gaps at least the gap) / (1 + "
                                + permutations + ")"
                        : ""));
    }

    /** Prints a formatted line without the padding its last column may leave. */
    private static void line(PrintWriter out, String formatted) {
        out.println(formatted.stripTrailing());
    }

    /**
     * @param model a fitted model
     * @return whether the model reads the group, for report titles
     */
    static String groupRole(FittedModel model) {
        return model.groupIsFeature() ? "group among the features" : "group not a feature";
    }

    private static void row(GroupMetrics metrics, String label, PrintWriter out) {
        out.printf(Locale.ROOT, label + ROW, clip(metrics.group()), metrics.n(), number(metrics.mse()),
                number(metrics.rmse()), number(metrics.mae()), number(metrics.bias()),
                Double.isNaN(metrics.r2()) ? "n/a" : String.format(Locale.ROOT, "%.6f", metrics.r2()));
    }

    private static String interval(Interval interval) {
        return Double.isNaN(interval.lower())
                ? "n/a"
                : "[" + figure(interval.lower()) + ", " + figure(interval.upper()) + "]";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** A figure of the audit, "n/a" when it could not be computed. */
    private static String figure(double value) {
        return Double.isNaN(value) ? "n/a" : number(value);
    }

    /** Writes a level such as 0.95 as "95%", in decimal so that 0.975 stays "97.5%". */
    private static String percent(double level) {
        return new BigDecimal(Double.toString(level)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Keeps very long group labels from breaking the columns. */
    private static String clip(String label) {
        return label.length() <= MAX_LABEL_WIDTH ? label : label.substring(0, MAX_LABEL_WIDTH - 1) + "~";
    }
}
