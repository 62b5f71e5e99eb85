package org.fairreg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Axes cover their values with short, round tick labels. */
class AxisTest {

    private static List<String> ticks(Axis axis) {
        return axis.ticks().stream().map(BigDecimal::toPlainString).toList();
    }

    @Test
    void ticksAreRoundDecimalsWithoutBinaryNoise() {
        Axis axis = Axis.covering(new double[] {0.12, 0.52}, false);

        assertThat(ticks(axis)).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6");
    }

    @Test
    void theRangeCoversEveryFiniteValueAndIgnoresTheOthers() {
        Axis axis = Axis.covering(new double[] {1.61, Double.NaN, 3.44, Double.POSITIVE_INFINITY}, false);

        assertThat(ticks(axis)).containsExactly("1.5", "2", "2.5", "3", "3.5");
        assertThat(axis.fraction(1.5)).isZero();
        assertThat(axis.fraction(3.5)).isEqualTo(1.0);
    }

    @Test
    void barsStartAtZero() {
        assertThat(ticks(Axis.covering(new double[] {1.23, 3.58, 4.3}, true)))
                .containsExactly("0", "1", "2", "3", "4", "5");
    }

    @Test
    void equalValuesStillGiveARange() {
        assertThat(Axis.covering(new double[] {2.0, 2.0}, false).lower().doubleValue()).isLessThan(2.0);
        assertThat(Axis.covering(new double[] {2.0, 2.0}, false).upper().doubleValue()).isGreaterThan(2.0);
        assertThat(ticks(Axis.covering(new double[] {0.0}, true)).get(0)).isEqualTo("0");
        assertThat(ticks(Axis.covering(new double[] {Double.NaN}, false))).first().isEqualTo("0");
    }

    @Test
    void anEpochAxisHasWholeSteps() {
        assertThat(ticks(Axis.coveringCount(3))).containsExactly("0", "1", "2", "3");
        assertThat(ticks(Axis.coveringCount(12))).containsExactly("0", "5", "10", "15");
        assertThat(ticks(Axis.coveringCount(1))).containsExactly("0", "1");
    }
}
