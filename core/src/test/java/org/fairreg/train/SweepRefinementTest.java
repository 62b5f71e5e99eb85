package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fairreg.data.GroupShiftRegression;
import org.fairreg.data.GroupShiftSettings;
import org.fairreg.data.Splits;
import org.fairreg.objective.ObjectiveKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where a sweep looks next: inside the bracket of lambdas whose validation gaps straddle the target. */
class SweepRefinementTest {

    private static List<SweepResult> results;

    @BeforeAll
    static void sweep() {
        GroupShiftRegression generated = GroupShiftRegression.generate(
                GroupShiftSettings.defaults().withExampleCount(1500).withFeatureCount(4));
        Splits.Parts parts = Splits.threeWay(1500, 0.3, 0.3, 42).apply(generated.toDataset());
        TrainingSettings base = TrainingSettings.defaults().withHiddenSizes(8).withMaxEpochs(40).withSeed(3);
        List<SweepPoint> points = new ArrayList<>();
        points.add(new SweepPoint("mse (reference)", base.withObjective(ObjectiveKind.MSE), true));
        for (double lambda : new double[] {3.0, 0.1, 1.0}) {
            points.add(new SweepPoint("lambda=" + lambda, base.withLambda(lambda), false));
        }
        results = new Sweep(2).run(points, parts.train(), parts.validation(), parts.test(), Sweep.Progress.NONE);
    }

    @Test
    void aTargetBetweenTwoNeighboursSplitsTheirBracketInThreeOnALogScale() {
        List<SweepResult> byLambda = new ArrayList<>(results.subList(1, results.size()));
        byLambda.sort(Comparator.comparingDouble(r -> r.point().settings().objectiveSettings().lambda()));
        SweepResult low = byLambda.get(0);
        SweepResult high = byLambda.get(1);
        assertThat(high.validationGap()).as("the gap falls from lambda 0.1 to 1").isLessThan(low.validationGap());
        double target = (low.validationGap() + high.validationGap()) / 2;

        List<Double> next = SweepRefinement.nextLambdas(results, target);

        // 0.1 * 10^(1/3) = 0.2154..., 0.1 * 10^(2/3) = 0.4641..., to three digits.
        assertThat(next).containsExactly(0.215, 0.464);
    }

    @Test
    void noBracketNoNewLambdas() {
        double highest = results.stream().mapToDouble(SweepResult::validationGap).max().orElseThrow();
        double lowest = results.stream().mapToDouble(SweepResult::validationGap).min().orElseThrow();

        assertThat(SweepRefinement.nextLambdas(results, highest * 2)).as("every point meets it").isEmpty();
        assertThat(SweepRefinement.nextLambdas(results, lowest / 2)).as("no point meets it").isEmpty();
        assertThat(SweepRefinement.nextLambdas(results.subList(0, 2), lowest)).as("one lambda").isEmpty();
    }
}
