package org.fairreg.objective;

import java.util.Arrays;
import java.util.Objects;

/**
 * The recipe's objective, verbatim: the gap between two groups' mean squared errors and nothing
 * else, {@code objective = (e_0 - e_1)^2} or {@code |e_0 - e_1|}.
 *
 * <p>As in the recipe, a group with no example in the batch counts as {@code e_k = 0}, so such a
 * batch pulls the other group's error towards zero. The objective has no term for accuracy: any
 * predictor with equal group errors minimizes it, a useless one included; {@link Penalized} is
 * the objective to use for a model that must also be accurate.
 *
 * <p>With {@code d = e_0 - e_1} and {@code L'(d)} = {@code 2 d} (squared) or {@code sign(d)}
 * (absolute): {@code w_0 = L'(d) / n_0}, {@code w_1 = -L'(d) / n_1}, and {@code w_k = 0} for an
 * absent group. With running factors, {@code d} in {@code L'(d)} is read from them.
 */
public final class GroupGap implements Objective {

    private final GapForm form;

    /**
     * @param form squared or absolute gap
     */
    public GroupGap(GapForm form) {
        this.form = Objects.requireNonNull(form, "form");
    }

    /** @return how the gap enters the objective */
    public GapForm form() {
        return form;
    }

    @Override
    public double value(GroupStatistics statistics) {
        double gap = gap(statistics);
        return form == GapForm.SQUARED ? gap * gap : Math.abs(gap);
    }

    @Override
    public void sumSquaresWeights(GroupStatistics statistics, GroupErrors factors, double[] weights) {
        double gap = gap(factors);
        double slope = form == GapForm.SQUARED ? 2.0 * gap : Math.signum(gap);
        Arrays.fill(weights, 0, statistics.groupCount(), 0.0);
        if (statistics.isPresent(0)) {
            weights[0] = slope / statistics.count(0);
        }
        if (statistics.isPresent(1)) {
            weights[1] = -slope / statistics.count(1);
        }
    }

    @Override
    public void checkGroupCount(int groupCount) {
        if (groupCount != 2) {
            throw new IllegalArgumentException("objective gap compares exactly 2 groups, the data has "
                    + groupCount + "; use objective penalized for other group counts");
        }
    }

    @Override
    public String describe() {
        return "gap form=" + form.id();
    }

    private static double gap(GroupErrors errors) {
        return errors.meanSquaredError(0) - errors.meanSquaredError(1);
    }
}
