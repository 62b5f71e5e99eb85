package org.fairreg.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON settings shared by fairreg's files: trees only (no data binding and no default typing,
 * so no type named in a file is ever instantiated), decimals kept exact on reading so that
 * {@code float} weights read back bit for bit, pretty output with {@code \n} line ends on every
 * platform, and limits on reading: nesting depth, document length, number of tokens and array
 * length, so that the tree of a hostile file stays small; and no repeated field names, which
 * other JSON readers would resolve differently.
 *
 * <p>Exact decimals are {@code BigDecimal}s, which have no negative zero; {@link #readTree} keeps
 * {@code -0.0} as a {@code double} node so that its sign survives too.
 */
final class Json {

    /** Deeper nesting than any fairreg file has; a hostile file cannot exhaust the stack. */
    static final int MAX_NESTING_DEPTH = 64;

    /** Jackson's limit messages name the Java method the limit came from, which means nothing to users. */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`\\)");

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        // The token cap bounds the size of the tree built, which takes some 70 bytes per number:
        // the file-size cap alone would let a file of short numbers fill gigabytes of heap.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(ModelFile.MAX_FILE_BYTES)
                .maxTokenCount(ModelFile.MAX_TOKENS)
                .build());
    }

    static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    /**
     * Parses one JSON document into a tree whose numbers keep their exact decimal value.
     *
     * @param in the document
     * @return its root
     * @throws IOException if reading fails or the text is not one JSON value
     */
    static JsonNode readTree(InputStream in) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
                JsonNode root = readValue(parser);
                if (parser.nextToken() != null) {
                    throw new JsonParseException(parser, "expected the end of the document after its one value");
                }
                return root;
            } catch (StreamConstraintsException overLimit) {
                // Jackson gives no location for a broken limit; the parser still knows where it is.
                String problem = LIMIT_SOURCE.matcher(overLimit.getOriginalMessage()).replaceAll(")");
                throw new JsonParseException(parser, problem);
            }
        }
    }

    private static JsonNode readValue(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        switch (parser.currentToken()) {
            case START_OBJECT:
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (object.has(name)) {
                        throw new JsonParseException(parser, "field '" + name + "' repeats; expected distinct names");
                    }
                    parser.nextToken();
                    object.set(name, readValue(parser));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (array.size() == ModelFile.MAX_ARRAY_LENGTH) {
                        throw new JsonParseException(parser, "array longer than " + ModelFile.MAX_ARRAY_LENGTH
                                + " values; expected at most that many");
                    }
                    array.add(readValue(parser));
                }
                return array;
            case VALUE_NUMBER_INT:
                return nodes.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                BigDecimal exact = parser.getDecimalValue();
                return exact.signum() == 0 && parser.getText().startsWith("-")
                        ? nodes.numberNode(-0.0)
                        : nodes.numberNode(exact);
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        }
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
