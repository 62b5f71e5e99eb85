package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fairreg.data.CsvFixtures.assertCellError;
import static org.fairreg.data.CsvFixtures.assertFileError;
import static org.fairreg.data.CsvFixtures.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups made from CSV columns: intersectional groups, one value against the rest, and their order. */
class CsvGroupsTest {

    @TempDir
    Path dir;

    @Test
    void severalGroupColumnsMakeIntersectionalLabelsInTextOrder() throws IOException {
        Path file = write(dir, "people.csv",
                "x,y,race,sex\n1,1,white,female\n2,2,black,male\n3,3,white,male\n4,4,black,male\n");
        ColumnSelection selection = ColumnSelection.of("y", "race")
                .withGroup(GroupDefinition.columns(List.of("race", "sex")));

        Dataset data = CsvDataReader.read(file, selection);

        assertThat(data.groups().labels()).containsExactly("black|male", "white|female", "white|male");
        assertThat(data.groupCodes()).containsExactly(1, 0, 2, 0);
        assertThat(data.groupName()).isEqualTo("race|sex");
        assertThat(data.features().names()).containsExactly("x");
    }

    @Test
    void intersectionalLabelsJoinInTheOrderTheColumnsAreGiven() throws IOException {
        Path file = write(dir, "people.csv", "x,y,race,sex\n1,1,white,female\n2,2,black,male\n");
        ColumnSelection selection = ColumnSelection.of("y", "sex")
                .withGroup(GroupDefinition.columns(List.of("sex", "race")));

        Dataset data = CsvDataReader.read(file, selection);

        assertThat(data.groups().labels()).containsExactly("female|white", "male|black");
    }

    @Test
    void groupCellHoldingTheJoinIsRejectedWhenColumnsAreJoined() throws IOException {
        Path file = write(dir, "pipe.csv", "x,y,a,b\n1,1,p|q,r\n");
        ColumnSelection selection = ColumnSelection.of("y", "a").withGroup(GroupDefinition.columns(List.of("a", "b")));

        assertCellError(() -> CsvDataReader.read(file, selection), file, 2, 3,
                "'p|q' in group column 'a' holds '|', which joins the cells of several group columns; "
                        + "expected values without it");
    }

    @Test
    void versusRestMakesTheValueAndNotTheValueInTextOrder() throws IOException {
        Path file = write(dir, "race.csv", "x,y,race\n1,1,7\n2,2,3\n3,3,7\n4,4,8\n");
        ColumnSelection selection = ColumnSelection.of("y", "race")
                .withGroup(GroupDefinition.column("race").withVersusRest("7"));

        Dataset data = CsvDataReader.read(file, selection);

        assertThat(data.groups().labels()).containsExactly("7", "not 7");
        assertThat(data.groupCodes()).containsExactly(0, 1, 0, 1);
        assertThat(data.groupCounts()).containsExactly(2, 2);
    }

    @Test
    void versusRestWithTextValueOrdersTheRestFirst() throws IOException {
        Path file = write(dir, "race.csv", "x,y,race\n1,1,white\n2,2,black\n");
        ColumnSelection selection = ColumnSelection.of("y", "race")
                .withGroup(GroupDefinition.column("race").withVersusRest("white"));

        assertThat(CsvDataReader.read(file, selection).groups().labels()).containsExactly("not white", "white");
    }

    @Test
    void versusRestValueThatNoRowHoldsIsAnError() throws IOException {
        Path file = write(dir, "race.csv", "x,y,race\n1,1,3\n2,2,8\n");
        ColumnSelection selection = ColumnSelection.of("y", "race")
                .withGroup(GroupDefinition.column("race").withVersusRest("7"));

        assertFileError(() -> CsvDataReader.read(file, selection), file,
                "no row kept holds '7' in group column 'race'; expected the value set against the rest to occur");
    }

    @Test
    void groupOrderDoesNotDependOnRowOrder() throws IOException {
        Path first = write(dir, "first.csv", "x,y,a,b\n1,1,2,u\n2,2,10,u\n3,3,2,v\n");
        Path second = write(dir, "second.csv", "x,y,a,b\n3,3,2,v\n2,2,10,u\n1,1,2,u\n");
        ColumnSelection selection = ColumnSelection.of("y", "a").withGroup(GroupDefinition.columns(List.of("a", "b")));

        assertThat(CsvDataReader.read(first, selection).groups().labels())
                .containsExactly("10|u", "2|u", "2|v")
                .isEqualTo(CsvDataReader.read(second, selection).groups().labels());
    }
}
