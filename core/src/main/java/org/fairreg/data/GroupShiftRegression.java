package org.fairreg.data;

import org.fairreg.random.LegacyRandom;

/**
 * A synthetic regression problem in which the groups really differ: groups of unequal sizes
 * whose targets depend on the features in different ways, while the features themselves say
 * nothing about the group.
 *
 * <p>With {@code n} examples, {@code p} features, {@code K} groups of shares
 * {@code pi_0 .. pi_{K-1}}, noise {@code sigma}, shift {@code delta}, curvature {@code gamma} and
 * noise ratio {@code rho} (all from {@link GroupShiftSettings}), one {@link LegacyRandom} seeded
 * with the seed draws, in this order:
 * <ol>
 *   <li>the base coefficients {@code b[f] = standardNormal()}, {@code f = 0 .. p-1};</li>
 *   <li>for {@code k = 1 .. K-1}, then {@code f = 0 .. p-1}: {@code v[k][f] = standardNormal()};
 *       the coefficients of group {@code k} are {@code beta[k][f] = b[f] + delta * v[k][f]}, and
 *       {@code beta[0] = b};</li>
 *   <li>for each example {@code e}: {@code u[e] = randomSample()}, and its group {@code g[e]} is
 *       the number of {@code k} in {@code 0 .. K-2} with {@code c[k] <= u[e]}, where
 *       {@code c[k] = pi_0 + ... + pi_k} summed from the left; so group {@code k} has
 *       probability {@code pi_k}, the last group taking whatever rounding leaves;</li>
 *   <li>the features {@code X[e][f] = standardNormal()}, drawn example by example, feature by
 *       feature within an example;</li>
 *   <li>the noise draws {@code z[e] = standardNormal()}, example by example.</li>
 * </ol>
 * With {@code gamma_0 = 0}, {@code gamma_k = gamma}, {@code sigma_0 = sigma},
 * {@code sigma_k = rho * sigma} and {@code j_k = k mod p} for {@code k >= 1}, and
 * {@code k = g[e]}, the target is
 * <pre>
 *   y[e] = (sum_f X[e][f] * beta[k][f]) + gamma_k * (X[e][j_k] * X[e][j_k] - 1) + sigma_k * z[e]
 * </pre>
 * the sum taken in order of {@code f} from 0.0 and the three terms added left to right. Group 0
 * follows the base linear model, whatever its share; every other group has its own
 * coefficients, a curved term in one feature and more noise (for {@code rho > 1}).
 *
 * <p>The same recipe in numpy gives the same groups, and coefficients, features, noise and targets
 * equal but for the last few bits of some values ({@link LegacyRandom#standardNormal()} explains
 * why normal variates can differ there; on the default data the largest relative difference of a
 * target is below 1e-13, on targets near 0):
 * <pre>
 *   rs = np.random.RandomState(seed)
 *   b = rs.standard_normal(p)
 *   beta = np.vstack([b] + [b + delta * rs.standard_normal(p) for k in range(1, K)])
 *   g = np.searchsorted(np.cumsum(shares)[:-1], rs.random_sample(n), side='right')
 *   X = rs.standard_normal((n, p))
 *   z = rs.standard_normal(n)
 *   gam = np.array([0.0] + [gamma] * (K - 1))
 *   sig = np.array([sigma] + [rho * sigma] * (K - 1))
 *   xj = X[np.arange(n), (np.arange(K) % p)[g]]
 *   lin = np.zeros(n)
 *   for f in range(p):
 *       lin += X[:, f] * beta[g, f]
 *   y = lin + gam[g] * (xj * xj - 1.0) + sig[g] * z
 * </pre>
 *
 * <p>Why it is built this way. The features have the same distribution in every group and are
 * drawn independently of it, so no function of the features recovers the group: a model that is
 * not given the group can do no better than the share-weighted mean of the group functions,
 * {@code f*(x) = sum_k pi_k f_k(x)}. For two groups with {@code D = E[(f_1(x) - f_0(x))^2]}, group
 * 0 then keeps an error of {@code pi_1^2 D + sigma_0^2} and group 1 of
 * {@code pi_0^2 D + sigma_1^2}: with shares 0.8 and 0.2 the minority's excess error is 16 times
 * the majority's, and no amount of data removes it. Here
 * {@code D = delta^2 |v_1|^2 + 2 gamma^2}: the curved term {@code x^2 - 1} has mean 0 and
 * variance 2 for a standard normal {@code x} and is uncorrelated with every feature, so a linear
 * fit absorbs none of it. The coefficients are drawn first so that the true model depends only
 * on the seed, {@code p}, {@code K} and the shift, not on the number of examples.
 *
 * <p>Instances are immutable and thread-safe; accessors return copies.
 */
public final class GroupShiftRegression extends GeneratedColumns {

    private final GroupShiftSettings settings;
    /** {@code coefficients[k][f]}: coefficient of feature {@code f} in group {@code k}. */
    private final double[][] coefficients;
    /** {@code noiseTerms[e]}: the noise added to the target of example {@code e}. */
    private final double[] noiseTerms;

