package org.fairreg.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The constrained objective's multiplier ascent and selection score, by hand. */
class ConstrainedTest {

    private static final double EXACT = 1e-12;

    /** Group 0 has e_0 = 1, group 1 has e_1 = 4; overall MSE 2.5. */
    private static GroupStatistics unequal() {
        GroupStatistics statistics = new GroupStatistics(2);
        statistics.add(0, 1.0);
        statistics.add(1, 2.0);
        return statistics;
    }

    @Test
    void multipliersAscendOnViolationNormalizedByTheMseAndStayNonNegative() {
        Constrained constrained = new Constrained(new Epsilon(1.0, false), 0.5, 10.0);

        constrained.endEpoch(unequal());

        double[][] mu = constrained.multipliers();
        // e_1 - e_0 - 1 = 2 violates: mu_10 = 0.5 * 2 / 2.5; e_0 - e_1 - 1 = -4 keeps mu_01 at 0.
        assertThat(mu[1][0]).isCloseTo(0.4, within(EXACT));
        assertThat(mu[0][1]).isZero();
        assertThat(constrained.describeState()).isEqualTo("mu max 0.4000, 1 active");

        GroupStatistics equal = new GroupStatistics(2);
        equal.add(0, 1.0);
        equal.add(1, 1.0);
        for (int epoch = 0; epoch < 3; epoch++) {
            constrained.endEpoch(equal);
        }
        // Each met epoch lowers mu_10 by 0.5 * 1 / 1 until the projection stops it at 0.
        assertThat(constrained.multipliers()[1][0]).isZero();
    }

    @Test
    void aRelativeEpsilonIsAShareOfTheOverallMse() {
        Constrained constrained = new Constrained(new Epsilon(40, true), 1.0, 10.0);
        constrained.endEpoch(unequal());
        // allowed = 0.4 * 2.5 = 1: the same violation of 2.
        assertThat(constrained.multipliers()[1][0]).isCloseTo(2.0 / 2.5, within(EXACT));
    }

    @Test
    void selectionScoreAddsWeightedViolationOnly() {
        Constrained loose = new Constrained(new Epsilon(5.0, false), 1.0, 10.0);
        Constrained tight = new Constrained(new Epsilon(1.0, false), 1.0, 10.0);
        assertThat(loose.selectionScore(unequal())).isCloseTo(2.5, within(EXACT));
        assertThat(tight.selectionScore(unequal())).isCloseTo(2.5 + 10.0 * 2.0, within(EXACT));
    }

    @Test
    void epsilonReadsAmountsAndPercentages() {
        assertThat(Epsilon.parse("0.25")).isEqualTo(new Epsilon(0.25, false));
        assertThat(Epsilon.parse("5%")).isEqualTo(new Epsilon(5, true));
        assertThat(Epsilon.parse("7%").toString()).isEqualTo("7.0%");
        assertThat(Epsilon.parse(Epsilon.parse("7%").toString())).isEqualTo(Epsilon.parse("7%"));
        assertThat(new Epsilon(2.0, false).scaled(0.5)).isEqualTo(new Epsilon(1.0, false));
        assertThat(new Epsilon(2.0, true).scaled(0.5)).isEqualTo(new Epsilon(2.0, true));
        assertThatThrownBy(() -> Epsilon.parse("five")).hasMessageContaining("'five'");
        assertThatThrownBy(() -> Epsilon.parse("-1")).hasMessageContaining("-1.0");
    }
}
