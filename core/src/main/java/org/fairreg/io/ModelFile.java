package org.fairreg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairreg.data.DataException;
import org.fairreg.data.GroupLabels;
import org.fairreg.data.Standardization;
import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.Network;
import org.fairreg.train.FittedModel;
import org.fairreg.train.Provenance;
import org.fairreg.train.TrainingSettings;
import org.fairreg.train.TrainingSummary;

/**
 * Writes and reads the fairreg model file: one JSON document holding everything needed to
 * predict, and how the model was made. The format is described in {@code docs/model-format.md}.
 *
 * <p>Reading checks the format name and version, the feature encoding against the feature names,
 * every shape against the architecture, and that every number is finite, before building the
 * model; the parser refuses, before building its tree, a file beyond the limits below. Any
 * problem is a {@link DataException} naming the file and the field, or the line and column where
 * the JSON broke. Nothing in the file chooses a Java type.
 */
public final class ModelFile {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "fairreg-model";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /**
     * The most weights and biases a model file may hold, about 4.2 million: a 2048 x 2048 layer,
     * some 850 times the recipe's 10-64-64-1 network. The parsed file takes some 70 bytes of heap
     * per number, so a file at this limit reads in a few hundred megabytes.
     */
    public static final int MAX_PARAMETERS = 1 << 22;
    /** The longest array a model file may hold: the largest kernel, when one layer has all parameters. */
    public static final int MAX_ARRAY_LENGTH = MAX_PARAMETERS;
    /**
     * The most JSON tokens (values, names, brackets) a model file may hold: the parameters and a
     * million more for names, categories, group labels, scales and settings.
     */
    public static final long MAX_TOKENS = MAX_PARAMETERS + (1L << 20);
    /**
     * Model files larger than this are refused before parsing: about 60 bytes per token, four
     * times what the pretty-printed numbers of a model take, leaving room for long names.
     */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private ModelFile() {
    }

    /**
     * Writes a model atomically.
     *
     * @param model the model
     * @param file the file to write
     * @throws IOException if writing fails; the file is then unchanged
     */
    public static void write(FittedModel model, Path file) throws IOException {
        byte[] content = toJson(model);
        AtomicFiles.write(file, out -> out.write(content));
    }

    /**
     * Serializes a model; the same model always gives the same bytes.
     *
     * @param model the model
     * @return the UTF-8 JSON text
     * @throws IOException if serializing fails
     */
    public static byte[] toJson(FittedModel model) throws IOException {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.set("provenance", SettingsJson.write(model.provenance()));

        ObjectNode columns = root.putObject("columns");
        ArrayNode features = columns.putArray("features");
        model.featureNames().forEach(features::add);
        columns.put("target", model.targetName());
        columns.put("group", model.groupName());
        root.set("encoding", EncodingJson.write(model.encoding(), model.groupDefinition()));
        ArrayNode groups = root.putArray("groups");
        model.groups().labels().forEach(groups::add);

        Standardization standardization = model.standardization();
        ObjectNode scaling = root.putObject("standardization");
        Json.doubles(scaling, "feature_means", standardization.featureMeans());
        Json.doubles(scaling, "feature_scales", standardization.featureScales());
        scaling.put("target_mean", standardization.targetMean());
        scaling.put("target_scale", standardization.targetScale());

        root.set("network", writeNetwork(model.network()));
        root.set("training", SettingsJson.write(model.settings()));
        root.set("result", SettingsJson.write(model.summary()));
        return Json.WRITER.writeValueAsBytes(root);
    }

    private static ObjectNode writeNetwork(Network network) {
        Architecture architecture = network.architecture();
        ObjectNode node = Json.object();
        node.put("input_size", architecture.inputSize());
        ArrayNode hidden = node.putArray("hidden_sizes");
        for (int size : architecture.hiddenSizes()) {
            hidden.add(size);
        }
        node.put("hidden_activation", architecture.hiddenActivation().id());
        ArrayNode layers = node.putArray("layers");
        float[] parameters = network.parameters();
        for (int l = 0; l < architecture.layerCount(); l++) {
            ObjectNode layer = layers.addObject();
            layer.put("input_size", architecture.layerInputSize(l));
            layer.put("output_size", architecture.layerOutputSize(l));
            layer.put("activation", architecture.layerActivation(l).id());
            Json.floats(layer, "kernel", parameters, network.kernelOffset(l), network.biasOffset(l));
            Json.floats(layer, "bias", parameters, network.biasOffset(l),
                    network.biasOffset(l) + architecture.layerOutputSize(l));
        }
        return node;
    }

