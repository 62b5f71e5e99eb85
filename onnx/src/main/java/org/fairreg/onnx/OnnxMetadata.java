package org.fairreg.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fairreg.io.ModelFile;
import org.fairreg.train.FittedModel;

/**
 * The keys of the metadata an exported graph carries ({@code metadata_props} of the ONNX model),
 * and how their values are made. Values that hold structure are compact JSON in the layout of the
 * model file's sections of the same name (docs/model-format.md), so a reader parses them as it
 * would parse a model file.
 *
 * <p>The model file holds no per-group test report; a report written for the model by
 * {@code fairreg train --report-json} or {@code fairreg evaluate --report-json} is carried under
 * {@link #REPORT} when one is given, and the key is absent otherwise.
 */
public final class OnnxMetadata {

    /** The layout version of this metadata, {@code 1}; a change of keys or values raises it. */
    public static final String METADATA_VERSION = "fairreg.metadata_version";
    /** The name of the target column, as text. */
    public static final String TARGET = "fairreg.target";
    /** The group's name, its columns joined with {@code |}, as text. */
    public static final String GROUP = "fairreg.group";
    /** The group labels of the training data in fairreg's group order: a JSON array of strings. */
    public static final String GROUPS = "fairreg.groups";
    /** The encoded features the network reads, in input order: a JSON array of strings. */
    public static final String FEATURES = "fairreg.features";
    /**
     * The source columns with their kinds and categories, and the group definition: the model
     * file's {@code encoding} section.
     */
    public static final String ENCODING = "fairreg.encoding";
    /** Every training setting: the model file's {@code training} section. */
    public static final String TRAINING = "fairreg.training";
    /** How the training run ended: the model file's {@code result} section. */
    public static final String RESULT = "fairreg.result";
    /** Where the model was trained: the model file's {@code provenance} section. */
    public static final String PROVENANCE = "fairreg.provenance";
    /** The per-group report given at export, verbatim; absent when none was given. */
    public static final String REPORT = "fairreg.report";

    private static final String LAYOUT_VERSION = "1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OnnxMetadata() {
    }

    /**
     * @param model the model exported
     * @param report the JSON text of a report on the model, or empty
     * @return the metadata, keys in a fixed order
     * @throws IllegalArgumentException if the report is not a JSON object, lacks the
     *         {@code training} or {@code provenance} of a fairreg report, or has other ones than
     *         the model, so that it was made for another model
     */
    static Map<String, String> of(FittedModel model, Optional<String> report) {
        JsonNode sections = modelSections(model);
        report.ifPresent(text -> checkReport(text, sections));

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(METADATA_VERSION, LAYOUT_VERSION);
        metadata.put(TARGET, model.targetName());
        metadata.put(GROUP, model.groupName());
        metadata.put(GROUPS, compact(sections.get("groups")));
        metadata.put(FEATURES, compact(sections.get("columns").get("features")));
        metadata.put(ENCODING, compact(sections.get("encoding")));
        metadata.put(TRAINING, compact(sections.get("training")));
        metadata.put(RESULT, compact(sections.get("result")));
        metadata.put(PROVENANCE, compact(sections.get("provenance")));
        report.ifPresent(text -> metadata.put(REPORT, text));
        return metadata;
    }

    /** The model file's JSON, so that the metadata shares its layout and stays in step with it. */
    private static JsonNode modelSections(FittedModel model) {
        try {
            return MAPPER.readTree(ModelFile.toJson(model));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the model's sections", e);
        }
    }

    private static void checkReport(String text, JsonNode model) {
        JsonNode report;
        try {
            report = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("report must be JSON, found an error: " + e.getOriginalMessage());
        }
        if (report == null || !report.isObject()) {
            throw new IllegalArgumentException("report must be a JSON object, as fairreg writes reports");
        }
        for (String section : new String[] {"training", "provenance"}) {
            if (!report.has(section)) {
                throw new IllegalArgumentException("report must hold the field '" + section
                        + "' of a fairreg report (train --report-json, evaluate --report-json), found none");
            }
            if (!report.get(section).equals(model.get(section))) {
                throw new IllegalArgumentException("report was made for another model: its '" + section
                        + "' differs from the model's");
            }
        }
    }

    private static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree that was just read", e);
        }
    }
}
