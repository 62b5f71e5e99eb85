package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ColumnSelectionTest {

    @Test
    void ofSelectsEveryOtherColumnAsFeatureWithDetectedSeparatorAndMissingValuesRejected() {
        ColumnSelection columns = ColumnSelection.of("y", "g");

        assertThat(columns.target()).isEqualTo("y");
        assertThat(columns.group()).isEqualTo(GroupDefinition.column("g"));
        assertThat(columns.features()).isEmpty();
        assertThat(columns.categorical()).isEmpty();
        assertThat(columns.encoding()).isEmpty();
        assertThat(columns.separator()).isEmpty();
        assertThat(columns.missing()).isEqualTo(MissingPolicy.ERROR);
    }

    @Test
    void withMethodsReturnChangedCopiesAndLeaveTheOriginal() {
        ColumnSelection original = ColumnSelection.of("y", "g");

        ColumnSelection changed = original.withTarget("income").withGroup("sex")
                .withFeatures(List.of("b", "a")).withCategorical(List.of("a")).withSeparator('\t')
                .withMissing(MissingPolicy.DROP);

        assertThat(changed.target()).isEqualTo("income");
        assertThat(changed.group()).isEqualTo(GroupDefinition.column("sex"));
        assertThat(changed.features()).hasValue(List.of("b", "a"));
        assertThat(changed.categorical()).containsExactly("a");
        assertThat(changed.separator()).hasValue('\t');
        assertThat(changed.missing()).isEqualTo(MissingPolicy.DROP);
        assertThat(changed.withDetectedSeparator().separator()).isEmpty();
        assertThat(original).isEqualTo(ColumnSelection.of("y", "g"));
    }

    @Test
    void emptyFeatureListSelectsEveryOtherColumnAgain() {
        ColumnSelection columns = ColumnSelection.of("y", "g").withFeatures(List.of("x")).withFeatures(List.of());

        assertThat(columns.features()).isEmpty();
        assertThat(columns).isEqualTo(ColumnSelection.of("y", "g"));
    }

    @Test
    void copiesTheFeatureList() {
        List<String> names = Arrays.asList("a", "b");
        ColumnSelection columns = ColumnSelection.of("y", "g").withFeatures(names);

        names.set(0, "c");

        assertThat(columns.features()).hasValue(List.of("a", "b"));
    }

    @Test
    void equalSelectionsHaveEqualHashCodes() {
        ColumnSelection first = ColumnSelection.of("y", "g").withFeatures(List.of("x")).withSeparator(';');
        ColumnSelection second = ColumnSelection.of("y", "g").withSeparator(';').withFeatures(List.of("x"));

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(second.withSeparator(','));
    }

    @Test
    void rejectsBlankTargetOrGroup() {
        assertRejected(() -> ColumnSelection.of(" ", "g"), "target must be a non-blank column name, found ' '");
        assertRejected(() -> ColumnSelection.of("y", ""), "group must be a non-blank column name, found ''");
        assertRejected(() -> ColumnSelection.of("y", "g").withTarget("\t"),
                "target must be a non-blank column name, found '\\t'");
    }

    @Test
    void rejectsMissingNames() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> ColumnSelection.of(null, "g"));
        assertThat(error).hasMessage("target");
        assertThat(assertThrows(NullPointerException.class,
                () -> ColumnSelection.of("y", "g").withFeatures(Arrays.asList("x", null)))).hasMessage("features[1]");
    }

    @Test
    void rejectsGroupEqualToTarget() {
        assertRejected(() -> ColumnSelection.of("y", "y"), "group must differ from target, found 'y' for both");
        assertRejected(() -> ColumnSelection.of("y", "g").withGroup("y"),
                "group must differ from target, found 'y' for both");
    }

    @Test
    void rejectsBlankOrRepeatedFeature() {
        ColumnSelection columns = ColumnSelection.of("y", "g");

        assertRejected(() -> columns.withFeatures(List.of("a", "")),
                "features[1] must be a non-blank column name, found ''");
        assertRejected(() -> columns.withFeatures(List.of("a", "b", "a")),
                "features must not repeat a name, found 'a' at indices 0 and 2");
    }

    @Test
    void rejectsFeatureThatIsTheTargetOrTheGroup() {
        ColumnSelection columns = ColumnSelection.of("y", "g");

        assertRejected(() -> columns.withFeatures(List.of("a", "y")),
                "features must not include the target column, found 'y' at index 1");
        assertRejected(() -> columns.withFeatures(List.of("g")),
                "features must not include the group column, found 'g' at index 0");
        assertRejected(() -> columns.withFeatures(List.of("a")).withTarget("a"),
                "features must not include the target column, found 'a' at index 0");
    }

    @Test
    void rejectsSeparatorReservedByCsv() {
        ColumnSelection columns = ColumnSelection.of("y", "g");
        String rule = "separator must not be a double quote, carriage return or line feed, found ";

        assertRejected(() -> columns.withSeparator('"'), rule + "'\"'");
        assertRejected(() -> columns.withSeparator('\n'), rule + "'\\n'");
        assertRejected(() -> columns.withSeparator('\r'), rule + "'\\r'");
    }

    @Test
    void withEncodingReadsItsSourceColumnsAndNamesItsCategoricalOnes() {
        FeatureEncoding encoding = FeatureEncoding.of(List.of(FeatureEncoding.Column.numeric("age"),
                FeatureEncoding.Column.categorical("sex", List.of("female", "male"))));

        ColumnSelection columns = ColumnSelection.of("y", "g").withEncoding(encoding);

        assertThat(columns.encoding()).hasValue(encoding);
        assertThat(columns.features()).hasValue(List.of("age", "sex"));
        assertThat(columns.categorical()).containsExactly("sex");
        assertThat(columns.withFeatures(List.of("age")).encoding()).isEmpty();
    }

    @Test
    void groupDefinitionWithSeveralColumnsKeepsThemApartFromTargetAndFeatures() {
        ColumnSelection columns = ColumnSelection.of("y", "g")
                .withGroup(GroupDefinition.columns(List.of("race", "sex")));

        assertThat(columns.group().name()).isEqualTo("race|sex");
        assertRejected(() -> columns.withFeatures(List.of("a", "sex")),
                "features must not include the group column, found 'sex' at index 1");
        assertRejected(() -> columns.withTarget("race"), "group must differ from target, found 'race' for both");
        assertRejected(() -> columns.withCategorical(List.of("race")),
                "categorical must not include the group column, found 'race' at index 0");
    }

    @Test
    void rejectsCategoricalColumnThatIsNotANamedFeature() {
        ColumnSelection columns = ColumnSelection.of("y", "g").withFeatures(List.of("a", "b"));

        assertRejected(() -> columns.withCategorical(List.of("c")),
                "categorical must name features, found 'c' at index 0, which is not among [a, b]");
        assertRejected(() -> columns.withCategorical(List.of("a", "a")),
                "categorical must not repeat a name, found 'a' at indices 0 and 1");
    }

    private static void assertRejected(Executable construction, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction);
        assertThat(error).hasMessage(message);
    }
}
