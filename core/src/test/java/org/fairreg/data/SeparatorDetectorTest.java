package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fairreg.data.CsvFixtures.assertLineError;
import static org.fairreg.data.CsvFixtures.write;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The separator of a file read without one, found from its header line. */
class SeparatorDetectorTest {

    private static final ColumnSelection Y_BY_G = ColumnSelection.of("y", "g");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void detectsTheOneCandidateTheHeaderHolds(char separator) throws IOException {
        String s = String.valueOf(separator);
        Path file = write(dir, "data.csv", String.join(s, "x", "y", "g") + "\n" + String.join(s, "1.5", "2", "a")
                + "\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, Y_BY_G);

        assertThat(read.separator()).isEqualTo(separator);
        assertThat(read.data().features().column(0)).containsExactly(1.5f);
        assertThat(read.data().groups().labels()).containsExactly("a");
    }

    @Test
    void ignoresCandidatesInsideQuotedHeaderNamesAndAfterTheHeader() throws IOException {
        Path file = write(dir, "quoted.csv", "\"price, EUR\";y;g\n\"1,5\";2;a,b\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, Y_BY_G);

        assertThat(read.separator()).isEqualTo(';');
        assertThat(read.data().features().names()).containsExactly("price, EUR=1,5");
        assertThat(read.data().groups().labels()).containsExactly("a,b");
    }

    @Test
    void skipsTheByteOrderMark() throws IOException {
        Path file = write(dir, "bom.csv", "\uFEFFx;y;g\n1;2;a\n");

        assertThat(CsvDataReader.readLabelled(file, Y_BY_G).separator()).isEqualTo(';');
    }

    @Test
    void oneColumnHeaderUsesTheDefaultSeparator() throws IOException {
        Path file = write(dir, "one.csv", "x\n1\n");

        assertThat(SeparatorDetector.detect(file)).isEqualTo(ColumnSelection.DEFAULT_SEPARATOR);
    }

    @Test
    void headerWithSeveralCandidatesIsAmbiguous() throws IOException {
        Path file = write(dir, "both.csv", "a,b;c,d\n1,2;3,4\n");

        assertLineError(() -> CsvDataReader.read(file, Y_BY_G), file, 1,
                "the header holds several possible separators: ',' (2 times), ';' (1 time); expected only one of "
                        + "',', ';', tab and '|', or the separator given (--separator)");
    }

    @Test
    void givenSeparatorIsUsedWithoutDetection() throws IOException {
        Path file = write(dir, "given.csv", "x;y;g,h\n1;2;a,b\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, ColumnSelection.of("y", "g,h").withSeparator(';'));

        assertThat(read.separator()).isEqualTo(';');
        assertThat(read.data().groups().labels()).containsExactly("a,b");
    }
}
