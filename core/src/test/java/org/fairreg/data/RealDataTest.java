package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two public datasets under {@code src/test/resources/real/} (see the notes there), read end
 * to end as the documentation shows them. The counts were checked against an independent count
 * with Python's csv module.
 */
class RealDataTest {

    @Test
    void insuranceReadsEveryRowWithSexAndRegionOneHot() throws URISyntaxException {
        ColumnSelection selection = ColumnSelection.of("charges", "smoker");

        CsvReadResult read = CsvDataReader.readLabelled(resource("insurance.csv"), selection);
        Dataset data = read.data();

        assertThat(read.rowsRead()).isEqualTo(1338);
        assertThat(read.rowsDropped()).isZero();
        assertThat(data.features().names()).containsExactly("age", "sex=female", "sex=male", "bmi", "children",
                "region=northeast", "region=northwest", "region=southeast", "region=southwest");
        assertThat(data.groups().labels()).containsExactly("no", "yes");
        assertThat(data.groupCounts()).containsExactly(1064, 274);
        // First row: 19,female,27.9,0,yes,southwest,16884.924
        float[] first = new float[data.features().featureCount()];
        data.features().copyRow(0, first, 0);
        assertThat(first).containsExactly(19f, 1f, 0f, 27.9f, 0f, 0f, 0f, 0f, 1f);
        assertThat(data.targets()[0]).isEqualTo(16884.924);
    }

    @Test
    void lawSchoolWhiteVersusRestDropsRowsMissingAUsedValue() throws URISyntaxException {
        ColumnSelection selection = ColumnSelection.of("zfygpa", "race")
                .withGroup(GroupDefinition.column("race").withVersusRest("7"))
                .withFeatures(List.of("lsat", "ugpa", "fulltime", "fam_inc", "cluster"))
                .withCategorical(List.of("cluster"))
                .withMissing(MissingPolicy.DROP);

        CsvReadResult read = CsvDataReader.readLabelled(resource("lawschool.csv"), selection);
        Dataset data = read.data();

        assertThat(read.rowsRead()).isEqualTo(27_478);
        assertThat(read.rowsDropped()).isEqualTo(2_990);
        assertThat(data.size()).isEqualTo(24_488);
        assertThat(read.missingCells()).containsExactly(Map.entry("zfygpa", 2154), Map.entry("race", 20),
                Map.entry("lsat", 160), Map.entry("ugpa", 239), Map.entry("fulltime", 45), Map.entry("fam_inc", 363),
                Map.entry("cluster", 158));
        assertThat(data.groups().labels()).containsExactly("7", "not 7");
        assertThat(data.groupCounts()).containsExactly(20_233, 4_255);
        assertThat(data.features().names()).containsExactly("lsat", "ugpa", "fulltime", "fam_inc",
                "cluster=1", "cluster=2", "cluster=3", "cluster=4", "cluster=5", "cluster=6");
        // First row, kept: 7,2,30,3.1,-1.79,NA,,1,4,NA,female (zgpa, bar1 and age are not used).
        float[] first = new float[data.features().featureCount()];
        data.features().copyRow(0, first, 0);
        assertThat(first).containsExactly(30f, 3.1f, 1f, 4f, 0f, 1f, 0f, 0f, 0f, 0f);
        assertThat(data.targets()[0]).isEqualTo(-1.79);
    }

    @Test
    void lawSchoolWithoutDroppingStopsAtTheFirstMissingValue() throws URISyntaxException {
        Path file = resource("lawschool.csv");
        ColumnSelection selection = ColumnSelection.of("zfygpa", "race")
                .withFeatures(List.of("lsat", "ugpa", "fulltime", "fam_inc", "cluster"));

        CsvFixtures.assertCellError(() -> CsvDataReader.read(file, selection), file, 11, 5,
                "missing value 'NA' in column 'zfygpa'; expected a value in every used column, or --missing drop "
                        + "to leave out rows with a missing value");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RealDataTest.class.getResource("/real/" + name).toURI());
    }
}