    /**
     * Reads and checks a model file.
     *
     * @param file the file
     * @return the model
     * @throws DataException if the file is missing, too large, not JSON, or not a valid model
     */
    public static FittedModel read(Path file) {
        JsonNode root = parse(file);
        JsonFields fields = new JsonFields(file);
        String format = fields.text(root, "", "format");
        if (!FORMAT.equals(format)) {
            throw fields.error("format", "must be '" + FORMAT + "', found '" + format + "'");
        }
        long version = fields.integer(root, "", "format_version", 1, Integer.MAX_VALUE);
        if (version != FORMAT_VERSION) {
            throw fields.error("format_version", "is " + version + "; this fairreg reads version " + FORMAT_VERSION);
        }
        Provenance provenance = SettingsJson.readProvenance(fields, fields.object(root, "", "provenance"),
                "provenance");

        JsonNode columns = fields.object(root, "", "columns");
        List<String> featureNames = fields.texts(columns, "columns", "features");
        if (new HashSet<>(featureNames).size() != featureNames.size()) {
            throw fields.error("columns.features", "must not repeat a name, found " + featureNames);
        }
        String target = fields.text(columns, "columns", "target");
        String group = fields.text(columns, "columns", "group");
        EncodingJson.Section encoding = EncodingJson.read(fields, fields.object(root, "", "encoding"), "encoding");
        if (!featureNames.equals(encoding.encoding().encodedNames())) {
            throw fields.error("columns.features", "must be the names the encoding gives, "
                    + encoding.encoding().encodedNames() + ", found " + featureNames);
        }
        if (!group.equals(encoding.group().name())) {
            throw fields.error("columns.group", "must be '" + encoding.group().name()
                    + "', the name of encoding.group, found '" + group + "'");
        }
        GroupLabels groups;
        try {
            groups = GroupLabels.inOrder(fields.texts(root, "", "groups"));
        } catch (IllegalArgumentException invalid) {
            throw fields.error("groups", "is not valid: " + invalid.getMessage());
        }

        Network network = readNetwork(fields, fields.object(root, "", "network"), featureNames.size());
        Standardization standardization = readStandardization(fields,
                fields.object(root, "", "standardization"), featureNames.size());
        TrainingSettings settings = SettingsJson.read(fields, fields.object(root, "", "training"), "training");
        checkSettingsMatch(fields, settings, network.architecture());
        TrainingSummary summary = SettingsJson.readSummary(fields, fields.object(root, "", "result"), "result");
        try {
            return new FittedModel(encoding.encoding(), target, encoding.group(), groups, standardization, network,
                    settings, summary, provenance);
        } catch (IllegalArgumentException invalid) {
            throw fields.error("columns.features", "does not fit the model: " + invalid.getMessage());
        }
    }

