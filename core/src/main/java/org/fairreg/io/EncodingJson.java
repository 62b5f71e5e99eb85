package org.fairreg.io;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairreg.data.FeatureEncoding;
import org.fairreg.data.GroupDefinition;

/**
 * The {@code encoding} section of a model file: how the source columns of a CSV file become the
 * network's features, and how the group columns become a group.
 *
 * <pre>
 * "encoding": {
 *   "features": [
 *     { "column": "age", "type": "numeric" },
 *     { "column": "sex", "type": "categorical", "categories": ["female", "male"] }
 *   ],
 *   "group": { "columns": ["race"], "versus_rest": "7" }
 * }
 * </pre>
 *
 * {@code versus_rest} is {@code null} when group labels are the cells themselves, joined with
 * {@code |} when there are several columns. Reading checks every field and reports a problem as
 * a {@code DataException} naming the file and field path.
 */
final class EncodingJson {

    private static final String NUMERIC = "numeric";
    private static final String CATEGORICAL = "categorical";

    private EncodingJson() {
    }

    /** What the section holds. */
    record Section(FeatureEncoding encoding, GroupDefinition group) {
    }

    /**
     * @param encoding the features' encoding
     * @param group the group definition
     * @return the section
     */
    static ObjectNode write(FeatureEncoding encoding, GroupDefinition group) {
        ObjectNode node = Json.object();
        ArrayNode features = node.putArray("features");
        for (FeatureEncoding.Column column : encoding.columns()) {
            ObjectNode entry = features.addObject();
            entry.put("column", column.name());
            entry.put("type", column.isCategorical() ? CATEGORICAL : NUMERIC);
            if (column.isCategorical()) {
                ArrayNode categories = entry.putArray("categories");
                column.categories().forEach(categories::add);
            }
        }
        ObjectNode groupNode = node.putObject("group");
        ArrayNode columns = groupNode.putArray("columns");
        group.columns().forEach(columns::add);
        if (group.versusRest().isPresent()) {
            groupNode.put("versus_rest", group.versusRest().get());
        } else {
            groupNode.putNull("versus_rest");
        }
        return node;
    }

    /**
     * @param fields the file's checked reads
     * @param node the section
     * @param path the section's field path, {@code encoding}
     * @return the encoding and group definition
     * @throws org.fairreg.data.DataException if a field is missing, of the wrong type or breaks
     *         a rule: a blank or repeated column name, an empty, repeated or missing category
     *         list, an unknown type, two equal encoded names, or a value set against the rest
     *         with several group columns
     */
    static Section read(JsonFields fields, JsonNode node, String path) {
        JsonNode features = fields.array(node, path, "features");
        List<FeatureEncoding.Column> columns = new ArrayList<>(features.size());
        for (int c = 0; c < features.size(); c++) {
            columns.add(readColumn(fields, features.get(c), path + ".features[" + c + "]"));
        }
        FeatureEncoding encoding;
        try {
            encoding = FeatureEncoding.of(columns);
        } catch (IllegalArgumentException invalid) {
            throw fields.error(path + ".features", "is not valid: " + invalid.getMessage());
        }
        return new Section(encoding, readGroup(fields, fields.object(node, path, "group"), path + ".group"));
    }

    private static FeatureEncoding.Column readColumn(JsonFields fields, JsonNode entry, String path) {
        if (!entry.isObject()) {
            throw fields.error(path, "must be an object, found " + entry.getNodeType());
        }
        String name = fields.text(entry, path, "column");
        String type = fields.text(entry, path, "type");
        try {
            switch (type) {
                case NUMERIC:
                    return FeatureEncoding.Column.numeric(name);
                case CATEGORICAL:
                    return FeatureEncoding.Column.categorical(name, fields.texts(entry, path, "categories"));
                default:
                    throw fields.error(path + ".type", "must be '" + NUMERIC + "' or '" + CATEGORICAL + "', found '"
                            + type + "'");
            }
        } catch (IllegalArgumentException invalid) {
            throw fields.error(path, "is not valid: " + invalid.getMessage());
        }
    }

    private static GroupDefinition readGroup(JsonFields fields, JsonNode node, String path) {
        List<String> columns = fields.texts(node, path, "columns");
        JsonNode versusRest = node.get("versus_rest");
        if (versusRest == null) {
            throw fields.error(path + ".versus_rest", "is missing; expected a value or null");
        }
        if (!versusRest.isNull() && (!versusRest.isTextual() || versusRest.asText().isEmpty())) {
            throw fields.error(path + ".versus_rest", "must be null or a non-empty string, found " + versusRest);
        }
        try {
            GroupDefinition group = GroupDefinition.columns(columns);
            return versusRest.isNull() ? group : group.withVersusRest(versusRest.asText());
        } catch (IllegalArgumentException invalid) {
            throw fields.error(path, "is not valid: " + invalid.getMessage());
        }
    }
}
