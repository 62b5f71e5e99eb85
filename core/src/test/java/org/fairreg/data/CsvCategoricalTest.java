package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fairreg.data.CsvFixtures.assertCellError;
import static org.fairreg.data.CsvFixtures.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Categorical features read from CSV: detection, one-hot encoding, fixed encodings and their errors. */
class CsvCategoricalTest {

    private static final ColumnSelection Y_BY_G = ColumnSelection.of("y", "g");

    @TempDir
    Path dir;

    @Test
    void textColumnBecomesOneIndicatorPerCategoryInTextOrder() throws IOException {
        Path file = write(dir, "sex.csv", "age,sex,y,g\n30,male,1,a\n40,female,2,a\n50,male,3,b\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, Y_BY_G);
        Dataset data = read.data();

        assertThat(data.features().names()).containsExactly("age", "sex=female", "sex=male");
        assertThat(data.features().column(0)).containsExactly(30f, 40f, 50f);
        assertThat(data.features().column(1)).containsExactly(0f, 1f, 0f);
        assertThat(data.features().column(2)).containsExactly(1f, 0f, 1f);
        assertThat(data.encoding().columns()).containsExactly(FeatureEncoding.Column.numeric("age"),
                FeatureEncoding.Column.categorical("sex", List.of("female", "male")));
    }

    @Test
    void categoricalOptionEncodesNumericCodesInNumericOrder() throws IOException {
        // Text order would be 1, 10, 2.
        Path file = write(dir, "tier.csv", "tier,x,y,g\n10,1,1,a\n2,2,2,a\n1,3,3,b\n2,4,4,b\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G.withCategorical(List.of("tier")));

        assertThat(data.features().names()).containsExactly("tier=1", "tier=2", "tier=10", "x");
        assertThat(data.features().column(0)).containsExactly(0f, 0f, 1f, 0f);
        assertThat(data.features().column(1)).containsExactly(0f, 1f, 0f, 1f);
        assertThat(data.features().column(2)).containsExactly(1f, 0f, 0f, 0f);
    }

    @Test
    void numericCodesWithoutCategoricalOptionStayOneNumericFeature() throws IOException {
        Path file = write(dir, "tier.csv", "tier,y,g\n10,1,a\n2,2,a\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.features().names()).containsExactly("tier");
        assertThat(data.encoding().isNumericOnly()).isTrue();
    }

    @Test
    void textAfterNumbersInAFeatureIsAnErrorAtThatCellSuggestingCategorical() throws IOException {
        Path file = write(dir, "mixed.csv", "x,y,g\n1,1,a\n2,2,a\nabc,3,b\n2,4,b\n");

        assertThatThrownBy(() -> CsvDataReader.readLabelled(file, Y_BY_G))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":4:1: 'abc' in column 'x' is not a number; expected a finite decimal number, as "
                        + "the cells above it are; name the column in --categorical to read its cells as categories");
    }

    @Test
    void aFeatureStartingWithNanIsAnErrorNotACategory() throws IOException {
        Path file = write(dir, "nan.csv", "x,y,g\nNaN,1,a\n2,2,a\n");

        assertThatThrownBy(() -> CsvDataReader.readLabelled(file, Y_BY_G))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":2:1: 'NaN' in column 'x' is NaN");
    }

    @Test
    void mixedColumnNamedCategoricalIsRead() throws IOException {
        Path file = write(dir, "mixed.csv", "x,y,g\n1,1,a\nabc,3,b\n");

        CsvReadResult read = CsvDataReader.readLabelled(file, Y_BY_G.withCategorical(List.of("x")));

        assertThat(read.data().features().names()).containsExactly("x=1", "x=abc");
    }

    @Test
    void textSpellingsThatAreNotNumbersAreCategories() throws IOException {
        Path file = write(dir, "spellings.csv", "x,y,g\nN/A,1,a\nna,3,a\nnull,4,a\n\" \",5,a\n");

        Dataset data = CsvDataReader.read(file, Y_BY_G);

        assertThat(data.encoding().columns().get(0).categories()).containsExactly(" ", "N/A", "na", "null");
        assertThat(data.size()).isEqualTo(4);
    }

    @Test
    void fixedEncodingRejectsUnseenCategoryNamingLineColumnValueAndKnownCategories() throws IOException {
        FeatureEncoding encoding = FeatureEncoding.of(List.of(FeatureEncoding.Column.numeric("age"),
                FeatureEncoding.Column.categorical("region", List.of("north", "south"))));
        Path file = write(dir, "new.csv", "region,age,y,g\nsouth,30,1,a\neast,40,2,a\n");
        String problem = "'east' in column 'region' is a category the model was not trained on; "
                + "expected one of its categories 'north', 'south'";

        assertCellError(() -> CsvDataReader.readFeatures(file, encoding, Optional.empty()), file, 3, 1, problem);
        assertCellError(() -> CsvDataReader.read(file, Y_BY_G.withEncoding(encoding)), file, 3, 1, problem);
    }

    @Test
    void fixedEncodingEncodesInItsOwnCategoryOrderWhateverTheFileHolds() throws IOException {
        FeatureEncoding encoding = FeatureEncoding.of(List.of(
                FeatureEncoding.Column.categorical("region", List.of("west", "south", "north"))));
        Path file = write(dir, "some.csv", "region\nsouth\nsouth\n");

        FeatureTable table = CsvDataReader.readFeatures(file, encoding, Optional.empty());

        assertThat(table.names()).containsExactly("region=west", "region=south", "region=north");
        assertThat(table.column(0)).containsExactly(0f, 0f);
        assertThat(table.column(1)).containsExactly(1f, 1f);
        assertThat(table.column(2)).containsExactly(0f, 0f);
    }

    @Test
    void fixedNumericColumnRejectsText() throws IOException {
        FeatureEncoding encoding = FeatureEncoding.numeric(List.of("age"));
        Path file = write(dir, "text.csv", "age\n30\nold\n");

        assertCellError(() -> CsvDataReader.readFeatures(file, encoding, Optional.empty()), file, 3, 1,
                "'old' in column 'age' is not a number; expected a finite decimal number");
    }

    @Test
    void unseenCategoryMessageListsTwentyCategoriesAndCountsTheRest() throws IOException {
        List<String> codes = new java.util.ArrayList<>();
        for (int c = 0; c < 25; c++) {
            codes.add("c" + (100 + c));
        }
        FeatureEncoding encoding = FeatureEncoding.of(List.of(FeatureEncoding.Column.categorical("code", codes)));
        Path file = write(dir, "code.csv", "code\nzzz\n");

        assertCellError(() -> CsvDataReader.readFeatures(file, encoding, Optional.empty()), file, 2, 1,
                "'zzz' in column 'code' is a category the model was not trained on; expected one of its categories "
                        + MessageText.quoteAll(codes.subList(0, 20)) + " and 5 more");
    }

    @Test
    void rejectsColumnWithMoreCategoriesThanTheLimit() throws IOException {
        StringBuilder content = new StringBuilder("id,y,g\n");
        for (int e = 0; e <= FeatureEncoding.MAX_CATEGORIES; e++) {
            content.append("id").append(e).append(",1,a\n");
        }
        Path file = write(dir, "ids.csv", content.toString());

        assertCellError(() -> CsvDataReader.read(file, Y_BY_G), file, 1002, 1,
                "'id1000' in column 'id' would be category 1001; expected at most 1000 categories "
                        + "in a categorical column");
    }

    @Test
    void rowsOfADatasetKeepItsEncodingAndGroupDefinition() throws IOException {
        Path file = write(dir, "sex.csv", "sex,y,g\nmale,1,a\nfemale,2,b\n");
        Dataset data = CsvDataReader.read(file, Y_BY_G);

        Dataset second = data.rows(new int[] {1});

        assertThat(second.encoding()).isEqualTo(data.encoding());
        assertThat(second.groupDefinition()).isEqualTo(data.groupDefinition());
        assertThat(second.features().column(0)).containsExactly(1f);
    }
}
