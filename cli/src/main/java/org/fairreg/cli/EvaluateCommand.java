package org.fairreg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.CsvReadResult;
import org.fairreg.data.Dataset;
import org.fairreg.data.GroupDefinition;
import org.fairreg.data.TrainingMemory;
import org.fairreg.data.SmallGroups;
import org.fairreg.io.ModelFile;
import org.fairreg.io.ReportJson;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupReport;
import org.fairreg.report.EvaluatePage;
import org.fairreg.train.FittedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fairreg evaluate}: the per-group report of a saved model on any labelled CSV file. The
 * file is read with the model's feature encoding, so a category the model does not know is an
 * error; groups are made as the model's were unless the group options say otherwise.
 */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints a saved model's errors per group on a labelled CSV file.",
            "The file needs the model's source feature columns, by name; categorical columns are encoded with the "
                    + "model's categories, and an unknown category is an error."
        },
        footer = {
            "%nExample:",
            "  fairreg evaluate --model model.json --data test.csv --report-json report.json",
            ExitCodes.HELP_SECTION
        })
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "Model file written by fairreg train --model-out.")
    Path model;

    @Option(names = "--data", paramLabel = "CSV", required = true,
            description = "Labelled CSV file holding the model's feature columns, a target and the group columns.")
    Path data;

    @ArgGroup(validate = false, heading = "%nColumns:%n")
    ColumnOptions columns = new ColumnOptions();

    @ArgGroup(validate = false, heading = "%nCSV:%n")
    CsvOptions csv = new CsvOptions();

    @ArgGroup(validate = false, heading = "%nOutputs:%n")
    Outputs outputs = new Outputs();

    /** Files written after the report. */
    static final class Outputs {
        @Option(names = "--report-json", paramLabel = "FILE", description = "Write the report as JSON here.")
        Path report;

        @Option(names = "--report-html", paramLabel = "FILE",
                description = "Write a self-contained HTML page here: the model's settings and the report.")
        Path html;
    }

    @Mixin
    AuditOptions audit;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws IOException {
        logging.configure();
        OutputPaths.checkDistinct(spec.commandLine(), List.of(model, data), "--report-json", outputs.report,
                "--report-html", outputs.html);
        int minGroupRows = columns.minGroupRows(spec.commandLine());
        FittedModel fitted = ModelFile.read(model);
        ColumnSelection selection = selection(fitted);
        // Read, encoded, standardized and predicted, the data stays under the training estimate's
        // read-and-split peak of two copies.
        TrainingMemory.estimate(data, selection, 0.0, 0.0).requireAvailable(TrainingMemory.availableHeap(),
                Runtime.getRuntime().maxMemory(), DataSource.HOW_TO_RAISE);
        CsvReadResult read = CsvDataReader.readLabelled(data, selection);
        Dataset labelled = read.data();
        printWarnings(read, minGroupRows);

        GroupReport groupReport = fitted.evaluate(labelled);
        Optional<GroupAudit> groupAudit = audit.run(fitted, labelled);
        ReportTable.print(groupReport, groupAudit, String.format(Locale.ROOT,
                "report: %s on %s, %d examples, target '%s', %s", model, DataSource.describe(data, read, csv.missing),
                labelled.size(), labelled.targetName(), ReportTable.groupRole(fitted)),
                spec.commandLine().getOut());
        writeOutputs(fitted, groupReport, groupAudit);
        return ExitCodes.OK;
    }

    private void writeOutputs(FittedModel fitted, GroupReport groupReport, Optional<GroupAudit> groupAudit)
            throws IOException {
        if (outputs.report != null) {
            ReportJson.write(groupReport, groupAudit, fitted, data.toString(), outputs.report);
            note("report written to " + outputs.report);
        }
        if (outputs.html != null) {
            EvaluatePage.write(fitted, groupReport, groupAudit, model.toString(), data.toString(), outputs.html);
            note("page written to " + outputs.html);
        }
    }

    private void note(String line) {
        if (!logging.quiet) {
            spec.commandLine().getErr().println(line);
        }
    }

    /** The model's columns and encoding, with the target and groups the options override. */
    private ColumnSelection selection(FittedModel fitted) {
        String target = columns.target != null ? columns.target : fitted.targetName();
        GroupDefinition group = columns.groupDefinition(spec.commandLine(), fitted.groupDefinition());
        try {
            return csv.applyTo(ColumnSelection.of(target, group.columns().get(0)).withGroup(group)
                    .withEncoding(fitted.encoding()));
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), "Invalid column options: " + invalid.getMessage());
        }
    }

    private void printWarnings(CsvReadResult read, int minGroupRows) {
        PrintWriter err = spec.commandLine().getErr();
        for (String line : SmallGroups.describe(read.data(), "the evaluated data", minGroupRows)) {
            err.println(DataSource.WARNING + line);
        }
    }
}
