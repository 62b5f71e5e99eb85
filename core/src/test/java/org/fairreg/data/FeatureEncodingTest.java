package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEncodingTest {

    private static final FeatureEncoding AGE_SEX_REGION = FeatureEncoding.of(List.of(
            FeatureEncoding.Column.numeric("age"),
            FeatureEncoding.Column.categorical("sex", List.of("female", "male")),
            FeatureEncoding.Column.categorical("region", List.of("north", "south", "west"))));

    @Test
    void categoricalColumnEncodesToOneNamedIndicatorPerCategoryInSourceOrder() {
        assertThat(AGE_SEX_REGION.encodedNames()).containsExactly(
                "age", "sex=female", "sex=male", "region=north", "region=south", "region=west");
        assertThat(AGE_SEX_REGION.featureCount()).isEqualTo(6);
        assertThat(AGE_SEX_REGION.sourceNames()).containsExactly("age", "sex", "region");
        assertThat(AGE_SEX_REGION.isNumericOnly()).isFalse();
        assertThat(AGE_SEX_REGION.columns().get(2).width()).isEqualTo(3);
        assertThat(AGE_SEX_REGION.columns().get(2).indexOf("west")).hasValue(2);
        assertThat(AGE_SEX_REGION.columns().get(2).indexOf("east")).isEmpty();
    }

    @Test
    void numericEncodingKeepsEveryNameAsItsOwnFeature() {
        FeatureEncoding numeric = FeatureEncoding.numeric(List.of("x0", "x1"));

        assertThat(numeric.encodedNames()).containsExactly("x0", "x1");
        assertThat(numeric.isNumericOnly()).isTrue();
        assertThat(numeric).isEqualTo(FeatureEncoding.numeric(List.of("x0", "x1")));
    }

    @Test
    void rejectsRepeatedEmptyOrTooManyCategories() {
        assertRejected(() -> FeatureEncoding.Column.categorical("sex", List.of("male", "male")),
                "categories of column 'sex' must be distinct, found 'male' twice");
        assertRejected(() -> FeatureEncoding.Column.categorical("sex", List.of("male", "")),
                "categories[1] of column 'sex' must not be empty");
        assertRejected(() -> FeatureEncoding.Column.categorical("sex", List.of()),
                "categories of column 'sex' must hold 1 to 1000 values, found 0");
    }

    @Test
    void rejectsRepeatedColumnsAndClashingEncodedNames() {
        assertRejected(() -> FeatureEncoding.numeric(List.of("a", "a")),
                "columns must not repeat a name, found 'a' twice");
        assertRejected(() -> FeatureEncoding.of(List.of(FeatureEncoding.Column.numeric("sex=male"),
                FeatureEncoding.Column.categorical("sex", List.of("male")))),
                "encoded feature names must be distinct, found 'sex=male' from columns 'sex=male' and 'sex'");
        assertRejected(() -> FeatureEncoding.of(List.of()),
                "columns must hold at least one source column, found none");
    }

    @Test
    void conformFillsIndicatorsOfCategoriesTheDataLacksWithZeros() {
        FeatureEncoding onlyMale = FeatureEncoding.of(List.of(
                FeatureEncoding.Column.categorical("sex", List.of("male")),
                FeatureEncoding.Column.numeric("age"),
                FeatureEncoding.Column.categorical("region", List.of("south"))));
        FeatureTable data = new FeatureTable(onlyMale.encodedNames(),
                new float[][] {{1f, 1f}, {30f, 40f}, {1f, 1f}});

        FeatureTable conformed = AGE_SEX_REGION.conform(data, onlyMale);

        assertThat(conformed.names()).isEqualTo(AGE_SEX_REGION.encodedNames());
        assertThat(conformed.column(0)).containsExactly(30f, 40f);
        assertThat(conformed.column(1)).containsExactly(0f, 0f);
        assertThat(conformed.column(2)).containsExactly(1f, 1f);
        assertThat(conformed.column(3)).containsExactly(0f, 0f);
        assertThat(conformed.column(4)).containsExactly(1f, 1f);
        assertThat(conformed.column(5)).containsExactly(0f, 0f);
    }

    @Test
    void conformRejectsUnknownCategoryAndColumnOfTheOtherKind() {
        FeatureEncoding withEast = FeatureEncoding.of(List.of(FeatureEncoding.Column.numeric("age"),
                FeatureEncoding.Column.categorical("sex", List.of("male")),
                FeatureEncoding.Column.categorical("region", List.of("east"))));
        FeatureEncoding sexNumeric = FeatureEncoding.numeric(List.of("age", "sex", "region"));
        FeatureTable east = new FeatureTable(withEast.encodedNames(), new float[][] {{1f}, {1f}, {1f}});
        FeatureTable numbers = new FeatureTable(sexNumeric.encodedNames(), new float[][] {{1f}, {1f}, {1f}});

        assertRejected(() -> AGE_SEX_REGION.conform(east, withEast), "column 'region' holds the category 'east', "
                + "which the model does not know; expected one of 'north', 'south', 'west'");
        assertRejected(() -> AGE_SEX_REGION.conform(numbers, sexNumeric),
                "column 'sex' must be categorical as in the model, found it numeric");
    }

    private static void assertRejected(org.junit.jupiter.api.function.Executable construction, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction);
        assertThat(error).hasMessage(message);
    }
}
