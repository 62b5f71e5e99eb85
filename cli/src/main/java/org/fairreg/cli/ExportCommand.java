package org.fairreg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fairreg.data.DataException;
import org.fairreg.io.ModelFile;
import org.fairreg.onnx.OnnxExport;
import org.fairreg.train.FittedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fairreg export}: a saved model as one ONNX graph, for other runtimes. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes a saved model as one ONNX graph that predicts from the source columns as fairreg predict does: "
                    + "one input per source column (float for a numeric column, string for a categorical one, "
                    + "shape [N, 1]), one-hot encoding, standardizing, the dense layers and the target's unit, "
                    + "with the output 'prediction' (double, [N, 1]).",
            "The graph imports ONNX opset 17 and ONNX-ML opset 3; its metadata holds the feature names, the group "
                    + "labels, the training settings, result and provenance, and the report given with --report. "
                    + "docs/onnx.md describes it."
        },
        footer = {
            "%nExample:",
            "  fairreg export --model model.json --onnx model.onnx --report report.json",
            ExitCodes.HELP_SECTION
        })
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "Model file written by fairreg train --model-out.")
    Path model;

    @Option(names = "--onnx", paramLabel = "FILE", required = true,
            description = "Where to write the ONNX graph, atomically.")
    Path onnx;

    @Option(names = "--report", paramLabel = "JSON",
            description = "A report on this model written by fairreg train --report-json or fairreg evaluate "
                    + "--report-json, stored verbatim in the graph's metadata as fairreg.report. A report of "
                    + "another model (other training settings or provenance) is refused.")
    Path report;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws IOException {
        logging.configure();
        OutputPaths.checkDistinct(spec.commandLine(), Arrays.asList(model, report), "--onnx", onnx);
        FittedModel fitted = ModelFile.read(model);
        Optional<String> reportText = report == null ? Optional.empty() : Optional.of(readReport(report));
        OnnxExport.write(fitted, reportText, onnx);
        if (!logging.quiet) {
            spec.commandLine().getErr().println("ONNX graph of " + model + " written to " + onnx);
        }
        return ExitCodes.OK;
    }

    private static String readReport(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw DataException.unreadable(file, "no such report file", missing);
        } catch (IOException unreadable) {
            throw DataException.unreadable(file, "cannot read the report: " + unreadable.getMessage(), unreadable);
        }
    }
}
