package org.fairreg.cli;

import java.util.Locale;
import java.util.Optional;

import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupReport;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.TrainingResult;

/**
 * For a model trained with {@code --objective constrained}, one line saying whether the kept
 * epoch's validation gap is within epsilon and whether the test gap's interval contains the
 * bound. A relative epsilon is turned into an amount with the MSE of the same set.
 */
final class ConstraintLine {

    private ConstraintLine() {
    }

    /**
     * @param result the training run
     * @param test the test report
     * @param audit the test audit, if one was made
     * @return the line, or empty when the objective has no constraint or no epoch was kept
     */
    static Optional<String> of(TrainingResult result, GroupReport test, Optional<GroupAudit> audit) {
        if (result.model().settings().objective() != ObjectiveKind.CONSTRAINED || result.summary().keptEpoch() == 0) {
            return Optional.empty();
        }
        Epsilon epsilon = result.model().settings().objectiveSettings().epsilon();
        EpochRecord kept = result.history().get(result.summary().keptEpoch() - 1);
        double validationBound = epsilon.allowed(kept.validationMse());
        double testBound = epsilon.allowed(test.overall().mse());
        String testPart = audit.filter(a -> a.gapInterval().isFinite())
                .map(a -> String.format(Locale.ROOT, "; test gap %.5g, its interval [%.5g, %.5g] %s the bound %.5g",
                        test.gap(), a.gapInterval().lower(), a.gapInterval().upper(),
                        a.gapInterval().contains(testBound) ? "contains" : "does not contain", testBound))
                .orElse(String.format(Locale.ROOT, "; test gap %.5g against the bound %.5g", test.gap(), testBound));
        return Optional.of(String.format(Locale.ROOT, "constraint: gap at most %s; validation gap %.5g %s %.5g (%s)%s",
                epsilon.relative() ? epsilon + " of the overall mse" : epsilon.toString(), kept.validationGap(),
                kept.constraintsMet() ? "<=" : ">", validationBound, kept.constraintsMet() ? "met" : "not met",
                testPart));
    }
}
