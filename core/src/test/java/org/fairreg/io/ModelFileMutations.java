package org.fairreg.io;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broken variants of a valid model file for {@link ModelFileFuzzTest}, each drawn from one seeded
 * {@link Random} and named after what was done to the file. Text mutations work on the bytes;
 * structural ones (array lengths, types, sizes) edit the parsed tree with a plain Jackson mapper
 * and write it back, so that they reach the reader's field checks rather than its parser.
 */
final class ModelFileMutations {

    /** A file to read, and how it was made. */
    record Case(String name, byte[] content) {
    }

    private static final ObjectMapper EDITOR = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    /** A line holding one field with a scalar or a one-line array as its value. */
    private static final Pattern FIELD_LINE = Pattern.compile("(?m)^ *\"[^\"]+\" : ([^{\\[\\n].*|\\[.*])$");
    private static final int TRUNCATIONS_PER_KIND = 25;
    private static final int MAX_DELETION = 16;

    private static final String[] NUMBER_REPLACEMENTS = {
        "1e999", "-1e999", "1e-999", "NaN", "Infinity", "\"7\"", "-1", "0", "-0", "-0.0", "2147483647",
        "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999", "1.5",
        "3.4028236e38", "1e1000000000", "null", "true", "[]", "{}", "\"\"",
    };
    private static final String[] INSERTED = {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "-", "0", "e", ".", "null", "1e999", "\"x\": 1,", "\u0000",
        "\u00e9", "\ud83d\ude00", "/* note */", "// note\n", "'", "NaN", ",,", "[1,2", "{\"a\":",
    };
    private static final int[] SIZES = {
        0, -1, 1, 2, 3, 4, 65_536, 65_537, Integer.MAX_VALUE, Integer.MIN_VALUE,
    };
    private static final int[] NESTING_DEPTHS = {63, 64, 65, 200, 100_000};

    private final byte[] valid;
    private final String text;
    private final Random random;
    private final List<JsonPointer> scalarPaths = new ArrayList<>();
    private final List<JsonPointer> arrayPaths = new ArrayList<>();
    private final List<JsonPointer> sizePaths = new ArrayList<>();

    ModelFileMutations(byte[] valid, Random random) throws IOException {
        this.valid = valid.clone();
        this.text = new String(valid, StandardCharsets.UTF_8);
        this.random = random;
        collectPaths(EDITOR.readTree(valid), JsonPointer.empty());
    }

    private void collectPaths(JsonNode node, JsonPointer path) {
        if (node.isArray()) {
            arrayPaths.add(path);
            for (int j = 0; j < node.size(); j++) {
                collectPaths(node.get(j), path.appendIndex(j));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonPointer child = path.appendProperty(field.getKey());
                if (field.getKey().endsWith("_size") || field.getKey().equals("format_version")
                        || path.toString().endsWith("hidden_sizes")) {
                    sizePaths.add(child);
                }
                collectPaths(field.getValue(), child);
            }
        } else {
            scalarPaths.add(path);
            if (path.toString().contains("hidden_sizes")) {
                sizePaths.add(path);
            }
        }
    }

