package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupDefinitionTest {

    @Test
    void severalColumnsAreNamedByTheirNamesJoinedInOrder() {
        GroupDefinition group = GroupDefinition.columns(List.of("race", "sex"));

        assertThat(group.name()).isEqualTo("race|sex");
        assertThat(group.columns()).containsExactly("race", "sex");
        assertThat(group.versusRest()).isEmpty();
        assertThat(group).isEqualTo(GroupDefinition.columns(List.of("race", "sex")))
                .isNotEqualTo(GroupDefinition.columns(List.of("sex", "race")));
    }

    @Test
    void versusRestLabelsTheValueAndNotTheValue() {
        GroupDefinition race = GroupDefinition.column("race").withVersusRest("7");

        assertThat(race.versusRest()).hasValue("7");
        assertThat(race.versusRestLabel("7")).isEqualTo("7");
        assertThat(race.versusRestLabel("3")).isEqualTo("not 7");
        assertThat(race.versusRestLabel("7.0")).as("compared as text").isEqualTo("not 7");
        assertThat(race.name()).isEqualTo("race");
    }

    @Test
    void rejectsVersusRestWithSeveralColumnsOrAMissingValue() {
        GroupDefinition two = GroupDefinition.columns(List.of("race", "sex"));

        assertThat(assertThrows(IllegalArgumentException.class, () -> two.withVersusRest("7")))
                .hasMessage("versusRest needs exactly one group column, found 2: 'race', 'sex'");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GroupDefinition.column("race").withVersusRest("NA")))
                .hasMessage("versusRest must be a value that is not missing, found 'NA'");
    }

    @Test
    void rejectsNoRepeatedOrBlankColumns() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> GroupDefinition.columns(List.of())))
                .hasMessage("groups must name at least one group column, found none");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> GroupDefinition.columns(List.of("a", "a"))))
                .hasMessage("groups must not repeat a name, found 'a' at indices 0 and 1");
        assertThat(assertThrows(IllegalArgumentException.class, () -> GroupDefinition.column(" ")))
                .hasMessage("group must be a non-blank column name, found ' '");
    }
}
