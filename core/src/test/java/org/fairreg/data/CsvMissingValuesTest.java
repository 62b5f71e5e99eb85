package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fairreg.data.CsvFixtures.assertCellError;
import static org.fairreg.data.CsvFixtures.assertFileError;
import static org.fairreg.data.CsvFixtures.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Missing values in CSV files: which cells are missing, the error by default, and dropping rows. */
class CsvMissingValuesTest {

    private static final ColumnSelection Y_BY_G = ColumnSelection.of("y", "g");
    private static final ColumnSelection DROPPING = Y_BY_G.withMissing(MissingPolicy.DROP);

    private static final String EXPECTED_VALUE =
            "expected a value in every used column, or --missing drop to leave out rows with a missing value";

    @TempDir
    Path dir;

    @Test
    void missingValueIsAnErrorByDefaultNamingLineColumnAndTheDropOption() throws IOException {
        Path file = write(dir, "na.csv", "x,y,g\n1,2,a\n3,NA,b\n");

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 3, 2,
                "missing value 'NA' in column 'y'; " + EXPECTED_VALUE);
    }

    @Test
    void onlyEmptyAndExactlyNaAreMissing() {
        assertThat(MissingPolicy.isMissing("")).isTrue();
        assertThat(MissingPolicy.isMissing("NA")).isTrue();
        for (String notMissing : List.of("na", "Na", " NA", "NA ", "N/A", "NaN", "null", "NULL", " ", "-")) {
            assertThat(MissingPolicy.isMissing(notMissing)).as("'%s'", notMissing).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"na", "N/A", "NaN", "null", " "})
    void otherSpellingsInTheTargetAreNotNumbersRatherThanMissing(String cell) throws IOException {
        Path file = write(dir, "spelling.csv", "x,y,g\n1,\"" + cell + "\",a\n");

        DataException error = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                () -> CsvDataReader.read(file, DROPPING));

        assertThat(error.getMessage()).startsWith(file + ":2:2: '" + cell + "' in column 'y'")
                .doesNotContain("missing");
    }

    @Test
    void dropLeavesOutRowsWithAMissingValueInAnyUsedColumnAndCountsThem() throws IOException {
        Path file = write(dir, "holes.csv", "x,note,y,g\n1,,10,a\nNA,n,20,a\n3,n,,b\n4,n,40,\n5,,50,b\n6,NA,60,b\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, DROPPING.withFeatures(List.of("x")));

        assertThat(read.rowsRead()).isEqualTo(6);
        assertThat(read.rowsDropped()).isEqualTo(3);
        assertThat(read.data().targets()).containsExactly(10.0, 50.0, 60.0);
        assertThat(read.missingCells()).containsExactly(Map.entry("y", 1), Map.entry("g", 1), Map.entry("x", 1));
    }

    @Test
    void droppedRowLeavesNoCategoryOrGroupBehind() throws IOException {
        Path file = write(dir, "trace.csv", "sex,x,y,g\nmale,1,1,a\nother,NA,2,c\nfemale,3,3,b\n");

        Dataset data = CsvDataReader.read(file, DROPPING);

        assertThat(data.features().names()).containsExactly("sex=female", "sex=male", "x");
        assertThat(data.groups().labels()).containsExactly("a", "b");
    }

    @Test
    void missingCellsOfColumnsNotUsedDoNotMatter() throws IOException {
        Path file = write(dir, "unused.csv", "x,note,y,g\n1,,10,a\n2,NA,20,b\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, Y_BY_G.withFeatures(List.of("x")));

        assertThat(read.rowsDropped()).isZero();
        assertThat(read.data().size()).isEqualTo(2);
        assertThat(read.missingCells()).isEmpty();
    }

    @Test
    void missingCellOfAnIntersectionalGroupColumnFollowsThePolicy() throws IOException {
        Path file = write(dir, "groups.csv", "x,y,race,sex\n1,1,a,f\n2,2,b,\n3,3,a,m\n");
        ColumnSelection selection = Y_BY_G.withGroup(GroupDefinition.columns(List.of("race", "sex")));

        assertCellError(() -> CsvDataReader.read(file, selection), file, 3, 4,
                "missing value (empty cell) in column 'sex'; " + EXPECTED_VALUE);
        CsvReadResult read = CsvDataReader.readLabelled(file, selection.withMissing(MissingPolicy.DROP));
        assertThat(read.rowsDropped()).isEqualTo(1);
        assertThat(read.data().groups().labels()).containsExactly("a|f", "a|m");
    }

    @Test
    void everyRowDroppedIsAnError() throws IOException {
        Path file = write(dir, "none.csv", "x,y,g\nNA,1,a\n2,,b\n");

        assertFileError(() -> CsvDataReader.read(file, DROPPING), file,
                "every one of the 2 data rows has a missing value in a used column; expected at least one "
                        + "complete row");
    }

    @Test
    void readWithoutDroppingReportsNoDroppedRows() throws IOException {
        Path file = write(dir, "full.csv", "x,y,g\n1,1,a\n2,2,b\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, Y_BY_G);

        assertThat(read.rowsRead()).isEqualTo(2);
        assertThat(read.rowsDropped()).isZero();
        assertThat(read.missingCells()).isEmpty();
        assertThat(read.separator()).isEqualTo(',');
    }
}
