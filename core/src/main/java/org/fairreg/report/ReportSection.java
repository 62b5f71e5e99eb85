package org.fairreg.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.AuditedGroup;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;
import org.fairreg.metrics.Interval;

/**
 * The per-group report of one model on labelled data: a table with each group's n, MSE and its
 * interval, RMSE, MAE, bias and R², a note on small groups when there are any, and an overall
 * row; the gap with its interval, ratio, noise floor, p-value and the audit's verdict; and a chart
 * of each group's MSE as a bar with its interval as an error bar. Without an audit the interval
 * column, the gap's figures and the error bars are left out, as the command line's table leaves
 * them out.
 */
final class ReportSection {

    private ReportSection() {
    }

    /**
     * @param markup where to write
     * @param heading the section's heading
     * @param caption what was evaluated, such as the data and the number of examples
     * @param report the report
     * @param audit its audit, or empty when it was skipped
     */
    static void write(Markup markup, String heading, String caption, GroupReport report, Optional<GroupAudit> audit) {
        markup.open("section", "id", "report");
        markup.element("h2", heading);
        markup.element("p", caption, "class", "note");
        groupTable(markup, report, audit);
        markup.open("div", "class", "columns");
        gapTable(markup, report, audit);
        chart(markup, report, audit);
        markup.close();
        audit.ifPresent(a -> markup.element("p", a.verdict(), "class", "verdict", "id", "verdict"));
        markup.element("p", "gap: largest minus smallest group mse; bias: mean of prediction - target; "
                + "mse, rmse, mae and bias in the target's unit (squared for mse and gap).", "class", "note");
        markup.close();
    }

    private static void groupTable(Markup markup, GroupReport report, Optional<GroupAudit> audit) {
        markup.open("table", "id", "test-report");
        markup.open("thead");
        markup.open("tr");
        List<String> heads = new ArrayList<>(List.of("group", "n", "mse"));
        audit.ifPresent(a -> heads.add(Figures.percent(a.settings().level()) + " interval of mse"));
        heads.addAll(List.of("rmse", "mae", "bias", "r²"));
        boolean notes = audit.map(a -> a.groups().stream().anyMatch(AuditedGroup::smallGroup)).orElse(false);
        if (notes) {
            heads.add("note");
        }
        for (String head : heads) {
            markup.element("th", head, "class", head.equals("group") || head.equals("note") ? "text" : null,
                    "scope", "col");
        }
        markup.close();
        markup.close();
        markup.open("tbody");
        for (int k = 0; k < report.groups().size(); k++) {
            int index = k;
            Optional<AuditedGroup> audited = audit.map(a -> a.groups().get(index));
            row(markup, report.groups().get(k), audited.map(AuditedGroup::mseInterval), null,
                    audit.filter(a -> notes).map(a -> smallGroupNote(audited.get(), a.settings())));
        }
        row(markup, report.overall(), audit.map(GroupAudit::mseInterval), "overall",
                notes ? Optional.of("") : Optional.empty());
        markup.close();
        markup.close();
    }

    private static void row(
            Markup markup,
            GroupMetrics metrics,
            Optional<Interval> interval,
            String rowClass,
            Optional<String> note) {
        markup.open("tr", "class", rowClass);
        markup.element("td", metrics.group(), "class", "text");
        markup.element("td", Long.toString(metrics.n()));
        markup.element("td", Figures.number(metrics.mse()));
        interval.ifPresent(i -> markup.element("td", Figures.interval(i)));
        markup.element("td", Figures.number(metrics.rmse()));
        markup.element("td", Figures.number(metrics.mae()));
        markup.element("td", Figures.number(metrics.bias()));
        markup.element("td", Figures.number(metrics.r2()));
        note.ifPresent(text -> markup.element("td", text, "class", "text"));
        markup.close();
    }

    private static String smallGroupNote(AuditedGroup group, AuditSettings settings) {
        return group.smallGroup() ? "small group: fewer than " + settings.minGroupRows() + " examples" : "";
    }

    private static void gapTable(Markup markup, GroupReport report, Optional<GroupAudit> audit) {
        markup.open("table", "id", "gap");
        markup.open("tbody");
        figure(markup, "gap", Figures.number(report.gap()), "largest minus smallest group mse");
        audit.ifPresent(a -> {
            String level = Figures.percent(a.settings().level());
            int permutations = a.settings().permutations();
            figure(markup, "gap interval", Figures.interval(a.gapInterval()), level + " bootstrap interval over "
                    + a.settings().resamples() + " resamples within each group, moved down by its bias");
            figure(markup, "ratio", Figures.number(a.ratioMaxMin()), "largest / smallest group mse");
            figure(markup, "noise floor", Figures.number(a.gapNoiseFloor()), level + " quantile of the gap over "
                    + permutations + " label permutations");
            figure(markup, "p-value", Figures.pValue(a.gapPValue()), "(1 + " + a.permutedGapsAtLeastGap()
                    + " permuted gaps at least the gap) / (1 + " + permutations + "); audit seed "
                    + a.settings().seed());
        });
        markup.close();
        markup.close();
    }

    private static void figure(Markup markup, String name, String value, String meaning) {
        markup.open("tr");
        markup.element("th", name, "class", "text", "scope", "row");
        markup.element("td", value);
        markup.element("td", meaning, "class", "text wrap");
        markup.close();
    }

    private static void chart(Markup markup, GroupReport report, Optional<GroupAudit> audit) {
        List<String> categories = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (GroupMetrics group : report.groups()) {
            categories.add(group.group());
            values.add(group.mse());
        }
        categories.add("overall");
        values.add(report.overall().mse());
        audit.ifPresent(a -> {
            a.groups().forEach(g -> values.add(g.mseInterval().upper()));
            values.add(a.mseInterval().upper());
        });
        Axis y = Axis.covering(values.stream().mapToDouble(Double::doubleValue).toArray(), true);

        markup.open("figure", "id", "group-chart");
        String what = audit.map(a -> "Test MSE per group, with " + Figures.percent(a.settings().level())
                + " bootstrap intervals").orElse("Test MSE per group");
        Plot plot = Plot.startCategorical(markup, categories, y, what);
        plot.axes("group", "test mse (target unit squared)");
        for (int k = 0; k < report.groups().size(); k++) {
            GroupMetrics group = report.groups().get(k);
            plot.bar(k, group.mse(), Plot.series(k), group.group() + ": mse " + Figures.number(group.mse()));
        }
        int overall = report.groups().size();
        plot.bar(overall, report.overall().mse(), "gray", "overall: mse " + Figures.number(report.overall().mse()));
        audit.ifPresent(a -> {
            for (int k = 0; k < a.groups().size(); k++) {
                plot.errorBar(k, a.groups().get(k).mseInterval());
            }
            plot.errorBar(overall, a.mseInterval());
        });
        plot.finish();
        markup.element("figcaption", what + ". The gap is the distance between the highest and the lowest "
                + "group bar" + (audit.isPresent() ? "; each whisker spans its interval." : "."));
        markup.close();
    }
}
