package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecipeDataTest {

    private static RecipeData recipe;

    @BeforeAll
    static void generate() {
        recipe = RecipeData.generate();
    }

    @Test
    void partsHaveTheRecipeSizes() {
        assertThat(recipe.all().size()).isEqualTo(20_000);
        assertThat(recipe.train().size()).isEqualTo(8_000);
        assertThat(recipe.validation().size()).isEqualTo(2_000);
        assertThat(recipe.test().size()).isEqualTo(10_000);
        assertThat(recipe.all().features().featureCount()).isEqualTo(10);
        assertThat(recipe.source().coefficients()).hasSize(10);
    }

    @Test
    void groupCountsEqualSeedFiles() {
        assertGroupCounts(recipe.all(), "all.csv.gz");
        assertGroupCounts(recipe.train(), "train.csv.gz");
        assertGroupCounts(recipe.validation(), "val.csv.gz");
        assertGroupCounts(recipe.test(), "test.csv.gz");
    }

    @Test
    void partsShareTheGroupsAndColumnsOfAllExamples() {
        GroupLabels groups = recipe.all().groups();

        assertThat(groups.labels()).containsExactly("0", "1");
        for (Dataset part : new Dataset[] {recipe.train(), recipe.validation(), recipe.test()}) {
            assertThat(part.groups()).isSameAs(groups);
            assertThat(part.features().names()).isEqualTo(recipe.all().features().names());
            assertThat(part.targetName()).isEqualTo("y");
            assertThat(part.groupName()).isEqualTo("g");
        }
    }

    @Test
    void partsAreTheSplitRowsOfAllExamples() {
        int[] test = recipe.splits().test();
        double[] allTargets = recipe.all().targets();
        double[] testTargets = recipe.test().targets();

        for (int e = 0; e < test.length; e++) {
            assertThat(testTargets[e]).as("test target %d", e).isEqualTo(allTargets[test[e]]);
        }
    }

    private static void assertGroupCounts(Dataset part, String file) {
        int[] expected = new int[RecipeData.GROUP_COUNT];
        for (int group : SeedFiles.readCsv(file).groups()) {
            expected[group]++;
        }

        assertThat(part.groupCounts()).as(file).containsExactly(expected);
    }
}
