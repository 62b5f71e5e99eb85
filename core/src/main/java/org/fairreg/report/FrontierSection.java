package org.fairreg.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.train.SweepResult;
import org.fairreg.train.SweepSelection;
import org.fairreg.train.TrainingSummary;

/**
 * A sweep's frontier: two charts of MSE against gap, one on the validation examples (where the
 * Pareto marks and the choice are made, with the target gap drawn) and one on the test examples
 * (with the test intervals as whiskers when audited); a table with every model's figures and
 * marks; a table of every group's validation and test MSE; and why the chosen model was chosen.
 *
 * <p>In the charts, filled points are Pareto-optimal and hollow ones are not, references are grey
 * with their labels in italics, and a gold ring marks the chosen model.
 */
final class FrontierSection {

    private static final double POINT_RADIUS = 5.0;
    private static final double RING_RADIUS = 9.5;

    private FrontierSection() {
    }

    /**
     * @param markup where to write
     * @param results the sweep's results, in order
     * @param selection the Pareto marks and the choice over them
     * @param audits each result's test audit, in the same order (empty when not audited)
     */
    static void write(
            Markup markup,
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits) {
        markup.open("section", "id", "frontier");
        markup.element("h2", "Frontier");
        markup.element("p", choice(results, selection), "class", "verdict", "id", "choice");
        markup.open("div", "class", "columns");
        validationChart(markup, results, selection);
        testChart(markup, results, selection, audits);
        markup.close();
        table(markup, results, selection, audits);
        groupTable(markup, results, selection);
        markup.close();
    }

    /** The sentence the command line prints under its frontier table. */
    static String choice(List<SweepResult> results, SweepSelection selection) {
        String label = results.get(selection.selected()).point().label();
        String target = Figures.number(selection.targetGap());
        return "Chosen: " + label + switch (selection.choice()) {
            case MET_TARGET -> ", the lowest validation mse among models whose validation gap is within " + target
                    + ".";
            case LOWEST_GAP -> ", the lowest validation gap, since no model's validation gap is within " + target
                    + ".";
            case REFERENCE_GAP_WITHIN_NOISE -> ", since its validation gap is within sampling noise (permutation "
                    + "test): there is no measurable gap to close.";
        };
    }

    private static void validationChart(Markup markup, List<SweepResult> results, SweepSelection selection) {
        double[] gaps = new double[results.size() + 1];
        double[] mses = new double[results.size()];
        for (int i = 0; i < results.size(); i++) {
            gaps[i] = results.get(i).validationGap();
            mses[i] = results.get(i).validationMse();
        }
        gaps[results.size()] = selection.targetGap();
        markup.open("figure", "id", "frontier-validation-chart");
        String what = "Validation MSE against validation gap, one point per model";
        Plot plot = Plot.start(markup, Axis.covering(gaps, true), Axis.covering(mses, false), what);
        plot.axes("validation gap (target unit squared)", "validation mse (target unit squared)");
        if (Double.isFinite(selection.targetGap())) {
            plot.marker(selection.targetGap(), "target gap", true);
        }
        paretoLine(plot, results, selection);
        points(plot, results, selection, gaps, mses);
        plot.finish();
        markup.element("figcaption", what + ". Filled: Pareto-optimal (no other model has both a lower mse and a "
                + "lower gap); hollow: dominated; grey: references; ringed: the chosen model. The dashed line is "
                + "the target gap.");
        markup.close();
    }

    private static void testChart(
            Markup markup,
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits) {
        List<Double> gapValues = new ArrayList<>();
        List<Double> mseValues = new ArrayList<>();
        double[] gaps = new double[results.size()];
        double[] mses = new double[results.size()];
        for (int i = 0; i < results.size(); i++) {
            gaps[i] = results.get(i).test().gap();
            mses[i] = results.get(i).test().overall().mse();
            gapValues.add(gaps[i]);
            mseValues.add(mses[i]);
            audits.get(i).ifPresent(a -> {
                gapValues.add(a.gapInterval().upper());
                mseValues.add(a.mseInterval().lower());
                mseValues.add(a.mseInterval().upper());
            });
        }
        markup.open("figure", "id", "frontier-test-chart");
        boolean audited = audits.stream().anyMatch(Optional::isPresent);
        String what = "Test MSE against test gap, one point per model"
                + (audited ? ", with their bootstrap intervals" : "");
        Plot plot = Plot.start(markup, Axis.covering(toArray(gapValues), true), Axis.covering(toArray(mseValues),
                false), what);
        plot.axes("test gap (target unit squared)", "test mse (target unit squared)");
        for (int i = 0; i < results.size(); i++) {
            int index = i;
            audits.get(i).ifPresent(a -> {
                plot.errorBar(gaps[index], a.mseInterval());
                plot.errorBarX(mses[index], a.gapInterval());
            });
        }
        points(plot, results, selection, gaps, mses);
        plot.finish();
        markup.element("figcaption", what + ". The marks are those of the validation chart: the test figures "
                + "are for reporting, never for choosing.");
        markup.close();
    }