    /**
     * Cuts the file after up to {@value #TRUNCATIONS_PER_KIND} positions of each kind of character
     * (brace, quote, digit, letter, space...), so that every parser state meets an end of file.
     */
    List<Case> truncations() {
        Map<Character, List<Integer>> positionsByKind = new LinkedHashMap<>();
        for (int at = 0; at < valid.length; at++) {
            positionsByKind.computeIfAbsent(kind((char) valid[at]), k -> new ArrayList<>()).add(at);
        }
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<Character, List<Integer>> kind : positionsByKind.entrySet()) {
            List<Integer> positions = kind.getValue();
            int step = Math.max(1, positions.size() / TRUNCATIONS_PER_KIND);
            for (int j = 0; j < positions.size(); j += step) {
                int at = positions.get(j);
                cases.add(new Case("truncated before byte " + at + " ('" + kind.getKey() + "' kind)",
                        Arrays.copyOf(valid, at)));
            }
        }
        return cases;
    }

    private static char kind(char c) {
        if (Character.isDigit(c)) {
            return '9';
        }
        if (Character.isLetter(c)) {
            return 'a';
        }
        return Character.isWhitespace(c) ? ' ' : c;
    }

    Case byteFlip() {
        int at = random.nextInt(valid.length);
        int bit = random.nextInt(8);
        byte[] content = valid.clone();
        content[at] ^= (byte) (1 << bit);
        return new Case("bit " + bit + " of byte " + at + " flipped", content);
    }

    Case deletion() {
        int at = random.nextInt(valid.length);
        int length = Math.min(1 + random.nextInt(MAX_DELETION), valid.length - at);
        byte[] content = new byte[valid.length - length];
        System.arraycopy(valid, 0, content, 0, at);
        System.arraycopy(valid, at + length, content, at, valid.length - at - length);
        return new Case(length + " bytes deleted at " + at, content);
    }

    Case insertion() {
        int at = random.nextInt(valid.length + 1);
        String inserted = INSERTED[random.nextInt(INSERTED.length)];
        return new Case("'" + printable(inserted) + "' inserted at " + at, splice(at, at, inserted));
    }

    Case numberReplaced() {
        List<int[]> numbers = matches(NUMBER);
        int[] number = numbers.get(random.nextInt(numbers.size()));
        String replacement = NUMBER_REPLACEMENTS[random.nextInt(NUMBER_REPLACEMENTS.length)];
        return new Case("number at char " + number[0] + " replaced by " + replacement,
                spliceText(number[0], number[1], replacement));
    }

    /** Repeats a field's line, giving a repeated name, or broken JSON for a last field. */
    Case lineDuplicated() {
        List<int[]> lines = matches(FIELD_LINE);
        int[] line = lines.get(random.nextInt(lines.size()));
        String field = text.substring(line[0], line[1]);
        String copy = field.endsWith(",") ? field : field + ",";
        return new Case("field line at char " + line[0] + " repeated", spliceText(line[0], line[0], copy + "\n"));
    }

    /** Shortens, lengthens, empties or doubles one array of the tree. */
    Case arrayResized() {
        JsonPointer path = arrayPaths.get(random.nextInt(arrayPaths.size()));
        int how = random.nextInt(4);
        return edited(path + " " + new String[] {"shortened", "lengthened", "emptied", "doubled"}[how], root -> {
            ArrayNode array = (ArrayNode) root.at(path);
            if (how == 0 && !array.isEmpty()) {
                array.remove(random.nextInt(array.size()));
            } else if (how == 1) {
                array.add(array.isEmpty() ? NODES.numberNode(1) : array.get(random.nextInt(array.size())).deepCopy());
            } else if (how == 2) {
                array.removeAll();
            } else {
                array.addAll(array.deepCopy());
            }
        });
    }

    /** Replaces one scalar, array or object of the tree by a value of another type. */
    Case valueRetyped() {
        List<JsonPointer> candidates = random.nextBoolean() ? scalarPaths : arrayPaths;
        JsonPointer path = candidates.get(random.nextInt(candidates.size()));
        JsonNode[] others = {
            NODES.textNode("x"), NODES.textNode(""), NODES.numberNode(1), NODES.numberNode(-2.5),
            NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
        };
        JsonNode replacement = others[random.nextInt(others.length)];
        return edited(path + " set to " + replacement, root -> replace(root, path, replacement));
    }

    /** Replaces a number by a value nested deeper than, as deep as, or just inside the limit. */
    Case deepNesting() {
        List<int[]> numbers = matches(NUMBER);
        int[] number = numbers.get(random.nextInt(numbers.size()));
        int depth = NESTING_DEPTHS[random.nextInt(NESTING_DEPTHS.length)];
        boolean closed = random.nextBoolean();
        boolean objects = random.nextBoolean();
        StringBuilder nested = new StringBuilder();
        nested.append(objects ? "{\"a\":" : "[").append(objects ? "{\"a\":".repeat(depth - 1) : "[".repeat(depth - 1));
        nested.append('1');
        if (closed) {
            nested.append((objects ? "}" : "]").repeat(depth));
        }
        return new Case("number at char " + number[0] + " replaced by " + (closed ? "" : "unclosed ") + depth
                + " nested " + (objects ? "objects" : "arrays"), spliceText(number[0], number[1], nested.toString()));
    }

    /** Sets a declared size (layer sizes, hidden sizes, format version) to a value that does not fit. */
    Case sizeChanged() {
        JsonPointer path = sizePaths.get(random.nextInt(sizePaths.size()));
        JsonNode size;
        if (path.toString().endsWith("hidden_sizes") && random.nextBoolean()) {
            ArrayNode sizes = NODES.arrayNode();
            int layers = 1 + random.nextInt(4);
            int each = SIZES[random.nextInt(SIZES.length)];
            for (int l = 0; l < layers; l++) {
                sizes.add(each);
            }
            size = sizes;
        } else {
            size = NODES.numberNode(SIZES[random.nextInt(SIZES.length)]);
        }
        return edited(path + " set to " + size, root -> replace(root, path, size));
    }

    /** Bytes of any value, of any length up to two kilobytes. */
    static Case randomBytes(Random random, int index) {
        byte[] content = new byte[random.nextInt(2048)];
        random.nextBytes(content);
        return new Case("random bytes #" + index + " (" + content.length + " bytes)", content);
    }

    /** Text drawn from JSON's punctuation, literals and the model file's field names. */
    static Case randomJsonish(Random random, int index) {
        String[] tokens = {
            "{", "}", "[", "]", ",", ":", "\"format\"", "\"fairreg-model\"", "\"format_version\"", "1", "-0.5",
            "\"network\"", "\"layers\"", "\"kernel\"", "null", "true", "\"x\"", " ", "\n", "1e400",
        };
        StringBuilder built = new StringBuilder();
        int length = random.nextInt(200);
        for (int t = 0; t < length; t++) {
            built.append(tokens[random.nextInt(tokens.length)]);
        }
        return new Case("random JSON-like text #" + index + " (" + length + " tokens)",
                built.toString().getBytes(StandardCharsets.UTF_8));
    }

    private interface Edit {
        void apply(ObjectNode root);
    }

    private Case edited(String name, Edit edit) {
        try {
            ObjectNode root = (ObjectNode) EDITOR.readTree(valid);
            edit.apply(root);
            return new Case(name, EDITOR.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void replace(ObjectNode root, JsonPointer path, JsonNode replacement) {
        ContainerNode<?> parent = (ContainerNode<?>) root.at(path.head());
        if (parent.isArray()) {
            ((ArrayNode) parent).set(path.last().getMatchingIndex(), replacement);
        } else {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), replacement);
        }
    }

    private List<int[]> matches(Pattern pattern) {
        List<int[]> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new int[] {matcher.start(), matcher.end()});
        }
        return found;
    }

    private byte[] splice(int from, int to, String inserted) {
        byte[] middle = inserted.getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[from + middle.length + valid.length - to];
        System.arraycopy(valid, 0, content, 0, from);
        System.arraycopy(middle, 0, content, from, middle.length);
        System.arraycopy(valid, to, content, from + middle.length, valid.length - to);
        return content;
    }

    /** Splices at char positions of the text; the model file is ASCII, so chars are bytes. */
    private byte[] spliceText(int from, int to, String inserted) {
        return (text.substring(0, from) + inserted + text.substring(to)).getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(String inserted) {
        return inserted.replace("\n", "\\n").replace("\u0000", "\\0");
    }
}
