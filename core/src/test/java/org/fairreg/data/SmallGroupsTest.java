package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallGroupsTest {

    /** Groups b, a, c (in that code order) with 3, 1 and 0 examples. */
    private static final Dataset DATA = new Dataset(new FeatureTable(List.of("x"), new float[][] {{1, 2, 3, 4}}),
            "y", new double[4], "g", new int[] {0, 1, 0, 0}, GroupLabels.inOrder(List.of("b", "a", "c")));

    @Test
    void describesEveryGroupBelowTheMinimumInGroupOrderIncludingAbsentOnes() {
        assertThat(SmallGroups.describe(DATA, "the validation split", 3)).containsExactly(
                "group 'a' has 1 row in the validation split, fewer than 3",
                "group 'c' has 0 rows in the validation split, fewer than 3");
        assertThat(SmallGroups.describe(DATA, "the test split", 4)).containsExactly(
                "group 'b' has 3 rows in the test split, fewer than 4",
                "group 'a' has 1 row in the test split, fewer than 4",
                "group 'c' has 0 rows in the test split, fewer than 4");
    }

    @Test
    void minimumOfZeroNeverWarns() {
        assertThat(SmallGroups.describe(DATA, "the data", 0)).isEmpty();
    }

    @Test
    void rejectsNegativeMinimum() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> SmallGroups.describe(DATA, "the data", -1)))
                .hasMessage("minRows must be at least 0, found -1");
    }
}
