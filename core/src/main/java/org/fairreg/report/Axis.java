package org.fairreg.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis: a range from {@code lower} to {@code upper} with ticks every {@code step}, the
 * step 1, 2 or 5 times a power of ten so that tick labels stay short, and both ends on ticks.
 *
 * <p>Ticks are computed in decimal ({@link BigDecimal}) so that a label reads {@code 0.3}, not
 * {@code 0.30000000000000004}.
 *
 * @param lower the smallest value shown, a multiple of {@code step}
 * @param upper the largest value shown, a multiple of {@code step}, above {@code lower}
 * @param step the distance between ticks, positive
 */
record Axis(BigDecimal lower, BigDecimal upper, BigDecimal step) {

    /** About this many intervals between ticks; fewer for narrow ranges of whole steps. */
    private static final int TARGET_INTERVALS = 5;

    /**
     * The axis that covers the finite values given, with a margin of at most one step.
     *
     * @param values the values to show; NaN and infinities are ignored
     * @param includeZero whether 0 must be in the range, as bars starting at 0 need
     * @return the axis; {@code [0, 1]} when no value is finite
     */
    static Axis covering(double[] values, boolean includeZero) {
        double min = includeZero ? 0.0 : Double.POSITIVE_INFINITY;
        double max = includeZero ? 0.0 : Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min > max) {
            min = 0.0;
            max = 1.0;
        }
        if (min == max) {
            // With zero included, equal ends are both 0: the range then starts there.
            double pad = min == 0.0 ? 1.0 : Math.abs(min) * 0.1;
            max += pad;
            if (!includeZero) {
                min -= pad;
            }
        }
        BigDecimal step = niceStep((max - min) / TARGET_INTERVALS);
        BigDecimal lower = floorToStep(new BigDecimal(min), step);
        BigDecimal upper = floorToStep(new BigDecimal(max), step);
        if (upper.compareTo(new BigDecimal(max)) < 0 || upper.compareTo(lower) == 0) {
            upper = upper.add(step);
        }
        return new Axis(lower, upper, step);
    }

    /**
     * The axis from 0 that covers a count, such as the last epoch, with whole steps only.
     *
     * @param max the largest count, at least 1
     * @return the axis
     */
    static Axis coveringCount(int max) {
        BigDecimal step = niceStep(Math.max(max, 1) / (double) TARGET_INTERVALS).max(BigDecimal.ONE);
        BigDecimal upper = floorToStep(BigDecimal.valueOf(max), step);
        if (upper.compareTo(BigDecimal.valueOf(max)) < 0 || upper.signum() == 0) {
            upper = upper.add(step);
        }
        return new Axis(BigDecimal.ZERO, upper, step);
    }

    /** @return the tick values from {@code lower} to {@code upper}, in order */
    List<BigDecimal> ticks() {
        List<BigDecimal> ticks = new ArrayList<>();
        for (BigDecimal tick = lower; tick.compareTo(upper) <= 0; tick = tick.add(step)) {
            ticks.add(tick.stripTrailingZeros());
        }
        return ticks;
    }

    /**
     * @param value a value
     * @return where it lies from {@code lower} (0) to {@code upper} (1); outside [0, 1] off the axis
     */
    double fraction(double value) {
        double low = lower.doubleValue();
        return (value - low) / (upper.doubleValue() - low);
    }

    /** @return 1, 2 or 5 times the power of ten that brings {@code rough} closest from above */
    private static BigDecimal niceStep(double rough) {
        int exponent = (int) Math.floor(Math.log10(rough));
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        double mantissa = rough / power.doubleValue();
        int factor = mantissa <= 1.0 ? 1 : mantissa <= 2.0 ? 2 : mantissa <= 5.0 ? 5 : 10;
        return power.multiply(BigDecimal.valueOf(factor)).stripTrailingZeros();
    }

    private static BigDecimal floorToStep(BigDecimal value, BigDecimal step) {
        BigDecimal steps = value.divide(step, 0, RoundingMode.FLOOR);
        return steps.multiply(step);
    }
}
