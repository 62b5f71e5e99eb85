package org.fairreg.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.Interval;
import org.fairreg.train.SweepResult;
import org.fairreg.train.SweepSelection;

/**
 * Prints a sweep's frontier: one row per model in sweep order with validation and test mse and
 * gap, the test gap's interval and p-value when audited, and marks for Pareto-optimal points
 * ({@code P}) and the chosen one ({@code <}).
 */
final class FrontierTable {

    private static final String ROW = "%-18s %7s %12s %12s %12s %12s  %-28s %9s %s%n";

    private FrontierTable() {
    }

    static void print(
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits,
            String title,
            PrintWriter out) {
        out.println(title);
        out.printf(Locale.ROOT, ROW, "model", "epochs", "val mse", "val gap", "test mse", "test gap",
                "test gap interval", "p-value", "");
        for (int i = 0; i < results.size(); i++) {
            SweepResult result = results.get(i);
            Optional<GroupAudit> audit = audits.get(i);
            String marks = (selection.pareto()[i] ? "P" : " ") + (selection.selected() == i ? " <" : "");
            out.printf(Locale.ROOT, ROW, result.point().label(), result.training().summary().epochsRun(),
                    number(result.validationMse()), number(result.validationGap()),
                    number(result.test().overall().mse()), number(result.test().gap()),
                    audit.map(a -> interval(a.gapInterval())).orElse(""),
                    audit.map(a -> String.format(Locale.ROOT, "%.3g", a.gapPValue())).orElse(""), marks);
        }
        SweepResult chosen = results.get(selection.selected());
        String target = number(selection.targetGap());
        out.println("chosen: " + chosen.point().label() + switch (selection.choice()) {
            case MET_TARGET -> ", the lowest validation mse among models whose validation gap is within " + target;
            case LOWEST_GAP -> ", the lowest validation gap, since no model's validation gap is within " + target;
            case REFERENCE_GAP_WITHIN_NOISE -> ", since its validation gap is within sampling noise (permutation "
                    + "test): there is no measurable gap to close";
        });
        out.println("  (P: Pareto-optimal on validation mse and gap; mse and gap in the target's unit squared)");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String interval(Interval interval) {
        return interval.isFinite()
                ? String.format(Locale.ROOT, "[%.4g, %.4g]", interval.lower(), interval.upper())
                : "n/a";
    }
}
