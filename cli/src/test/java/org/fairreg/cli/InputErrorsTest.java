package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of docs/errors.md, run through {@code fairreg train}: the exact line printed,
 * the exit code, no report and no output file. The data is 40 good rows with the bad part put in;
 * a row appended after them is on line 42.
 */
@ExtendWith(StrayOutputGuard.class)
class InputErrorsTest {

    private static final String HEADER = "x0,x1,y,g\n";
    private static final String ROWS = goodRows();
    private static final String[] RUN = Fairreg.concat(Fairreg.SHORT_RUN, "--batch-size", "8", "--min-group-rows", "0");

    private static String goodRows() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            rows.append(i % 7).append(".5,").append(i % 5).append(',').append(i % 11).append(".25,").append(i % 2)
                    .append('\n');
        }
        return rows.toString();
    }

    private static String constantColumn(int column, String value) {
        StringBuilder rows = new StringBuilder();
        for (String row : ROWS.split("\n")) {
            String[] cells = row.split(",");
            cells[column] = value;
            rows.append(String.join(",", cells)).append('\n');
        }
        return rows.toString();
    }

    /** Bad data: exit code 1 and one line, {@code fairreg train: error: FILE...}; %s is the file. */
    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("empty file", "", List.of(),
                        "%s: the file is empty; expected a header line with column names"),
                Arguments.of("header and no rows", HEADER, List.of(),
                        "%s: no data rows after the header; expected at least one example"),
                Arguments.of("empty column name", "x0,,y,g\n" + ROWS, List.of(),
                        "%s:1:2: empty column name; expected a name for every column"),
                Arguments.of("repeated column name", "x0,x0,y,g\n" + ROWS, List.of(),
                        "%s:1:2: column name 'x0' repeats column 1; expected distinct column names"),
                Arguments.of("target column missing", HEADER + ROWS, List.of("--target", "price"),
                        "%s:1: no column named 'price' (target); expected one of the header's columns 'x0', 'x1', "
                                + "'y', 'g'"),
                Arguments.of("row with too few fields", HEADER + ROWS + "1,2,3\n", List.of(),
                        "%s:42:4: row has 3 fields but the header has 4 columns; expected a field for column 'g'"),
                Arguments.of("row with too many fields", HEADER + ROWS + "1,2,3,0,9\n", List.of(),
                        "%s:42:5: row has 5 fields but the header has 4 columns; expected the row to end after "
                                + "column 'g'"),
                Arguments.of("quote not closed", HEADER + ROWS + "1,2,3,\"0\n4,5,6,1\n", List.of(),
                        "%s:42: malformed CSV record (Unclosed quoted field at end of input); expected "
                                + "each quoted field to close with '\"' before the separator or the line end"),
                Arguments.of("text in a numeric feature", HEADER + ROWS + "1,abc,3,0\n", List.of(),
                        "%s:42:2: 'abc' in column 'x1' is not a number; expected a finite decimal number, as the "
                                + "cells above it are; name the column in --categorical to read its cells as "
                                + "categories"),
                Arguments.of("text in the target", HEADER + ROWS + "1,2,abc,0\n", List.of(),
                        "%s:42:3: 'abc' in column 'y' is not a number; expected a finite decimal number"),
                Arguments.of("NaN in a feature", HEADER + ROWS + "NaN,2,3,0\n", List.of(),
                        "%s:42:1: 'NaN' in column 'x0' is NaN; expected a finite decimal number, as the cells above "
                                + "it are; name the column in --categorical to read its cells as categories"),
                Arguments.of("infinity in a feature", HEADER + ROWS + "1,Infinity,3,0\n", List.of(),
                        "%s:42:2: 'Infinity' in column 'x1' is infinite; expected a finite decimal number, as the "
                                + "cells above it are; name the column in --categorical to read its cells as "
                                + "categories"),
                Arguments.of("infinity in the target", HEADER + ROWS + "1,2,-inf,0\n", List.of(),
                        "%s:42:3: '-inf' in column 'y' is infinite; expected a finite decimal number"),
                Arguments.of("feature beyond float range", HEADER + ROWS + "1e39,2,3,0\n", List.of(),
                        "%s:42:1: '1e39' in column 'x0' is beyond float range; expected a magnitude of at most "
                                + "3.4028235E38"),
                Arguments.of("target beyond double range", HEADER + ROWS + "1,2,1e309,0\n", List.of(),
                        "%s:42:3: '1e309' in column 'y' is beyond double range; expected a magnitude of at most "
                                + "1.7976931348623157E308"),
                Arguments.of("empty cell", HEADER + ROWS + "1,,3,0\n", List.of(),
                        "%s:42:2: missing value (empty cell) in column 'x1'; expected a value in every used column, "
                                + "or --missing drop to leave out rows with a missing value"),
                Arguments.of("every row dropped", HEADER + "1,,3,0\n2,NA,4,1\n", List.of("--missing", "drop"),
                        "%s: every one of the 2 data rows has a missing value in a used column; expected at least "
                                + "one complete row"),
                Arguments.of("constant target", HEADER + constantColumn(2, "5"), List.of(),
                        "%s: target column 'y' has the value 5 in all 40 rows; expected a target that varies, since "
                                + "a constant leaves nothing to learn"),
                Arguments.of("one group", HEADER + constantColumn(3, "0"), List.of(),
                        "%s: every one of the 40 rows is in group '0' of group column 'g'; expected at least 2 "
                                + "groups for --objective penalized, or --objective mse to train without groups"),
                Arguments.of("three groups for the gap objective", HEADER + ROWS + "1,2,3,9\n4,5,6,9\n",
                        List.of("--objective", "gap"),
                        "%s: group column 'g' holds 3 groups ('0', '1', '9'); expected exactly 2 groups for "
                                + "--objective gap, or --group-vs-rest VALUE to make two"),
                Arguments.of("group with a single row", HEADER + ROWS + "1,2,3,9\n", List.of(),
                        "%s:42: group '9' of group column 'g' has a single row; expected at least 2 rows in every "
                                + "group for --objective penalized, which compares the groups' errors"),
                Arguments.of("error after quoted line breaks", "x0,note,y,g\n1,\"two\nlines\",2,0\n"
                        + "2,\"a, b\",3,1\n3,x,abc,0\n", List.of(),
                        "%s:5:3: 'abc' in column 'y' is not a number; expected a finite decimal number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badData")
    void badDataFailsWithOneExactLineAndWritesNothing(String problem, String content, List<String> options,
            String expected, @TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), content, StandardCharsets.UTF_8);

        Fairreg.Run run = train(data, folder, options);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).as(run.toString())
                .containsExactly("fairreg train: error: " + String.format(expected, data));
        assertNothingWritten(run, data, folder);
    }

    /** Options that the data or each other make wrong: exit code 2, the line, then where help is. */
    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("batch larger than the training rows", List.of("--batch-size", "17"),
                        "Invalid value for option '--batch-size': 17 is larger than the 16 training rows (of 40 "
                                + "rows, after the test and validation parts); expected at most 16"),
                Arguments.of("--epsilon without constrained", List.of("--epsilon", "0.5"),
                        "Option '--epsilon' applies only to --objective constrained, found --objective penalized "
                                + "(the default); expected --objective constrained, or no --epsilon"),
                Arguments.of("--multiplier-rate without constrained", List.of("--multiplier-rate", "0.5"),
                        "Option '--multiplier-rate' applies only to --objective constrained, found --objective "
                                + "penalized (the default); expected --objective constrained, or no --multiplier-rate"),
                Arguments.of("--lambda with mse", List.of("--objective", "mse", "--lambda", "2"),
                        "Option '--lambda' applies only to --objective penalized, found --objective mse; expected "
                                + "--objective penalized, or no --lambda"),
                Arguments.of("--gap-measure with constrained", List.of("--objective", "constrained",
                        "--gap-measure", "variance"),
                        "Option '--gap-measure' applies only to --objective penalized, found --objective "
                                + "constrained; expected --objective penalized, or no --gap-measure"),
                Arguments.of("--gap-form without gap", List.of("--gap-form", "absolute"),
                        "Option '--gap-form' applies only to --objective gap, found --objective penalized (the "
                                + "default); expected --objective gap, or no --gap-form"),
                Arguments.of("--momentum with adam", List.of("--momentum", "0.5"),
                        "Option '--momentum' applies only to --optimizer sgd, found --optimizer adam (the default); "
                                + "expected --optimizer sgd, or no --momentum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void badOptionsAreAUsageErrorNamingThem(String problem, List<String> options, String expected,
            @TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), HEADER + ROWS, StandardCharsets.UTF_8);

        Fairreg.Run run = train(data, folder, options);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).as(run.toString())
                .containsExactly("fairreg train: " + expected, "Try 'fairreg train --help'.");
        assertNothingWritten(run, data, folder);
    }

    @Test
    void headerWithSeveralSeparatorsIsRefusedWhenNoneIsGiven(@TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), "x0;x1,y,g\n" + ROWS, StandardCharsets.UTF_8);

        Fairreg.Run run = Fairreg.run(Fairreg.concat(new String[] {"train", "--data", data.toString()}, RUN));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).as(run.toString()).containsExactly("fairreg train: error: " + data + ":1: the "
                + "header holds several possible separators: ',' (2 times), ';' (1 time); expected only one of ',', "
                + "';', tab and '|', or the separator given (--separator)");
        assertNothingWritten(run, data, folder);
    }

    @Test
    void optionsOfTheChosenObjectiveAndOptimizerAreAccepted(@TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), HEADER + ROWS, StandardCharsets.UTF_8);

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(RUN, "--quiet", "--objective",
                "constrained", "--epsilon", "0.5", "--multiplier-rate", "0.2", "--optimizer", "sgd", "--momentum",
                "0.5")));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void constantFeatureWarnsNamingItAndTrains(@TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), HEADER + constantColumn(1, "7"),
                StandardCharsets.UTF_8);

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(RUN, "--quiet")));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.errLines()).as(run.toString()).containsExactly(
                "warning: feature 'x1' has the value 7 in all 40 rows of " + data + ", so it cannot help the model");
        assertThat(run.out()).contains("test report");
    }

    @Test
    void singleRowGroupOnlyWarnsForTheMseObjective(@TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), HEADER + ROWS + "1,2,3,9\n",
                StandardCharsets.UTF_8);

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(RUN, "--quiet", "--objective", "mse")));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.errLines()).as(run.toString()).containsExactly("warning: group '9' of group column 'g' has "
                + "a single row, on line 42 of " + data + "; its error is measured on one row at most");
    }

    @Test
    void quotedSeparatorsLineBreaksAndAByteOrderMarkParse(@TempDir Path folder) throws IOException {
        StringBuilder content = new StringBuilder("\uFEFFx0,note,y,g\n");
        for (int i = 1; i <= 40; i++) {
            String note = i % 3 == 0 ? "\"two\nlines\"" : i % 3 == 1 ? "\"a, \"\"b\"\"\"" : "plain";
            content.append(i % 7).append(',').append(note).append(',').append(i % 11).append(',').append(i % 2)
                    .append('\n');
        }
        Path data = Files.writeString(folder.resolve("data.csv"), content, StandardCharsets.UTF_8);
        Path model = folder.resolve("m.json");

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(RUN, "--quiet", "--model-out",
                model.toString())));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        // The first column is x0, not a name starting with the byte order mark, and the quoted
        // notes are three categories.
        assertThat(Files.readString(model)).contains("\"x0\"", "\"note=a, \\\"b\\\"\"", "\"note=plain\"",
                "\"note=two\\nlines\"");
    }

    @Test
    void droppedRowsAreCountedInTheReport(@TempDir Path folder) throws IOException {
        Path data = Files.writeString(folder.resolve("data.csv"), HEADER + ROWS + "1,NA,3,0\n",
                StandardCharsets.UTF_8);

        Fairreg.Run run = Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(RUN, "--quiet", "--missing", "drop")));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("test report: " + data + " (1 of 41 rows dropped for a missing value)");
    }

    /** Trains with {@link #RUN} and the options; an option given here replaces RUN's, each option being allowed once. */
    private static Fairreg.Run train(Path data, Path folder, List<String> options) {
        List<String> run = new ArrayList<>(List.of(RUN));
        int replaced = run.indexOf("--batch-size");
        if (options.contains("--batch-size")) {
            run.subList(replaced, replaced + 2).clear();
        }
        return Fairreg.run(Fairreg.trainOn(data, Fairreg.concat(Fairreg.concat(run.toArray(String[]::new),
                options.toArray(String[]::new)),
                "--model-out", folder.resolve("m.json").toString(), "--report-json",
                folder.resolve("r.json").toString(), "--history", folder.resolve("h.csv").toString())));
    }

    private static void assertNothingWritten(Fairreg.Run run, Path data, Path folder) throws IOException {
        assertThat(run.out()).as(run.toString()).isEmpty();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).as("files left in the output folder").allMatch(data::equals);
        }
    }
}
