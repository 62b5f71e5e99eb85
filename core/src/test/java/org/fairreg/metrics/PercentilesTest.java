package org.fairreg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    /** Each expected value takes one or two roundings of numbers of order 1. */
    private static final double HAND_TOLERANCE = 1e-15;

    @Test
    void ofSortedInterpolatesBetweenOrderStatisticsAsNumpyPercentile() {
        double[] sorted = {1, 2, 3, 4};

        // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 90, 100]) = [1, 1.75, 2.5, 3.7, 4]
        assertThat(Percentiles.ofSorted(sorted, 0.0)).isEqualTo(1.0);
        assertThat(Percentiles.ofSorted(sorted, 0.25)).isCloseTo(1.75, within(HAND_TOLERANCE));
        assertThat(Percentiles.ofSorted(sorted, 0.5)).isCloseTo(2.5, within(HAND_TOLERANCE));
        assertThat(Percentiles.ofSorted(sorted, 0.9)).isCloseTo(3.7, within(HAND_TOLERANCE));
        assertThat(Percentiles.ofSorted(sorted, 1.0)).isEqualTo(4.0);
    }

    @Test
    void ofSortedOfOneValueIsThatValue() {
        assertThat(Percentiles.ofSorted(new double[] {5}, 0.025)).isEqualTo(5.0);
        assertThat(Percentiles.ofSorted(new double[] {5}, 0.975)).isEqualTo(5.0);
    }

    @Test
    void ofSortedBetweenEqualInfinitiesIsThatInfinity() {
        // Interpolating gives inf + 0.5 * (inf - inf) = NaN; equal neighbors are returned as they are.
        double[] sorted = {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};

        assertThat(Percentiles.ofSorted(sorted, 0.75)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void intervalSortsInPlaceAndTakesEqualTails() {
        double[] replicates = {4, 1, 3, 2};

        Interval interval = Percentiles.intervalSortingInPlace(replicates, 0.5);

        assertThat(replicates).containsExactly(1, 2, 3, 4);
        assertThat(interval.lower()).isCloseTo(1.75, within(HAND_TOLERANCE));
        assertThat(interval.upper()).isCloseTo(3.25, within(HAND_TOLERANCE));
    }
}
