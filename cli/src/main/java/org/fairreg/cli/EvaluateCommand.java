package org.fairreg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.Dataset;
import org.fairreg.io.ModelFile;
import org.fairreg.io.ReportJson;
import org.fairreg.metrics.GroupReport;
import org.fairreg.train.FittedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fairreg evaluate}: the per-group report of a saved model on any labelled CSV file. */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints a saved model's errors per group on a labelled CSV file.",
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
            description = "Labelled CSV file holding the model's features, a target and a group column.")
    Path data;

    @ArgGroup(validate = false, heading = "%nColumns:%n")
    ColumnOptions columns = new ColumnOptions();

    @Option(names = "--report-json", paramLabel = "FILE", description = "Write the report as JSON here.")
    Path report;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws IOException {
        logging.configure();
        OutputPaths.checkDistinct(spec.commandLine(), List.of(model, data), "--report-json", report);
        FittedModel fitted = ModelFile.read(model);
        ColumnSelection selection = ColumnSelection
                .of(columns.target != null ? columns.target : fitted.targetName(),
                        columns.group != null ? columns.group : fitted.groupName())
                .withFeatures(columns.features != null ? columns.features : fitted.featureNames())
                .withSeparator(columns.separator);
        Dataset labelled = CsvDataReader.read(data, selection);

        GroupReport groupReport = fitted.evaluate(labelled);
        ReportTable.print(groupReport, String.format(Locale.ROOT, "report: %s on %s, %d examples, target '%s'",
                model, data, labelled.size(), labelled.targetName()), spec.commandLine().getOut());
        if (report != null) {
            ReportJson.write(groupReport, fitted, data.toString(), report);
            if (!logging.quiet) {
                spec.commandLine().getErr().println("report written to " + report);
            }
        }
        return ExitCodes.OK;
    }
}
