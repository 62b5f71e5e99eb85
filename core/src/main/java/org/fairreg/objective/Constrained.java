package org.fairreg.objective;

import java.util.Locale;
import java.util.Objects;

/**
 * Accuracy under a fairness constraint: minimize the mean squared error subject to
 * {@code e_j - e_k <= epsilon} for every ordered pair of groups, that is, no group's error
 * exceeds another's by more than {@code epsilon}. Bounding group losses follows Agarwal, Dudík
 * and Wu, "Fair Regression: Quantitative Definitions and Reduction-Based Algorithms" (ICML 2019);
 * this class solves it with a Lagrangian and projected ascent on the multipliers (Arrow, Hurwicz
 * and Uzawa's primal-dual iteration) and returns one deterministic model, not a randomized
 * mixture of models as their reduction does.
 *
 * <p>Lagrangian: {@code L = MSE + sum_{j != k} mu_jk (e_j - e_k - epsilon)} with
 * {@code mu_jk >= 0}. Each step descends it in the weights, the allowance held fixed:
 * {@code w_k = 1 / n + (sum_j mu_kj - sum_j mu_jk) / n_k}. A relative allowance is a share of
 * the MSE; letting the step follow it would reward a higher MSE for a looser constraint, so it is
 * only re-measured between epochs, by the ascent and by the choice of epoch. After each epoch each multiplier ascends on its constraint's
 * violation over the epoch's training errors (a last-pass estimate), normalized by the overall
 * MSE so that the rate is a pure number: {@code mu_jk = max(0, mu_jk + rate (e_j - e_k -
 * epsilon) / MSE)}.
 *
 * <p>The reported objective is the batch MSE. Early stopping and the choice of the kept epoch
 * rank epochs on the validation set: every epoch that meets the constraint ranks above every
 * epoch that does not, and among those that meet it the lowest MSE wins; among those that do not,
 * the lowest {@code MSE + violationWeight * max(0, gap - epsilon)} wins, with {@code gap} the
 * largest minus the smallest group error. Ranking by MSE alone keeps accurate epochs that break
 * the constraint; ranking by violation alone keeps useless ones that meet it only because every
 * group is equally bad; this rule keeps neither while any epoch meets the constraint.
 *
 * <p>Holds the multipliers: one instance per run, not thread-safe.
 */
public final class Constrained implements Objective {

    /** The multiplier ascent rate when none is given. */
    public static final double DEFAULT_MULTIPLIER_RATE = 0.1;
    /** Units of MSE one unit of validation violation costs in the selection score, by default. */
    public static final double DEFAULT_VIOLATION_WEIGHT = 10.0;

    private final Epsilon epsilon;
    private final double multiplierRate;
    private final double violationWeight;
    private double[][] multipliers = new double[0][0];

    /**
     * @param epsilon the allowed difference, on the scale of the errors trained on
     * @param multiplierRate the ascent rate of the multipliers per epoch, finite and positive
     * @param violationWeight the cost of one unit of violation in the selection score, at least 0
     * @throws IllegalArgumentException if a rate or weight is out of range
     */
    public Constrained(Epsilon epsilon, double multiplierRate, double violationWeight) {
        if (!(multiplierRate > 0.0) || Double.isInfinite(multiplierRate)) {
            throw new IllegalArgumentException("multiplierRate must be finite and positive, found " + multiplierRate);
        }
        if (!(violationWeight >= 0.0) || Double.isInfinite(violationWeight)) {
            throw new IllegalArgumentException("violationWeight must be finite and at least 0, found "
                    + violationWeight);
        }
        this.epsilon = Objects.requireNonNull(epsilon, "epsilon");
        this.multiplierRate = multiplierRate;
        this.violationWeight = violationWeight;
    }

    @Override
    public double value(GroupStatistics statistics) {
        return statistics.overallMeanSquaredError();
    }

