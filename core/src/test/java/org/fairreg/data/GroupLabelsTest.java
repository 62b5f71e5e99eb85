package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupLabelsTest {

    @Test
    void numericLabelsSortByValue() {
        GroupLabels labels = GroupLabels.of(List.of("10", "2", "1.0", "-1", "1", "0.5"));

        assertThat(labels.labels()).containsExactly("-1", "0.5", "1", "1.0", "2", "10");
    }

    @Test
    void numericLabelsOfEqualValueStayDistinctAndSortByText() {
        GroupLabels labels = GroupLabels.of(List.of("1e1", "10", "1.0", "1", "+1"));

        assertThat(labels.labels()).containsExactly("+1", "1", "1.0", "10", "1e1");
        assertThat(labels.size()).isEqualTo(5);
    }

    @Test
    void textLabelsSortByText() {
        GroupLabels labels = GroupLabels.of(List.of("red", "blue", "Green", "amber"));

        // Character order: upper case before lower case.
        assertThat(labels.labels()).containsExactly("Green", "amber", "blue", "red");
    }

    @Test
    void mixedLabelsSortByText() {
        GroupLabels labels = GroupLabels.of(List.of("2", "10", "x", "-1"));

        assertThat(labels.labels()).containsExactly("-1", "10", "2", "x");
    }

    @Test
    void labelsThatJavaAloneReadsAsNumbersSortByText() {
        // Double.parseDouble accepts "NaN", "Infinity" and a "d" suffix; none is a decimal number.
        assertThat(GroupLabels.of(List.of("2", "10", "NaN")).labels()).containsExactly("10", "2", "NaN");
        assertThat(GroupLabels.of(List.of("2", "10", "3d")).labels()).containsExactly("10", "2", "3d");
        assertThat(GroupLabels.of(List.of("2", "10", "1e999")).labels()).containsExactly("10", "1e999", "2");
    }

    @Test
    void orderDoesNotDependOnInputOrder() {
        assertThat(GroupLabels.of(List.of("b", "c", "a"))).isEqualTo(GroupLabels.of(List.of("c", "a", "b")));
    }

    @Test
    void duplicatesAreIgnored() {
        GroupLabels labels = GroupLabels.of(List.of("b", "a", "b", "a", "b"));

        assertThat(labels.labels()).containsExactly("a", "b");
        assertThat(labels.size()).isEqualTo(2);
    }

    @Test
    void noLabelIsRejected() {
        assertThatThrownBy(() -> GroupLabels.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinctLabels");
    }

    @Test
    void inOrderKeepsTheGivenOrder() {
        GroupLabels labels = GroupLabels.inOrder(List.of("10", "2", "b", "a"));

        assertThat(labels.labels()).containsExactly("10", "2", "b", "a");
        assertThat(labels.label(0)).isEqualTo("10");
        assertThat(labels.label(3)).isEqualTo("a");
    }

    @Test
    void inOrderRejectsRepeatedLabel() {
        assertThatThrownBy(() -> GroupLabels.inOrder(List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderedLabels")
                .hasMessageContaining("[a, b, a]");
    }

    @Test
    void inOrderRejectsEmptyList() {
        assertThatThrownBy(() -> GroupLabels.inOrder(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderedLabels");
    }

    @Test
    void codeOfGivesIndexInOrderOrEmpty() {
        GroupLabels labels = GroupLabels.of(List.of("10", "2", "-1"));

        assertThat(labels.codeOf("-1")).hasValue(0);
        assertThat(labels.codeOf("2")).hasValue(1);
        assertThat(labels.codeOf("10")).hasValue(2);
        assertThat(labels.codeOf("2.0")).isEmpty();
        assertThat(labels.codeOf("absent")).isEmpty();
    }

    @Test
    void labelListIsUnmodifiable() {
        GroupLabels labels = GroupLabels.of(List.of("a"));

        assertThatThrownBy(() -> labels.labels().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
