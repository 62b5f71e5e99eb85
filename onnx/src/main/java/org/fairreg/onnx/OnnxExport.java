package org.fairreg.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import org.fairreg.io.AtomicFiles;
import org.fairreg.train.FittedModel;
import org.fairreg.train.Provenance;

/**
 * Exports a fitted model as one ONNX model: the whole prediction from source columns to the
 * target's unit ({@link PredictorGraph} gives the graph's steps), with the feature names, group
 * labels, settings, provenance and, when given, a per-group report as metadata
 * ({@link OnnxMetadata}).
 *
 * <p>The model imports the default ONNX opset {@value #OPSET} and the ONNX-ML opset
 * {@value #ML_OPSET} (that of ONNX 1.12, the release of opset 17), with IR version
 * {@value #IR_VERSION}. The same model always gives the same bytes. Stateless and thread-safe.
 */
public final class OnnxExport {

    /** The version of the default ONNX operator set the graph imports. */
    public static final int OPSET = 17;
    /** The domain of the ONNX-ML operators, such as the one-hot encoder. */
    public static final String ML_DOMAIN = "ai.onnx.ml";
    /** The version of the ONNX-ML operator set the graph imports. */
    public static final int ML_OPSET = 3;
    /** The ONNX IR version of the file: 8, the one of ONNX 1.12. */
    public static final long IR_VERSION = 8;
    /** The {@code producer_name} of the file. */
    public static final String PRODUCER = "fairreg";

    private OnnxExport() {
    }

    /**
     * Exports a model without a report.
     *
     * @param model the model
     * @return the ONNX model
     * @throws IllegalArgumentException as {@link #toOnnx(FittedModel, Optional)}
     */
    public static ModelProto toOnnx(FittedModel model) {
        return toOnnx(model, Optional.empty());
    }

    /**
     * Exports a model with a report on it.
     *
     * @param model the model
     * @param report the JSON text of a report fairreg wrote for this model, carried verbatim
     *        under {@link OnnxMetadata#REPORT}; or empty
     * @return the ONNX model
     * @throws IllegalArgumentException if a source column's name would clash with a name of the
     *         graph ({@code prediction}, or one starting with {@code fairreg/}), or the report is
     *         not a fairreg report of this model
     */
    public static ModelProto toOnnx(FittedModel model, Optional<String> report) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(report, "report");
        Map<String, String> metadata = OnnxMetadata.of(model, report);

        ModelProto.Builder builder = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(Provenance.builtVersion())
                .setDocString("fairreg regression model predicting '" + model.targetName() + "' from "
                        + model.encoding().sourceNames().size() + " source columns; see docs/onnx.md")
                .setGraph(PredictorGraph.build(model));
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            builder.addMetadataProps(StringStringEntryProto.newBuilder()
                    .setKey(entry.getKey())
                    .setValue(entry.getValue()));
        }
        return builder.build();
    }

    /**
     * Exports a model and writes it atomically.
     *
     * @param model the model
     * @param report as {@link #toOnnx(FittedModel, Optional)}
     * @param file the {@code .onnx} file to write; its folder must exist
     * @throws IllegalArgumentException as {@link #toOnnx(FittedModel, Optional)}, before anything
     *         is written
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(FittedModel model, Optional<String> report, Path file) throws IOException {
        ModelProto onnx = toOnnx(model, report);
        AtomicFiles.write(file, onnx::writeTo);
    }
}
