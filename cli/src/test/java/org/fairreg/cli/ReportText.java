package org.fairreg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads what the commands print and write, for assertions. */
final class ReportText {

    /** The column heads of the per-group table, in order. */
    static final List<String> TABLE_HEADS = List.of("group", "n", "mse", "rmse", "mae", "bias", "r2");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportText() {
    }

    /**
     * The rows of the per-group table in printed output: from the line after the column heads
     * to the {@code gap} row, each split at white space.
     *
     * @param out the command's standard output
     * @return the rows; empty if there is no table
     */
    static List<String[]> tableRows(String out) {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : out.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (!inTable) {
                inTable = List.of(fields).equals(TABLE_HEADS);
                continue;
            }
            rows.add(fields);
            if (fields[0].equals("gap")) {
                break;
            }
        }
        return rows;
    }

    /**
     * @param out the command's standard output
     * @return the first cell of every table row: the group labels, then overall and gap
     */
    static List<String> rowLabels(String out) {
        return tableRows(out).stream().map(fields -> fields[0]).toList();
    }

    /**
     * @param file a JSON file
     * @return its content
     * @throws IOException if it cannot be read or parsed
     */
    static JsonNode json(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}
