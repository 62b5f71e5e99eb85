package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import org.fairreg.data.GroupLabels;
import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.AuditedGroup;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupMetrics;
import org.fairreg.metrics.GroupReport;
import org.fairreg.metrics.Interval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StrayOutputGuard.class)
class ReportTableTest {

    /**
     * Sets the log level as every command does before it touches the library. These tests call
     * the library directly, and the first logger made fixes the level for the whole test run:
     * made here at the binding's default, INFO, it would let the training log of later command
     * tests through to the console.
     */
    @BeforeAll
    static void configureLoggingAsCommandsDo() {
        new LoggingOptions().configure();
    }

    private static final GroupReport REPORT = new GroupReport(
            List.of(new GroupMetrics("a", 5055, 0.0412345, 0.203063, 0.16, -0.01, 0.99),
                    new GroupMetrics("b", 12, 0.398765, 0.631478, 0.5, 0.2, 0.9)),
            new GroupMetrics("overall", 5067, 0.0420806, 0.205136, 0.161, -0.0095, 0.99), 0.3575305);

    /** Three of 1000 permuted gaps reached the observed one: p = 4 / 1001. */
    private static final GroupAudit AUDIT = new GroupAudit(AuditSettings.defaults(),
            List.of(new AuditedGroup("a", 5055, 0.0412345, new Interval(0.0401234, 0.0423456), false),
                    new AuditedGroup("b", 12, 0.398765, new Interval(0.301234, 0.512345), true)),
            new Interval(0.0409876, 0.0431234), 0.3575305, new Interval(0.25, 0.47), 9.67069, 0.21, 4.0 / 1001, 3);

    @Test
    void emptyAuditPrintsExactlyTheReportAlone() {
        String alone = print(out -> ReportTable.print(REPORT, "title", out));
        String empty = print(out -> ReportTable.print(REPORT, Optional.empty(), "title", out));

        assertThat(empty).isEqualTo(alone);
        assertThat(alone.lines()).hasSize(7);
    }

    @Test
    void auditFollowsTheReportWithIntervalsFlagRatioFloorPValueAndVerdict() {
        List<String> lines = print(out -> ReportTable.print(REPORT, Optional.of(AUDIT), "title", out)).lines()
                .toList();

        assertThat(lines.subList(7, lines.size())).containsExactly(
                "audit: 95% intervals from 1000 resamples within each group, 1000 label permutations, seed 42",
                "group               n          mse  95% interval of mse",
                "a                5055    0.0412345  [0.0401234, 0.0423456]",
                "b                  12     0.398765  [0.301234, 0.512345]         small group: fewer than 30 examples",
                "overall          5067    0.0420806  [0.0409876, 0.0431234]",
                "gap                       0.357531  [0.250000, 0.470000]",
                "ratio                      9.67069  largest / smallest group mse",
                "noise floor               0.210000  95% quantile of the gap over 1000 label permutations",
                "p-value                    0.00400  (1 + 3 permuted gaps at least the gap) / (1 + 1000)",
                "the gap is beyond sampling noise: shuffled group labels give a gap at least this large in 0.3% of "
                        + "1000 permutations");
    }

    @Test
    void reportRowsReadTheSameWithAndWithoutAudit() {
        // Command tests read the first table up to its gap row; the audit must not change what they see.
        String alone = print(out -> ReportTable.print(REPORT, "title", out));
        String audited = print(out -> ReportTable.print(REPORT, Optional.of(AUDIT), "title", out));

        assertThat(ReportText.tableRows(audited)).hasSameSizeAs(ReportText.tableRows(alone));
        for (int r = 0; r < ReportText.tableRows(alone).size(); r++) {
            assertThat(ReportText.tableRows(audited).get(r)).containsExactly(ReportText.tableRows(alone).get(r));
        }
        assertThat(ReportText.rowLabels(audited)).containsExactly("a", "b", "overall", "gap");
    }

    @Test
    void undefinedAuditFiguresPrintAsNotAvailable() {
        double[] targets = {1, 2};
        double[] predictions = {1, Double.POSITIVE_INFINITY};
        int[] codes = {0, 1};
        GroupLabels labels = GroupLabels.inOrder(List.of("a", "b"));
        GroupAudit audit = GroupAudit.of(targets, predictions, codes, labels, AuditSettings.defaults());

        List<String> lines = print(out -> ReportTable.print(GroupReport.of(targets, predictions, codes, labels),
                Optional.of(audit), "title", out)).lines().toList();

        assertThat(lines).contains(
                "a                   1      0.00000  n/a                          small group: fewer than 30 examples",
                "gap                       Infinity  n/a",
                "noise floor                    n/a  95% quantile of the gap over 1000 label permutations",
                "p-value                        n/a");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("the gap cannot be tested: some residuals are not finite");
    }

    @Test
    void levelIsPrintedAsTyped() {
        GroupAudit audit = new GroupAudit(AuditSettings.defaults().withLevel(0.975), AUDIT.groups(),
                AUDIT.mseInterval(), AUDIT.gap(),
                AUDIT.gapInterval(), AUDIT.ratioMaxMin(), AUDIT.gapNoiseFloor(), AUDIT.gapPValue(),
                AUDIT.permutedGapsAtLeastGap());

        String text = print(out -> ReportTable.print(REPORT, Optional.of(audit), "title", out));

        assertThat(text).contains("audit: 97.5% intervals", "97.5% interval of mse", "97.5% quantile of the gap");
    }

    @Test
    void longGroupLabelsWidenTheLabelColumnInsteadOfBeingCut() {
        GroupReport report = new GroupReport(
                List.of(new GroupMetrics("not southwest", 1000, 1.5, 1.2, 1.0, 0.1, 0.5),
                        new GroupMetrics("southwest", 300, 2.5, 1.6, 1.3, -0.2, 0.4)),
                new GroupMetrics("overall", 1300, 1.73, 1.3, 1.07, 0.03, 0.48), 1.0);

        List<String> lines = print(out -> ReportTable.print(report, "title", out)).lines().toList();

        assertThat(lines.get(1)).startsWith("group                n          mse");
        assertThat(lines.get(2)).startsWith("not southwest     1000      1.50000");
        assertThat(lines.get(3)).startsWith("southwest          300      2.50000");
        assertThat(lines.get(5)).isEqualTo("gap                         1.00000");
    }

    @Test
    void labelsBeyondFortyCharactersAreCut() {
        String label = "a".repeat(45);
        GroupReport report = new GroupReport(List.of(new GroupMetrics(label, 1, 1, 1, 1, 0, 0)),
                new GroupMetrics("overall", 1, 1, 1, 1, 0, 0), 0);

        List<String> lines = print(out -> ReportTable.print(report, "title", out)).lines().toList();

        assertThat(lines.get(2)).startsWith("a".repeat(39) + "~        1");
    }

    private interface Printing {
        void to(PrintWriter out);
    }

    private static String print(Printing printing) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            printing.to(out);
        }
        return text.toString();
    }
}
