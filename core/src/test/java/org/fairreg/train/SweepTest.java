package org.fairreg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fairreg.data.GroupShiftRegression;
import org.fairreg.data.GroupShiftSettings;
import org.fairreg.data.Splits;
import org.fairreg.io.FrontierFiles;
import org.fairreg.io.ModelFile;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.train.SweepSelection.GapTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep gives the same models and files with one thread or several, and picks by its rule. */
class SweepTest {

    @TempDir
    Path dir;

    private static Splits.Parts data() {
        GroupShiftRegression generated = GroupShiftRegression.generate(
                GroupShiftSettings.defaults().withExampleCount(1500).withFeatureCount(4));
        return Splits.threeWay(1500, 0.3, 0.3, 42).apply(generated.toDataset());
    }

    private static List<SweepPoint> points() {
        TrainingSettings base = TrainingSettings.defaults().withHiddenSizes(8).withMaxEpochs(4).withSeed(3);
        List<SweepPoint> points = new ArrayList<>();
        points.add(new SweepPoint("mse (reference)", base.withObjective(ObjectiveKind.MSE), true));
        for (double lambda : new double[] {0.1, 1.0, 3.0}) {
            points.add(new SweepPoint("lambda=" + lambda, base.withLambda(lambda), false));
        }
        return points;
    }

    @Test
    void oneThreadAndSeveralGiveTheSameModelsAndFrontierByteForByte() throws IOException {
        Splits.Parts parts = data();
        List<SweepResult> serial = new Sweep(1).run(points(), parts.train(), parts.validation(), parts.test(),
                Sweep.Progress.NONE);
        List<SweepResult> parallel = new Sweep(3).run(points(), parts.train(), parts.validation(), parts.test(),
                Sweep.Progress.NONE);

        assertThat(parallel).hasSameSizeAs(serial);
        for (int i = 0; i < serial.size(); i++) {
            assertThat(ModelFile.toJson(parallel.get(i).training().model()))
                    .as("model of %s", serial.get(i).point().label())
                    .isEqualTo(ModelFile.toJson(serial.get(i).training().model()));
        }
        GapTarget target = GapTarget.parse("50%");
        Path first = dir.resolve("serial.json");
        Path second = dir.resolve("parallel.json");
        List<Optional<GroupAudit>> noAudits = List.of(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        FrontierFiles.writeJson(serial, SweepSelection.of(serial, target), noAudits, first);
        FrontierFiles.writeJson(parallel, SweepSelection.of(parallel, target), noAudits, second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void selectionTakesTheMostAccurateModelWithinTheTargetAndNeverAReference() {
        Splits.Parts parts = data();
        List<SweepResult> results = new Sweep(2).run(points(), parts.train(), parts.validation(), parts.test(),
                Sweep.Progress.NONE);
        double referenceGap = results.get(0).validationGap();

        SweepSelection selection = SweepSelection.of(results, GapTarget.parse("50%"));

        assertThat(selection.targetGap()).isEqualTo(referenceGap / 2);
        SweepResult chosen = results.get(selection.selected());
        assertThat(chosen.point().reference()).isFalse();
        for (SweepResult other : results) {
            if (!other.point().reference() && other.validationGap() <= selection.targetGap()) {
                assertThat(selection.metTarget()).isTrue();
                assertThat(chosen.validationMse()).isLessThanOrEqualTo(other.validationMse());
            }
        }
        SweepSelection unreachable = SweepSelection.of(results, GapTarget.parse("0"));
        if (!unreachable.metTarget()) {
            for (SweepResult other : results) {
                if (!other.point().reference()) {
                    assertThat(results.get(unreachable.selected()).validationGap())
                            .isLessThanOrEqualTo(other.validationGap());
                }
            }
        }
    }

    @Test
    void paretoMarksExactlyTheUndominatedPoints() {
        Splits.Parts parts = data();
        List<SweepResult> results = new Sweep(2).run(points(), parts.train(), parts.validation(), parts.test(),
                Sweep.Progress.NONE);
        SweepSelection selection = SweepSelection.of(results, GapTarget.parse("50%"));
        for (int i = 0; i < results.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < results.size(); j++) {
                SweepResult a = results.get(j);
                SweepResult b = results.get(i);
                dominated |= j != i && a.validationMse() <= b.validationMse() && a.validationGap() <= b.validationGap()
                        && (a.validationMse() < b.validationMse() || a.validationGap() < b.validationGap());
            }
            assertThat(selection.pareto()[i]).as("point %d", i).isEqualTo(!dominated);
        }
    }

    @Test
    void aReferenceGapWithinNoiseChoosesTheReferenceForARelativeTargetOnly() {
        Splits.Parts parts = data();
        List<SweepResult> results = new Sweep(2).run(points(), parts.train(), parts.validation(), parts.test(),
                Sweep.Progress.NONE);
        int reference = SweepSelection.mseReference(results);

        SweepSelection noise = SweepSelection.of(results, GapTarget.parse("50%"), true);
        assertThat(noise.selected()).isEqualTo(reference);
        assertThat(noise.choice()).isEqualTo(SweepSelection.Choice.REFERENCE_GAP_WITHIN_NOISE);
        assertThat(noise.metTarget()).isFalse();
        assertThat(noise.targetGap()).isEqualTo(results.get(reference).validationGap() / 2);

        SweepSelection absolute = SweepSelection.of(results, GapTarget.parse("1e9"), true);
        assertThat(results.get(absolute.selected()).point().reference()).isFalse();
        assertThat(absolute.choice()).isEqualTo(SweepSelection.Choice.MET_TARGET);
        assertThat(SweepSelection.of(results, GapTarget.parse("50%"), false).selected())
                .isEqualTo(SweepSelection.of(results, GapTarget.parse("50%")).selected());
    }

    @Test
    void aRelativeTargetNeedsTheMseReference() {
        Splits.Parts parts = data();
        List<SweepPoint> noReference = points().subList(1, 2);
        List<SweepResult> results = new Sweep(1).run(noReference, parts.train(), parts.validation(), parts.test(),
                Sweep.Progress.NONE);
        assertThatThrownBy(() -> SweepSelection.of(results, GapTarget.parse("50%")))
                .hasMessageContaining("plain-mse reference");
        assertThat(SweepSelection.of(results, GapTarget.parse("0.5")).selected()).isZero();
        assertThatThrownBy(() -> GapTarget.parse("half")).hasMessageContaining("'half'");
    }
}
