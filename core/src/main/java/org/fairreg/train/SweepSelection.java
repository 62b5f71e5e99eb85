package org.fairreg.train;

import java.util.List;
import java.util.Objects;

import org.fairreg.objective.ObjectiveKind;

/**
 * Marks the Pareto-optimal points of a sweep and picks one model, both on validation figures only
 * (the test figures are for reporting, never for choosing).
 *
 * <p>A point is Pareto-optimal when no other point has both a validation MSE and a validation gap
 * at least as low, one of them lower; reference points take part, so a frontier shows whether,
 * say, plain MSE dominates. The rule that picks the model, among the non-reference points: the
 * lowest validation MSE among those whose validation gap is at most the target; when none meets
 * it, the lowest validation gap (ties broken by MSE). The target is an amount (the target's unit
 * squared) or a share of the plain-MSE reference's validation gap, such as {@code 50%}: "halve
 * the gap an accuracy-only model leaves, at the least cost in accuracy".
 *
 * <p>One exception: with a relative target and a plain-MSE reference whose validation gap is
 * within sampling noise (its permutation test, run by the caller), the reference itself is chosen.
 * Halving a gap that shuffled group labels produce as often as not buys nothing measurable, and on
 * the real data measured here such choices cost up to 2.2 times the test MSE (docs/fairness.md).
 *
 * @param pareto whether each point, in sweep order, is Pareto-optimal
 * @param selected the index of the chosen point
 * @param targetGap the validation gap the rule aimed for, in the target's unit squared
 * @param choice why that point was chosen
 */
public record SweepSelection(boolean[] pareto, int selected, double targetGap, Choice choice) {

    /** Why the chosen point was chosen. */
    public enum Choice {
        /** The lowest validation MSE among the points whose validation gap is within the target. */
        MET_TARGET("met_target"),
        /** The lowest validation gap, since no point's validation gap is within the target. */
        LOWEST_GAP("lowest_gap"),
        /** The plain-MSE reference, since its validation gap is within sampling noise. */
        REFERENCE_GAP_WITHIN_NOISE("reference_gap_within_noise");

        private final String id;

        Choice(String id) {
            this.id = id;
        }

        /** @return the name used in frontier files */
        public String id() {
            return id;
        }
    }

    /** @return whether the chosen point's validation gap is within the target */
    public boolean metTarget() {
        return choice == Choice.MET_TARGET;
    }

    /**
     * Applies the rule.
     *
     * @param results the sweep's results, in order; at least one non-reference point
     * @param target the gap target
     * @return the selection
     * @throws IllegalArgumentException if every point is a reference, or the target is relative
     *         and the sweep has no plain-MSE reference
     */
    public static SweepSelection of(List<SweepResult> results, GapTarget target) {
        return of(results, target, false);
    }

    /**
     * Applies the rule, with its exception for a reference gap within noise.
     *
     * @param results the sweep's results, in order; at least one non-reference point
     * @param target the gap target
     * @param referenceGapWithinNoise whether the plain-MSE reference's validation gap is within
     *        sampling noise; used only with a relative target
     * @return the selection
     * @throws IllegalArgumentException if every point is a reference, or the target is relative
     *         and the sweep has no plain-MSE reference
     */
    public static SweepSelection of(List<SweepResult> results, GapTarget target, boolean referenceGapWithinNoise) {
        Objects.requireNonNull(target, "target");
        boolean[] pareto = new boolean[results.size()];
        for (int i = 0; i < results.size(); i++) {
            pareto[i] = isParetoOptimal(results, i);
        }
        if (results.stream().allMatch(result -> result.point().reference())) {
            throw new IllegalArgumentException("results must hold at least one non-reference point");
        }
        if (!target.relative()) {
            return byTarget(results, pareto, target.amount());
        }
        int reference = mseReference(results);
        double targetGap = target.amount() / 100.0 * results.get(reference).validationGap();
        return referenceGapWithinNoise
                ? new SweepSelection(pareto, reference, targetGap, Choice.REFERENCE_GAP_WITHIN_NOISE)
                : byTarget(results, pareto, targetGap);
    }

    private static SweepSelection byTarget(List<SweepResult> results, boolean[] pareto, double targetGap) {
        int selected = -1;
        boolean metTarget = false;
        for (int i = 0; i < results.size(); i++) {
            SweepResult candidate = results.get(i);
            if (candidate.point().reference()) {
                continue;
            }
            boolean meets = candidate.validationGap() <= targetGap;
            if (selected < 0 || better(candidate, meets, results.get(selected), metTarget)) {
                selected = i;
                metTarget = meets;
            }
        }
        return new SweepSelection(pareto, selected, targetGap, metTarget ? Choice.MET_TARGET : Choice.LOWEST_GAP);
    }

    private static boolean better(SweepResult candidate, boolean meets, SweepResult best, boolean bestMeets) {
        if (meets != bestMeets) {
            return meets;
        }
        if (meets) {
            return candidate.validationMse() < best.validationMse();
        }
        return candidate.validationGap() < best.validationGap()
                || candidate.validationGap() == best.validationGap()
                && candidate.validationMse() < best.validationMse();
    }

    private static boolean isParetoOptimal(List<SweepResult> results, int i) {
        SweepResult point = results.get(i);
        for (int j = 0; j < results.size(); j++) {
            SweepResult other = results.get(j);
            boolean noWorse = other.validationMse() <= point.validationMse()
                    && other.validationGap() <= point.validationGap();
            boolean better = other.validationMse() < point.validationMse()
                    || other.validationGap() < point.validationGap();
            if (j != i && noWorse && better) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param results the sweep's results, in order
     * @return the index of the plain-MSE reference
     * @throws IllegalArgumentException if the sweep has none
     */
    public static int mseReference(List<SweepResult> results) {
        for (int i = 0; i < results.size(); i++) {
            SweepPoint point = results.get(i).point();
            if (point.reference() && point.settings().objective() == ObjectiveKind.MSE) {
                return i;
            }
        }
        throw new IllegalArgumentException("a relative gap target needs the plain-mse reference in the sweep");
    }

    /**
     * The validation gap the selection aims for.
     *
     * @param amount an amount in the target's unit squared, or a percentage
     * @param relative whether {@code amount} is a percentage of the plain-MSE reference's validation gap
     */
    public record GapTarget(double amount, boolean relative) {

        /**
         * @param amount the amount or percentage, finite and at least 0
         * @param relative whether it is a percentage
         * @throws IllegalArgumentException if {@code amount} is negative or not finite
         */
        public GapTarget {
            if (!(amount >= 0.0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("target gap must be finite and at least 0, found " + amount);
            }
        }

        /**
         * Reads {@code 0.2} (absolute) or {@code 50%} (of the plain-MSE reference's gap).
         *
         * @param text the text
         * @return the target
         * @throws IllegalArgumentException if the text is neither
         */
        public static GapTarget parse(String text) {
            String trimmed = text.trim();
            boolean relative = trimmed.endsWith("%");
            try {
                return new GapTarget(Double.parseDouble(relative ? trimmed.substring(0, trimmed.length() - 1)
                        : trimmed), relative);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("target gap must be a number or a percentage such as 50%, found '"
                        + text + "'");
            }
        }

        @Override
        public String toString() {
            return relative ? amount + "%" : Double.toString(amount);
        }
    }
}