    private GroupShiftRegression(
            GroupShiftSettings settings,
            double[][] features,
            double[] targets,
            double[][] coefficients,
            int[] groups,
            double[] noiseTerms) {
        super(features, targets, groups);
        this.settings = settings;
        this.coefficients = coefficients;
        this.noiseTerms = noiseTerms;
    }

    /**
     * Generates the problem described in the class documentation.
     *
     * @param settings the size, shares, effect sizes, noise and seed; already checked by
     *        construction
     * @return the problem
     */
    public static GroupShiftRegression generate(GroupShiftSettings settings) {
        int exampleCount = settings.exampleCount();
        int featureCount = settings.featureCount();
        LegacyRandom random = new LegacyRandom(settings.seed());

        double[][] coefficients = drawCoefficients(random, settings);
        int[] groups = drawGroups(random, exampleCount, settings.shares());
        double[][] features = new double[featureCount][exampleCount];
        for (int e = 0; e < exampleCount; e++) {
            for (int f = 0; f < featureCount; f++) {
                features[f][e] = random.standardNormal();
            }
        }
        double[] noiseTerms = new double[exampleCount];
        for (int e = 0; e < exampleCount; e++) {
            noiseTerms[e] = noiseScale(settings, groups[e]) * random.standardNormal();
        }

        GroupShiftRegression problem = new GroupShiftRegression(
                settings, features, new double[exampleCount], coefficients, groups, noiseTerms);
        problem.computeTargets();
        return problem;
    }

    /** @return the settings the problem was generated from */
    public GroupShiftSettings settings() {
        return settings;
    }

    @Override
    public int groupCount() {
        return coefficients.length;
    }

    /**
     * @param group a group code, from 0 to {@code groupCount() - 1}
     * @return a copy of that group's coefficients {@code beta[k]}, one per feature; those of
     *         group 0 are the base coefficients
     */
    public double[] coefficients(int group) {
        return coefficients[group].clone();
    }

    /**
     * @param group a group code, from 0 to {@code groupCount() - 1}
     * @return the weight {@code gamma_k} of the curved term in that group's targets: 0 for group
     *         0, the settings' curvature for the others
     */
    public double curvature(int group) {
        return group == 0 ? 0.0 : settings.curvature();
    }

    /**
     * @param group a group code, from 0 to {@code groupCount() - 1}
     * @return the feature {@code j_k = k mod p} whose square makes that group's curved term;
     *         for group 0, whose curvature is 0, the formula gives feature 0
     */
    public int curvedFeature(int group) {
        return group % features.length;
    }

    /**
     * @param group a group code, from 0 to {@code groupCount() - 1}
     * @return the standard deviation {@code sigma_k} of that group's noise, in the target's unit
     */
    public double noiseScale(int group) {
        return noiseScale(settings, group);
    }

    /**
     * @return a copy of the noise added to each target, {@code sigma_k * z[e]} for the group
     *         {@code k} of example {@code e}
     */
    public double[] noise() {
        return noiseTerms.clone();
    }

    private static double noiseScale(GroupShiftSettings settings, int group) {
        return group == 0 ? settings.noise() : settings.noiseRatio() * settings.noise();
    }

    /** Draws {@code b}, then {@code v[k]} group by group, and returns {@code beta[k][f]}. */
    private static double[][] drawCoefficients(LegacyRandom random, GroupShiftSettings settings) {
        int featureCount = settings.featureCount();
        double shift = settings.shift();
        double[][] coefficients = new double[settings.groupCount()][featureCount];
        double[] base = coefficients[0];
        for (int f = 0; f < featureCount; f++) {
            base[f] = random.standardNormal();
        }
        for (int k = 1; k < coefficients.length; k++) {
            for (int f = 0; f < featureCount; f++) {
                coefficients[k][f] = base[f] + shift * random.standardNormal();
            }
        }
        return coefficients;
    }

    /** Draws one uniform per example and finds its group among the cumulative shares. */
    private static int[] drawGroups(LegacyRandom random, int exampleCount, double[] shares) {
        // Thresholds c[0 .. K-2]; the last cumulative share is left out so that a sum that rounds
        // below 1 cannot leave a uniform draw without a group.
        double[] thresholds = new double[shares.length - 1];
        double cumulative = 0.0;
        for (int k = 0; k < thresholds.length; k++) {
            cumulative += shares[k];
            thresholds[k] = cumulative;
        }
        int[] groups = new int[exampleCount];
        for (int e = 0; e < exampleCount; e++) {
            double u = random.randomSample();
            int group = 0;
            while (group < thresholds.length && thresholds[group] <= u) {
                group++;
            }
            groups[e] = group;
        }
        return groups;
    }

    /** Fills {@link #targets} from the features, coefficients and noise, as the formula says. */
    private void computeTargets() {
        int featureCount = features.length;
        for (int e = 0; e < targets.length; e++) {
            int group = groups[e];
            double[] beta = coefficients[group];
            double linear = 0.0;
            for (int f = 0; f < featureCount; f++) {
                linear += features[f][e] * beta[f];
            }
            double curved = features[curvedFeature(group)][e];
            targets[e] = linear + curvature(group) * (curved * curved - 1.0) + noiseTerms[e];
        }
    }
}
