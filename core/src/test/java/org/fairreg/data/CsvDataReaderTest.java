package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvDataReaderTest {

    private static final ColumnSelection Y_BY_G = ColumnSelection.of("y", "g");

    private static final String EXPECTED_NUMBER = "expected a finite decimal number";

    private static final String EXPECTED_VALUE =
            "expected a value in every used column, or --missing drop to leave out rows with a missing value";

    private static final String EXPECTED_QUOTING =
            "expected each quoted field to close with '\"' before the separator or the line end";

    @TempDir
    Path dir;

    // ---- files that read

    @Test
    void readsSelectedColumnsInAnyHeaderOrderWithTextGroupLabels() throws IOException {
        Path file = write("odd.csv", "g,x2,id,y,x1\n"
                + "red,2.5,first,10,1\n"
                + "blue,-3e2,second,-0.5,.25\n"
                + "red,0,third,7.,+4\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G.withFeatures(List.of("x1", "x2")));

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.features().names()).containsExactly("x1", "x2");
        assertThat(data.features().column(0)).containsExactly(1f, 0.25f, 4f);
        assertThat(data.features().column(1)).containsExactly(2.5f, -300f, 0f);
        assertThat(data.targetName()).isEqualTo("y");
        assertThat(data.targets()).containsExactly(10.0, -0.5, 7.0);
        assertThat(data.groupName()).isEqualTo("g");
        assertThat(data.groups().labels()).containsExactly("blue", "red");
        assertThat(data.groupCodes()).containsExactly(1, 0, 1);
    }

    @Test
    void readsEveryOtherColumnAsFeatureInHeaderOrderWhenNoneAreNamed() throws IOException {
        Path file = write("default.csv", "b,y,a,g\n1,2,3,0\n4,5,6,1\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.features().names()).containsExactly("b", "a");
        assertThat(data.features().column(0)).containsExactly(1f, 4f);
        assertThat(data.features().column(1)).containsExactly(3f, 6f);
    }

    @Test
    void readsSeedTrainingFileExactlyAsNumpyWroteIt() throws IOException {
        Path file = dir.resolve("train.csv");
        try (InputStream unzipped = new GZIPInputStream(SeedFiles.open("train.csv.gz"))) {
            Files.copy(unzipped, file);
        }
        SeedFiles.Table expected = SeedFiles.readCsv("train.csv.gz");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.features().names()).isEqualTo(expected.featureNames());
        for (int f = 0; f < expected.featureNames().size(); f++) {
            float[] rounded = new float[expected.size()];
            for (int e = 0; e < rounded.length; e++) {
                rounded[e] = (float) expected.features()[f][e];
            }
            assertThat(data.features().column(f)).as(expected.featureNames().get(f)).containsExactly(rounded);
        }
        assertThat(data.targets()).containsExactly(expected.targets());
        assertThat(data.groups().labels()).containsExactly("0", "1");
        assertThat(data.groupCodes()).containsExactly(expected.groups());
    }

    @Test
    void keepsTargetInDoublePrecisionAndRoundsFeaturesToFloat() throws IOException {
        Path file = write("precision.csv", "x,y,g\n0.1,0.1,a\n3.4028235e38,1e300,a\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.features().column(0)).containsExactly(0.1f, Float.MAX_VALUE);
        assertThat(data.targets()).containsExactly(0.1, 1e300);
    }

    @Test
    void keepsQuotedSeparatorsLineBreaksAndQuotesInGroupLabels() throws IOException {
        Path file = write("quoted.csv", "x,y,g\n"
                + "1,2,\"north, east\"\n"
                + "3,4,\"two\nlines\"\n"
                + "5,6,\"say \"\"hi\"\"\"\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.groups().labels()).containsExactly("north, east", "say \"hi\"", "two\nlines");
        assertThat(data.groupCodes()).containsExactly(0, 2, 1);
    }

    @Test
    void countsLineBreaksInsideQuotedFieldsWhenPlacingLaterErrors() throws IOException {
        Path file = write("lines.csv", "x,y,g\n1,2,\"two\nlines\"\n3,abc,b\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 4, 2,
                "'abc' in column 'y' is not a number; " + EXPECTED_NUMBER);
    }

    @Test
    void placesErrorOnTheLineWhereItsFieldStartsWithinAMultiLineRecord() throws IOException {
        Path file = write("within.csv", "g,y,x\n\"two\nlines\",abc,1\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 3, 2,
                "'abc' in column 'y' is not a number; " + EXPECTED_NUMBER);
    }

    @Test
    void countsCarriageReturnLineFeedAsOneLineBreak() throws IOException {
        Path file = write("crlf.csv", "x,y,g\r\n1,2,\"a\r\nb\"\r\n3,abc,c\r\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 4, 2,
                "'abc' in column 'y' is not a number; " + EXPECTED_NUMBER);
    }

    @Test
    void skipsByteOrderMarkBeforeHeader() throws IOException {
        Path file = write("bom.csv", "\uFEFFy,x,g\n1,2,a\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.targets()).containsExactly(1.0);
        assertThat(data.features().names()).containsExactly("x");
    }

    @Test
    void splitsFieldsAtTheSelectedSeparator() throws IOException {
        Path file = write("semicolon.csv", "x;y;g\n1;2;a,b\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G.withSeparator(';'));

        assertThat(data.features().column(0)).containsExactly(1f);
        assertThat(data.groups().labels()).containsExactly("a,b");
    }

    @Test
    void skipsEmptyLinesAndKeepsCountingThem() throws IOException {
        Path good = write("blank.csv", "x,y,g\n\n1,2,a\n\n\n3,4,b\n\n");
        Path bad = write("blank-bad.csv", "x,y,g\n\n1,2,a\n\n\n3,abc,b\n");

        assertThat(CsvDataReader.read(good, Y_BY_G).targets()).containsExactly(2.0, 4.0);
        assertCellError(() -> CsvDataReader.read(bad, Y_BY_G), bad, 6, 2,
                "'abc' in column 'y' is not a number; " + EXPECTED_NUMBER);
    }

    @Test
    void keepsSpacesInGroupLabelsVerbatim() throws IOException {
        Path file = write("spaces.csv", "x,y,g\n1,2,a\n3,4, a\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.groups().labels()).containsExactly(" a", "a");
    }

    // ---- files that cannot be read

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("missing.csv");

        DataException error = assertThrows(DataException.class, () -> CsvDataReader.read(file, Y_BY_G));

        assertThat(error.getMessage()).isEqualTo(file + ": no such file; expected a readable CSV file");
        assertThat(error.getCause()).isInstanceOf(NoSuchFileException.class);
        assertThat(error.line()).isEmpty();
    }

    @Test
    void rejectsDirectory() {
        DataException error = assertThrows(DataException.class, () -> CsvDataReader.read(dir, Y_BY_G));

        assertThat(error.getMessage())
                .startsWith(dir + ": cannot read the file (")
                .endsWith("); expected a readable CSV file");
        assertThat(error.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = write("empty.csv", "");

        assertFileError(() -> CsvDataReader.read(file, Y_BY_G), file,
                "the file is empty; expected a header line with column names");
    }

    @Test
    void rejectsEmptyFirstLine() throws IOException {
        Path file = write("late-header.csv", "\nx,y,g\n1,2,a\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G), file, 1,
                "empty line; expected the header with column names");
    }

    // ---- header

    @Test
    void rejectsEmptyColumnName() throws IOException {
        Path file = write("unnamed.csv", "x,,y,g\n1,2,3,a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 1, 2,
                "empty column name; expected a name for every column");
    }

    @Test
    void rejectsBlankColumnName() throws IOException {
        Path file = write("blank-name.csv", "x, ,y,g\n1,2,3,a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 1, 2,
                "blank column name ' '; expected a name for every column");
    }

    @Test
    void rejectsRepeatedColumnName() throws IOException {
        Path file = write("repeated.csv", "x,y,x,g\n1,2,3,a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 1, 3,
                "column name 'x' repeats column 1; expected distinct column names");
    }

    @Test
    void namesMissingTargetAndListsHeader() throws IOException {
        Path file = write("no-target.csv", "x,Y,g\n1,2,a\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G), file, 1,
                "no column named 'y' (target); expected one of the header's columns 'x', 'Y', 'g'");
    }

    @Test
    void namesMissingGroup() throws IOException {
        Path file = write("no-group.csv", "x,y,group\n1,2,a\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G), file, 1,
                "no column named 'g' (group); expected one of the header's columns 'x', 'y', 'group'");
    }

    @Test
    void namesMissingFeature() throws IOException {
        Path file = write("no-feature.csv", "x,y,g\n1,2,a\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G.withFeatures(List.of("x", "z"))), file, 1,
                "no column named 'z' (feature); expected one of the header's columns 'x', 'y', 'g'");
    }

    @Test
    void rejectsHeaderWithNoColumnLeftForFeatures() throws IOException {
        Path file = write("only-labels.csv", "y,g\n1,a\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G), file, 1,
                "no column besides 'y' (target) and 'g' (group); expected at least one feature column");
    }

    // ---- rows

    @Test
    void rejectsRowWithTooFewFields() throws IOException {
        Path file = write("short.csv", "x,y,g\n1,2,a\n3,4\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 3, 3,
                "row has 2 fields but the header has 3 columns; expected a field for column 'g'");
    }

    @Test
    void rejectsRowWithTooManyFields() throws IOException {
        Path file = write("long.csv", "x,y,g\n1,2,a,9\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 4,
                "row has 4 fields but the header has 3 columns; expected the row to end after column 'g'");
    }

    @Test
    void rejectsHeaderWithoutRows() throws IOException {
        Path bare = write("bare.csv", "x,y,g\n");
        Path blank = write("blank-rows.csv", "x,y,g\n\n\n");

        String problem = "no data rows after the header; expected at least one example";
        assertFileError(() -> CsvDataReader.read(bare, Y_BY_G), bare, problem);
        assertFileError(() -> CsvDataReader.read(blank, Y_BY_G), blank, problem);
    }

    @Test
    void rejectsUnclosedQuote() throws IOException {
        Path file = write("unclosed.csv", "x,y,g\n1,2,a\n3,4,\"b\n5,6,c\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G), file, 3,
                "malformed CSV record (Unclosed quoted field at end of input); " + EXPECTED_QUOTING);
    }

    @Test
    void rejectsTextAfterClosingQuoteOnTheLineAfterAMultiLineRecord() throws IOException {
        Path file = write("after-quote.csv", "x,y,g\n1,2,\"a\nb\"\n3,4,\"c\"d\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G), file, 4,
                "malformed CSV record (Unexpected character after closing quote: 'd' (0x64)); " + EXPECTED_QUOTING);
    }

    // ---- cells

    @Test
    void namesFileLineColumnAndValueOfCellThatIsNotANumber() throws IOException {
        StringBuilder content = new StringBuilder("x1,y,x2,g\n");
        for (int e = 0; e < 15; e++) {
            content.append(e).append(",1,2,a\n");
        }
        content.append("0,abc,2,a\n");
        Path file = write("data.csv", content.toString());

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 17, 2,
                "'abc' in column 'y' is not a number; expected a finite decimal number");
    }

    @Test
    void rejectsEmptyFeatureCellAsMissingValue() throws IOException {
        Path file = write("empty-feature.csv", "x,y,g\n,2,a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 1,
                "missing value (empty cell) in column 'x'; " + EXPECTED_VALUE);
    }

    @Test
    void rejectsEmptyTargetCellAsMissingValue() throws IOException {
        Path file = write("empty-target.csv", "x,y,g\n1,,a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 2,
                "missing value (empty cell) in column 'y'; " + EXPECTED_VALUE);
    }

    @Test
    void rejectsEmptyGroupCellAsMissingValue() throws IOException {
        Path file = write("empty-group.csv", "x,y,g\n1,2,\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 3,
                "missing value (empty cell) in column 'g'; " + EXPECTED_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "NAN", "-nan", "+NaN"})
    void rejectsNaNTargetInAnySpelling(String cell) throws IOException {
        Path file = write("nan.csv", "x,y,g\n1," + cell + ",a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 2,
                "'" + cell + "' in column 'y' is NaN; " + EXPECTED_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-inf", "+inf", "Inf", "INF", "Infinity", "-Infinity", "infinity"})
    void rejectsInfinityInAnySpelling(String cell) throws IOException {
        Path file = write("inf.csv", "x,y,g\n1," + cell + ",a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 2,
                "'" + cell + "' in column 'y' is infinite; " + EXPECTED_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p3", "1.5f", "2d", "1e3D"})
    void rejectsTargetsOnlyJavaReads(String cell) throws IOException {
        Path file = write("java.csv", "x,y,g\n1," + cell + ",a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 2,
                "'" + cell + "' in column 'y' is not in plain decimal notation; " + EXPECTED_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e", "e5", ".", "-", "1.2.3", "--1", "1e+", "1_000", "1 2", "\u0661"})
    void rejectsTargetTextThatIsNotANumber(String cell) throws IOException {
        Path file = write("text.csv", "x,y,g\n1,\"" + cell + "\",a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 2,
                "'" + cell + "' in column 'y' is not a number; " + EXPECTED_NUMBER);
    }

    @Test
    void rejectsSpacesAroundANumberAndShowsThemEscaped() throws IOException {
        Path leading = write("leading.csv", "x,y,g\n1, 1.5,a\n");
        Path trailing = write("trailing.csv", "x,y,g\n1,\t2 ,a\n");

        assertCellError(() -> CsvDataReader.read(leading, Y_BY_G), leading, 2, 2,
                "' 1.5' in column 'y' has spaces around the number; " + EXPECTED_NUMBER + " without spaces");
        assertCellError(() -> CsvDataReader.read(trailing, Y_BY_G), trailing, 2, 2,
                "'\\t2 ' in column 'y' has spaces around the number; " + EXPECTED_NUMBER + " without spaces");
    }

    @Test
    void escapesLineBreaksAndCutsLongValuesInMessages() throws IOException {
        String longCell = "a".repeat(100);
        Path broken = write("broken-cell.csv", "y,x,g\n\"q\nr\",1,a\n");
        Path verbose = write("long-cell.csv", "y,x,g\n" + longCell + ",1,a\n");

        assertCellError(() -> CsvDataReader.read(broken, Y_BY_G), broken, 2, 1,
                "'q\\nr' in column 'y' is not a number; " + EXPECTED_NUMBER);
        assertCellError(() -> CsvDataReader.read(verbose, Y_BY_G), verbose, 2, 1,
                "'" + "a".repeat(60) + "' (first 60 of 100 characters) in column 'y' is not a number; "
                        + EXPECTED_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.4028236e38", "-1e39", "1e400"})
    void rejectsFeatureBeyondFloatRange(String cell) throws IOException {
        Path file = write("huge-feature.csv", "x,y,g\n" + cell + ",1,a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 1,
                "'" + cell + "' in column 'x' is beyond float range; expected a magnitude of at most 3.4028235E38");
    }

    @Test
    void rejectsTargetBeyondDoubleRange() throws IOException {
        Path file = write("huge-target.csv", "x,y,g\n1,-1e400,a\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 2, 2,
                "'-1e400' in column 'y' is beyond double range; "
                        + "expected a magnitude of at most 1.7976931348623157E308");
    }

    @Test
    void ignoresContentOfColumnsNotSelected() throws IOException {
        Path file = write("notes.csv", "x,y,g,note\n1,2,a,\n3,4,b,NaN\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G.withFeatures(List.of("x")));

        assertThat(data.size()).isEqualTo(2);
    }

    // ---- features alone

    @Test
    void readFeaturesTakesNamedColumnsInGivenOrderAndIgnoresOthers() throws IOException {
        Path file = write("predict.csv", "id,x2,y,x1,g\nA,1,,3,\nB,4,oops,6,z\n");

        FeatureTable table = CsvDataReader.readFeatures(file, List.of("x1", "x2"), ',');

        assertThat(table.names()).containsExactly("x1", "x2");
        assertThat(table.column(0)).containsExactly(3f, 6f);
        assertThat(table.column(1)).containsExactly(1f, 4f);
    }

    @Test
    void readFeaturesNamesMissingColumn() throws IOException {
        Path file = write("predict-missing.csv", "x1,x2\n1,2\n");

        assertLineError(() -> CsvDataReader.readFeatures(file, List.of("x1", "x3"), ','), file, 1,
                "no column 'x3' of the model's 2 feature columns 'x1', 'x3'; the header's columns the model was not "
                        + "trained on: 'x2'; expected every feature column of the model, by name");
    }

    @Test
    void readFeaturesStillRejectsRaggedRows() throws IOException {
        Path file = write("predict-ragged.csv", "x1\tx2\tid\n1\t2\n");

        assertCellError(() -> CsvDataReader.readFeatures(file, List.of("x1"), '\t'), file, 2, 3,
                "row has 2 fields but the header has 3 columns; expected a field for column 'id'");
    }

    @Test
    void readFeaturesRejectsEmptyLineOfAOneColumnFileAsMissingValue() throws IOException {
        Path file = write("one-column.csv", "x\n1\n\n2\n");

        assertCellError(() -> CsvDataReader.readFeatures(file, List.of("x"), ','), file, 3, 1,
                "missing value (empty cell) in column 'x'; "
                        + "expected a value in every feature column, since every row gets a prediction");
    }

    @Test
    void readFeaturesChecksItsArguments() throws IOException {
        Path file = write("args.csv", "x\n1\n");

        assertThat(assertThrows(IllegalArgumentException.class,
                () -> CsvDataReader.readFeatures(file, List.of(), ','))).hasMessage(
                "featureNames must hold at least one name, found none");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> CsvDataReader.readFeatures(file, List.of("x", "x"), ','))).hasMessage(
                "featureNames must not repeat a name, found 'x' at indices 0 and 1");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> CsvDataReader.readFeatures(file, List.of("x", " "), ','))).hasMessage(
                "featureNames[1] must be a non-blank column name, found ' '");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> CsvDataReader.readFeatures(file, List.of("x"), '"'))).hasMessage(
                "separator must not be a double quote, carriage return or line feed, found '\"'");
    }

    // ---- one number

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "12", "+12", "12.", "12.5", ".5", "-.5", "1e3", "1E+3", "2.5e-3",
        "007", "123456789012345678901234567890"})
    void parseDecimalReadsPlainDecimalNotation(String text) {
        assertThat(DecimalCells.parseDecimal(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "0x10", "1f", "1d", "NaN", "Infinity", "inf", "1e", "e1", ".",
        "+", "-", ".e1", "1.2.3", "1e1.5", "++1", "1_000", "\uFF11"})
    void parseDecimalReturnsNaNForAnythingElse(String text) {
        assertThat(DecimalCells.parseDecimal(text)).isNaN();
    }

    @Test
    void parseDecimalReturnsInfinityBeyondDoubleRange() {
        assertThat(DecimalCells.parseDecimal("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DecimalCells.parseDecimal("-1e400")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    // ---- helpers

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertCellError(Executable read, Path file, long line, int column, String problem) {
        DataException error = assertThrows(DataException.class, read);
        assertThat(error.getMessage()).isEqualTo(file + ":" + line + ":" + column + ": " + problem);
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).hasValue(line);
        assertThat(error.column()).hasValue(column);
    }

    private static void assertLineError(Executable read, Path file, long line, String problem) {
        DataException error = assertThrows(DataException.class, read);
        assertThat(error.getMessage()).isEqualTo(file + ":" + line + ": " + problem);
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).hasValue(line);
        assertThat(error.column()).isEmpty();
    }

    private static void assertFileError(Executable read, Path file, String problem) {
        DataException error = assertThrows(DataException.class, read);
        assertThat(error.getMessage()).isEqualTo(file + ": " + problem);
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).isEmpty();
        assertThat(error.column()).isEmpty();
    }
}