    @Override
    public void sumSquaresWeights(GroupStatistics statistics, GroupErrors factors, double[] weights) {
        int groupCount = statistics.groupCount();
        ensureMultipliers(groupCount);
        long n = statistics.totalCount();
        double base = n == 0 ? 0.0 : 1.0 / n;
        for (int k = 0; k < groupCount; k++) {
            if (!statistics.isPresent(k)) {
                weights[k] = 0.0;
                continue;
            }
            double slope = 0.0;
            for (int j = 0; j < groupCount; j++) {
                slope += multipliers[k][j] - multipliers[j][k];
            }
            weights[k] = base + slope / statistics.count(k);
        }
    }

    @Override
    public double selectionScore(GroupStatistics validation) {
        double gap = GapMeasure.RANGE.value(validation);
        double allowed = epsilon.allowed(validation.overallMeanSquaredError());
        return validation.overallMeanSquaredError() + violationWeight * Math.max(0.0, gap - allowed);
    }

    @Override
    public boolean meetsConstraints(GroupStatistics validation) {
        return GapMeasure.RANGE.value(validation) <= epsilon.allowed(validation.overallMeanSquaredError());
    }

    @Override
    public void endEpoch(GroupErrors epochErrors) {
        int groupCount = epochErrors.groupCount();
        ensureMultipliers(groupCount);
        double mse = epochErrors.overallMeanSquaredError();
        if (!(mse > 0.0)) {
            return;
        }
        double allowed = epsilon.allowed(mse);
        for (int j = 0; j < groupCount; j++) {
            for (int k = 0; k < groupCount; k++) {
                if (j != k && epochErrors.isPresent(j) && epochErrors.isPresent(k)) {
                    double violation = epochErrors.meanSquaredError(j) - epochErrors.meanSquaredError(k) - allowed;
                    multipliers[j][k] = Math.max(0.0, multipliers[j][k] + multiplierRate * violation / mse);
                }
            }
        }
    }

    /** @return the largest multiplier and how many are positive, such as {@code mu max 0.41, 1 active} */
    @Override
    public String describeState() {
        double largest = 0.0;
        int active = 0;
        for (double[] row : multipliers) {
            for (double mu : row) {
                largest = Math.max(largest, mu);
                active += mu > 0.0 ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "mu max %.4g, %d active", largest, active);
    }

    /** @return the multipliers row by row, {@code K * K} values for {@code K} groups */
    @Override
    public double[] saveState() {
        int groupCount = multipliers.length;
        double[] state = new double[groupCount * groupCount];
        for (int j = 0; j < groupCount; j++) {
            System.arraycopy(multipliers[j], 0, state, j * groupCount, groupCount);
        }
        return state;
    }

    @Override
    public void restoreState(double[] state) {
        int groupCount = (int) Math.round(Math.sqrt(state.length));
        if (groupCount * groupCount != state.length) {
            throw new IllegalArgumentException("multipliers come as K * K values, found " + state.length);
        }
        for (double multiplier : state) {
            if (!(multiplier >= 0.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multipliers must be finite and at least 0, found " + multiplier);
            }
        }
        multipliers = new double[groupCount][groupCount];
        for (int j = 0; j < groupCount; j++) {
            System.arraycopy(state, j * groupCount, multipliers[j], 0, groupCount);
        }
    }

    /**
     * @return a copy of the multipliers, {@code [j][k]} for the constraint {@code e_j - e_k <=
     *         epsilon}
     */
    public double[][] multipliers() {
        double[][] copy = new double[multipliers.length][];
        for (int j = 0; j < copy.length; j++) {
            copy[j] = multipliers[j].clone();
        }
        return copy;
    }

    @Override
    public void checkGroupCount(int groupCount) {
        if (groupCount < 2) {
            throw new IllegalArgumentException("objective constrained needs at least 2 groups, the data has "
                    + groupCount);
        }
    }

    @Override
    public String describe() {
        return "constrained epsilon=" + epsilon + " rate=" + multiplierRate;
    }

    private void ensureMultipliers(int groupCount) {
        if (multipliers.length != groupCount) {
            multipliers = new double[groupCount][groupCount];
        }
    }
}
