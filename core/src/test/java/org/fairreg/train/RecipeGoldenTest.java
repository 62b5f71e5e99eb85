package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fairreg.data.RecipeData;
import org.fairreg.metrics.GroupReport;
import org.fairreg.model.DenseKernels;
import org.fairreg.objective.ObjectiveKind;
import org.junit.jupiter.api.Test;

/**
 * End-to-end golden figures on the recipe's data with seed 42: the recipe verbatim and plain MSE,
 * each run to early stopping, then reported on the 10000 test rows.
 *
 * <p>Two kinds of assertion. The ranges are the claim of docs/recipe.md: the same recipe run on
 * TensorFlow and numpy lands there. The golden values pin this implementation; Java float
 * arithmetic and {@code StrictMath} are the same on every JVM, so with the portable kernels they
 * hold everywhere, and they change only when the arithmetic of training changes (a kernel that sums
 * in another order, say). The Vector API kernels round differently (fused multiply-adds) and must
 * land in the ranges; {@code DenseKernelsTest} checks them against the formulas.
 * Then rerun {@code ./fairreg train --objective gap} and {@code ./fairreg train --objective mse},
 * check the ranges still hold, and copy the new figures here on purpose.
 */
class RecipeGoldenTest {

    /** Test MSE and gap are golden to this relative tolerance. */
    private static final double GOLDEN_RELATIVE = 1e-4;

    @Test
    void theRecipeVerbatimStopsByItselfWithAnAccurateAndFairModel() {
        RecipeData recipe = RecipeData.generate();
        TrainingResult result = new Trainer(TrainingSettings.recipe(), new Execution(DenseKernels.portable(), 1))
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);
        GroupReport report = result.model().evaluate(recipe.test());

        assertThat(result.summary().stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
        assertThat(result.summary().epochsRun()).isBetween(120, 200);
        assertThat(report.overall().mse()).isBetween(3.0, 15.0);
        assertThat(report.gap()).isLessThan(0.35);

        assertThat(result.summary().epochsRun()).isEqualTo(141);
        assertThat(result.summary().keptEpoch()).isEqualTo(131);
        assertThat(report.overall().mse()).isCloseTo(13.7689, within(GOLDEN_RELATIVE * 13.7689));
        assertThat(report.gap()).isCloseTo(0.0913701, within(GOLDEN_RELATIVE * 0.0913701));
    }

    @Test
    void plainMseReachesTheNoiseFloorNeighbourhood() {
        RecipeData recipe = RecipeData.generate();
        TrainingSettings settings = TrainingSettings.defaults().withObjective(ObjectiveKind.MSE)
                .withStandardizeTarget(false);
        TrainingResult result = new Trainer(settings, new Execution(DenseKernels.portable(), 1))
                .fit(recipe.train(), recipe.validation(), TrainingListener.NONE);
        GroupReport report = result.model().evaluate(recipe.test());

        assertThat(result.summary().stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
        assertThat(report.overall().mse()).isBetween(0.04, 0.09);
        assertThat(report.overall().mse()).isCloseTo(0.0741906, within(GOLDEN_RELATIVE * 0.0741906));
    }
}
