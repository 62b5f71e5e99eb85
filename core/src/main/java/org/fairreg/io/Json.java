package org.fairreg.io;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON settings shared by fairreg's files: trees only (no data binding, so no type named in a
 * file is ever instantiated), decimals kept exact on reading so that {@code float} weights read
 * back bit for bit, pretty output with {@code \n} line ends on every platform, and a cap on the
 * nesting depth.
 */
final class Json {

    /** Deeper nesting than any fairreg file has; a hostile file cannot exhaust the stack. */
    private static final int MAX_NESTING_DEPTH = 64;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    }

    static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts a double, or null when it is not finite (JSON has no NaN or infinity). */
    static void putFinite(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    static ArrayNode floats(ObjectNode parent, String key, float[] values, int from, int to) {
        ArrayNode array = parent.putArray(key);
        for (int j = from; j < to; j++) {
            array.add(values[j]);
        }
        return array;
    }

    static ArrayNode doubles(ObjectNode parent, String key, double[] values) {
        ArrayNode array = parent.putArray(key);
        for (double value : values) {
            array.add(value);
        }
        return array;
    }
}