    private static void paretoLine(Plot plot, List<SweepResult> results, SweepSelection selection) {
        List<SweepResult> pareto = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (selection.pareto()[i]) {
                pareto.add(results.get(i));
            }
        }
        pareto.sort(Comparator.comparingDouble(SweepResult::validationGap));
        plot.line(pareto.stream().mapToDouble(SweepResult::validationGap).toArray(),
                pareto.stream().mapToDouble(SweepResult::validationMse).toArray(), "s0 dashed");
    }

    /** Draws every point, then their labels, the chosen model's first, so that it keeps its place. */
    private static void points(Plot plot, List<SweepResult> results, SweepSelection selection, double[] gaps,
            double[] mses) {
        for (int i = 0; i < results.size(); i++) {
            SweepResult result = results.get(i);
            String cssClass = (result.point().reference() ? "gray" : Plot.series(0))
                    + (selection.pareto()[i] ? "" : " hollow");
            plot.point(gaps[i], mses[i], POINT_RADIUS, cssClass, result.point().label() + ": mse "
                    + Figures.number(mses[i]) + ", gap " + Figures.number(gaps[i]));
        }
        int chosen = selection.selected();
        plot.ring(gaps[chosen], mses[chosen], RING_RADIUS, "chosen-ring");
        plot.label(gaps[chosen], mses[chosen], results.get(chosen).point().label(), "chosen-label");
        for (int i = 0; i < results.size(); i++) {
            if (i != chosen) {
                plot.label(gaps[i], mses[i], results.get(i).point().label(),
                        results.get(i).point().reference() ? "reference-label" : "point-label");
            }
        }
    }

    private static void table(
            Markup markup,
            List<SweepResult> results,
            SweepSelection selection,
            List<Optional<GroupAudit>> audits) {
        markup.element("h3", "Models");
        markup.open("table", "id", "frontier-table", "class", "compact");
        markup.open("thead");
        markup.open("tr");
        for (String head : List.of("model", "epochs run", "kept epoch", "validation mse", "validation gap",
                "test mse", "test mse interval", "test gap", "test gap interval", "p-value", "Pareto", "chosen")) {
            markup.element("th", head, "class", head.equals("model") ? "text" : null, "scope", "col");
        }
        markup.close();
        markup.close();
        markup.open("tbody");
        for (int i = 0; i < results.size(); i++) {
            SweepResult result = results.get(i);
            Optional<GroupAudit> audit = audits.get(i);
            TrainingSummary summary = result.training().summary();
            markup.open("tr", "class", selection.selected() == i ? "chosen" : null);
            // The objective's parameters in a tooltip: as a column they would push the table off the page.
            markup.element("td", result.point().label(), "class", "text", "title",
                    result.point().settings().objectiveSettings().describe());
            markup.element("td", Integer.toString(summary.epochsRun()));
            markup.element("td", Integer.toString(summary.keptEpoch()));
            markup.element("td", Figures.number(result.validationMse()));
            markup.element("td", Figures.number(result.validationGap()));
            markup.element("td", Figures.number(result.test().overall().mse()));
            markup.element("td", audit.map(a -> Figures.shortInterval(a.mseInterval())).orElse(""));
            markup.element("td", Figures.number(result.test().gap()));
            markup.element("td", audit.map(a -> Figures.shortInterval(a.gapInterval())).orElse(""));
            markup.element("td", audit.map(a -> Figures.pValue(a.gapPValue())).orElse(""));
            markup.element("td", selection.pareto()[i] ? "yes" : "no");
            markup.element("td", selection.selected() == i ? "yes" : "");
            markup.close();
        }
        markup.close();
        markup.close();
        markup.element("p", "Pareto and the choice use validation figures only. Intervals are "
                + audits.stream().flatMap(Optional::stream).findFirst()
                        .map(a -> Figures.percent(a.settings().level()) + " bootstrap intervals on the test examples;")
                        .orElse("left out: the sweep ran without an audit;")
                + " mse and gap are in the target's unit squared.", "class", "note");
    }

    private static void groupTable(Markup markup, List<SweepResult> results, SweepSelection selection) {
        List<GroupMetrics> groups = results.get(0).validation().groups();
        markup.element("h3", "Each group's mse");
        markup.open("table", "id", "frontier-groups", "class", "compact");
        markup.open("thead");
        markup.open("tr");
        markup.element("th", "model", "class", "text", "scope", "col");
        for (GroupMetrics group : groups) {
            markup.element("th", "validation mse [" + group.group() + "]", "scope", "col");
            markup.element("th", "test mse [" + group.group() + "]", "scope", "col");
        }
        markup.close();
        markup.close();
        markup.open("tbody");
        for (int i = 0; i < results.size(); i++) {
            List<GroupMetrics> validation = results.get(i).validation().groups();
            List<GroupMetrics> test = results.get(i).test().groups();
            markup.open("tr", "class", selection.selected() == i ? "chosen" : null);
            markup.element("td", results.get(i).point().label(), "class", "text");
            for (int k = 0; k < validation.size(); k++) {
                markup.element("td", Figures.number(validation.get(k).mse()));
                markup.element("td", k < test.size() ? Figures.number(test.get(k).mse()) : "");
            }
            markup.close();
        }
        markup.close();
        markup.close();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
