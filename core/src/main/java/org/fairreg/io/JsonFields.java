package org.fairreg.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairreg.data.DataException;

/**
 * Typed, checked reads from a parsed JSON file. Every failure is a {@link DataException} naming
 * the file and the dotted path of the field, such as {@code network.layers[1].bias}.
 */
final class JsonFields {

    private final Path file;

    JsonFields(Path file) {
        this.file = file;
    }

    DataException error(String path, String problem) {
        return DataException.inFile(file, path + " " + problem);
    }

    JsonNode field(JsonNode parent, String parentPath, String key) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            throw error(join(parentPath, key), "is missing");
        }
        return value;
    }

    JsonNode object(JsonNode parent, String parentPath, String key) {
        JsonNode value = field(parent, parentPath, key);
        if (!value.isObject()) {
            throw error(join(parentPath, key), "must be an object, found " + value.getNodeType());
        }
        return value;
    }

    JsonNode array(JsonNode parent, String parentPath, String key) {
        JsonNode value = field(parent, parentPath, key);
        if (!value.isArray()) {
            throw error(join(parentPath, key), "must be an array, found " + value.getNodeType());
        }
        return value;
    }

    String text(JsonNode parent, String parentPath, String key) {
        JsonNode value = field(parent, parentPath, key);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw error(join(parentPath, key), "must be a non-empty string, found " + value);
        }
        return value.asText();
    }

    boolean bool(JsonNode parent, String parentPath, String key) {
        JsonNode value = field(parent, parentPath, key);
        if (!value.isBoolean()) {
            throw error(join(parentPath, key), "must be true or false, found " + value);
        }
        return value.booleanValue();
    }

    long integer(JsonNode parent, String parentPath, String key, long min, long max) {
        JsonNode value = field(parent, parentPath, key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            throw error(join(parentPath, key), "must be a whole number in [" + min + ", " + max + "], found " + value);
        }
        return value.longValue();
    }

    /** Reads a finite number, or {@code whenNull} for an explicit null (a non-finite value written). */
    double number(JsonNode parent, String parentPath, String key, double whenNull) {
        JsonNode value = parent.get(key);
        if (value != null && value.isNull()) {
            return whenNull;
        }
        return finite(field(parent, parentPath, key), join(parentPath, key));
    }

    double number(JsonNode parent, String parentPath, String key) {
        return finite(field(parent, parentPath, key), join(parentPath, key));
    }

    double[] doubles(JsonNode parent, String parentPath, String key, int expectedLength) {
        JsonNode values = sized(parent, parentPath, key, expectedLength);
        double[] read = new double[expectedLength];
        for (int j = 0; j < expectedLength; j++) {
            read[j] = finite(values.get(j), join(parentPath, key) + "[" + j + "]");
        }
        return read;
    }

    /** Reads numbers into {@code out[offset..]}, each parsed from its exact decimal text. */
    void floats(JsonNode parent, String parentPath, String key, float[] out, int offset, int expectedLength) {
        JsonNode values = sized(parent, parentPath, key, expectedLength);
        for (int j = 0; j < expectedLength; j++) {
            JsonNode value = values.get(j);
            String path = join(parentPath, key) + "[" + j + "]";
            if (!value.isNumber()) {
                throw error(path, "must be a number, found " + value);
            }
            float parsed = Float.parseFloat(value.asText());
            if (!Float.isFinite(parsed)) {
                throw error(path, "must be a finite float, found " + value.asText());
            }
            out[offset + j] = parsed;
        }
    }

    List<String> texts(JsonNode parent, String parentPath, String key) {
        JsonNode values = array(parent, parentPath, key);
        List<String> read = new ArrayList<>(values.size());
        for (int j = 0; j < values.size(); j++) {
            JsonNode value = values.get(j);
            if (!value.isTextual() || value.asText().isEmpty()) {
                throw error(join(parentPath, key) + "[" + j + "]", "must be a non-empty string, found " + value);
            }
            read.add(value.asText());
        }
        return read;
    }

    int[] integers(JsonNode parent, String parentPath, String key, int min, int max) {
        JsonNode values = array(parent, parentPath, key);
        int[] read = new int[values.size()];
        for (int j = 0; j < read.length; j++) {
            JsonNode value = values.get(j);
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                    || value.intValue() > max) {
                throw error(join(parentPath, key) + "[" + j + "]", "must be a whole number in [" + min + ", " + max
                        + "], found " + value);
            }
            read[j] = value.intValue();
        }
        return read;
    }

    static String join(String parentPath, String key) {
        return parentPath.isEmpty() ? key : parentPath + "." + key;
    }

    void checkLength(JsonNode parent, String parentPath, String key, long expectedLength) {
        sized(parent, parentPath, key, expectedLength);
    }

    private JsonNode sized(JsonNode parent, String parentPath, String key, long expectedLength) {
        JsonNode values = array(parent, parentPath, key);
        if (values.size() != expectedLength) {
            throw error(join(parentPath, key), "must hold " + expectedLength + " numbers, found " + values.size());
        }
        return values;
    }

    private double finite(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw error(path, "must be a number, found " + value);
        }
        double parsed = Double.parseDouble(value.asText());
        if (!Double.isFinite(parsed)) {
            throw error(path, "must be a finite number, found " + value.asText());
        }
        return parsed;
    }
}
