package org.fairreg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.CsvDataReader;
import org.fairreg.data.FeatureTable;
import org.fairreg.data.TrainingMemory;
import org.fairreg.io.ModelFile;
import org.fairreg.io.PredictionsCsv;
import org.fairreg.train.FittedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fairreg predict}: a saved model's predictions for every row of a CSV file. */
@Command(name = "predict", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a saved model's prediction for every row of a CSV file, in row order.",
            "The file needs the model's source feature columns, by name, with a value in every cell of them; "
                    + "categorical columns are encoded with the model's categories, and an unknown category is an "
                    + "error. Other columns are ignored, and named in the error when feature columns are missing."
        },
        footer = {
            "%nExample:",
            "  fairreg predict --model model.json --data new.csv --out predictions.csv",
            ExitCodes.HELP_SECTION
        })
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "Model file written by fairreg train --model-out.")
    Path model;

    @Option(names = "--data", paramLabel = "CSV", required = true,
            description = "CSV file with a header line holding the model's source feature columns.")
    Path data;

    @Option(names = "--out", paramLabel = "CSV", required = true,
            description = "Where to write the predictions: a header 'prediction', then one row per data row.")
    Path out;

    @Option(names = "--separator", paramLabel = "CHAR", converter = CsvOptions.SeparatorConverter.class,
            description = CsvOptions.SeparatorConverter.DESCRIPTION)
    Character separator;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws IOException {
        logging.configure();
        OutputPaths.checkDistinct(spec.commandLine(), List.of(model, data), "--out", out);
        FittedModel fitted = ModelFile.read(model);
        ColumnSelection features = ColumnSelection.of(fitted.targetName(), fitted.groupDefinition().columns().get(0))
                .withEncoding(fitted.encoding());
        TrainingMemory.estimate(data, features, 0.0, 0.0).requireAvailable(TrainingMemory.availableHeap(),
                Runtime.getRuntime().maxMemory(), DataSource.HOW_TO_RAISE);
        List<String> targetAndGroup = new ArrayList<>(fitted.groupDefinition().columns());
        targetAndGroup.add(fitted.targetName());
        FeatureTable table = CsvDataReader.readFeatures(data, fitted.encoding(), Optional.ofNullable(separator),
                targetAndGroup);
        double[] predictions = fitted.predict(table);
        PredictionsCsv.write(predictions, out);
        if (!logging.quiet) {
            spec.commandLine().getErr().println(predictions.length + " predictions written to " + out);
        }
        return ExitCodes.OK;
    }
}
