package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constant targets and features found in read data, and the line of each group's first row. */
class ConstantColumnsTest {

    @TempDir
    Path dir;

    @Test
    void findsConstantTargetAndConstantFeaturesIncludingASingleCategory() throws IOException {
        Path file = CsvFixtures.write(dir, "constant.csv", "x,k,c,y,g\n1,7,red,5,a\n2,7,red,5,b\n3,7,red,5,a\n");

        Dataset data = CsvDataReader.read(file, ColumnSelection.of("y", "g"));

        assertThat(ConstantColumns.constantTarget(data)).hasValue(5.0);
        assertThat(ConstantColumns.constantFeatures(data)).containsExactly(
                new ConstantColumns.Constant("k", 7f), new ConstantColumns.Constant("c=red", 1f));
    }

    @Test
    void varyingTargetAndFeaturesAreNotConstant() throws IOException {
        Path file = CsvFixtures.write(dir, "varying.csv", "x,c,y,g\n1,red,5,a\n2,blue,6,b\n");

        Dataset data = CsvDataReader.read(file, ColumnSelection.of("y", "g"));

        assertThat(ConstantColumns.constantTarget(data)).isEmpty();
        assertThat(ConstantColumns.constantFeatures(data)).isEmpty();
    }

    @Test
    void firstLineOfAGroupIsWhereItsFirstKeptRowStartsCountingQuotedLineBreaksAndDroppedRows()
            throws IOException {
        Path file = CsvFixtures.write(dir, "lines.csv",
                "x,y,g\n1,2,\"a\nb\"\n3,,c\n\n5,6,c\n7,8,\"a\nb\"\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, ColumnSelection.of("y", "g")
                .withMissing(MissingPolicy.DROP));

        assertThat(read.data().groups().labels()).isEqualTo(List.of("a\nb", "c"));
        // Line 4 holds the dropped row of c and line 5 is empty, so c's first kept row is on line 6.
        assertThat(read.groupFirstLines()).containsExactly(2, 6);
    }
}