    private static JsonNode parse(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw DataException.inFile(file, "is " + size + " bytes; model files are at most " + MAX_FILE_BYTES);
            }
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode root = Json.readTree(in);
                if (root == null || !root.isObject()) {
                    throw DataException.inFile(file, "is not a fairreg model: expected a JSON object");
                }
                return root;
            }
        } catch (JacksonException malformed) {
            JsonLocation where = malformed.getLocation();
            String problem = "is not valid JSON: " + malformed.getOriginalMessage();
            throw where == null
                    ? DataException.inFile(file, problem)
                    : DataException.atCell(file, where.getLineNr(), where.getColumnNr(), problem);
        } catch (NoSuchFileException missing) {
            throw DataException.unreadable(file, "no such model file", missing);
        } catch (IOException unreadable) {
            throw DataException.unreadable(file, "cannot read the model file: " + unreadable.getMessage(), unreadable);
        }
    }

    private static Network readNetwork(JsonFields fields, JsonNode node, int featureCount) {
        String path = "network";
        int inputSize = (int) fields.integer(node, path, "input_size", 1, Architecture.MAX_LAYER_SIZE);
        if (inputSize != featureCount) {
            throw fields.error("network.input_size", "must equal the " + featureCount + " features, found "
                    + inputSize);
        }
        int[] hiddenSizes = fields.integers(node, path, "hidden_sizes", 1, Architecture.MAX_LAYER_SIZE);
        Activation activation;
        try {
            activation = Activation.fromId(fields.text(node, path, "hidden_activation"));
        } catch (IllegalArgumentException unknown) {
            throw fields.error("network.hidden_activation", "is not valid: " + unknown.getMessage());
        }
        Architecture architecture = new Architecture(inputSize, hiddenSizes, activation);
        long parameterCount = declaredParameterCount(architecture);
        if (parameterCount > MAX_PARAMETERS) {
            throw fields.error("network.hidden_sizes", "make a network of " + parameterCount
                    + " parameters; model files hold at most " + MAX_PARAMETERS);
        }
        JsonNode layers = fields.array(node, path, "layers");
        if (layers.size() != architecture.layerCount()) {
            throw fields.error("network.layers", "must hold " + architecture.layerCount() + " layers, found "
                    + layers.size());
        }
        for (int l = 0; l < architecture.layerCount(); l++) {
            checkLayer(fields, layers.get(l), l, architecture);
        }
        // Allocated only now that every array is known to have its expected size, so a file
        // cannot make this allocate more than it holds.
        Network network = new Network(architecture);
        float[] parameters = new float[network.parameterCount()];
        for (int l = 0; l < architecture.layerCount(); l++) {
            String layerPath = "network.layers[" + l + "]";
            int in = architecture.layerInputSize(l);
            int out = architecture.layerOutputSize(l);
            fields.floats(layers.get(l), layerPath, "kernel", parameters, network.kernelOffset(l), in * out);
            fields.floats(layers.get(l), layerPath, "bias", parameters, network.biasOffset(l), out);
        }
        network.setParameters(parameters);
        return network;
    }

    /** The settings record how the network was made, so they must describe the network the file holds. */
    private static void checkSettingsMatch(JsonFields fields, TrainingSettings settings, Architecture architecture) {
        if (!Arrays.equals(settings.hiddenSizes(), architecture.hiddenSizes())) {
            throw fields.error("training.hidden_sizes", "must equal network.hidden_sizes "
                    + Arrays.toString(architecture.hiddenSizes()) + ", found "
                    + Arrays.toString(settings.hiddenSizes()));
        }
        if (architecture.hiddenSizes().length > 0 && settings.activation() != architecture.hiddenActivation()) {
            throw fields.error("training.activation", "must equal network.hidden_activation '"
                    + architecture.hiddenActivation().id() + "', found '" + settings.activation().id() + "'");
        }
    }

    /** Counts without {@link Architecture#parameterCount}, which fails past {@code Integer.MAX_VALUE}. */
    private static long declaredParameterCount(Architecture architecture) {
        long count = 0;
        for (int l = 0; l < architecture.layerCount(); l++) {
            count += ((long) architecture.layerInputSize(l) + 1) * architecture.layerOutputSize(l);
        }
        return count;
    }

    private static void checkLayer(JsonFields fields, JsonNode layer, int l, Architecture architecture) {
        String layerPath = "network.layers[" + l + "]";
        int in = architecture.layerInputSize(l);
        int out = architecture.layerOutputSize(l);
        fields.integer(layer, layerPath, "input_size", in, in);
        fields.integer(layer, layerPath, "output_size", out, out);
        String expected = architecture.layerActivation(l).id();
        if (!expected.equals(fields.text(layer, layerPath, "activation"))) {
            throw fields.error(layerPath + ".activation", "must be " + expected);
        }
        fields.checkLength(layer, layerPath, "kernel", (long) in * out);
        fields.checkLength(layer, layerPath, "bias", out);
    }

    private static Standardization readStandardization(JsonFields fields, JsonNode node, int featureCount) {
        String path = "standardization";
        double[] means = fields.doubles(node, path, "feature_means", featureCount);
        double[] scales = fields.doubles(node, path, "feature_scales", featureCount);
        double targetMean = fields.number(node, path, "target_mean");
        double targetScale = fields.number(node, path, "target_scale");
        try {
            return new Standardization(means, scales, targetMean, targetScale);
        } catch (IllegalArgumentException invalid) {
            throw fields.error(path, "is not valid: " + invalid.getMessage());
        }
    }
}
