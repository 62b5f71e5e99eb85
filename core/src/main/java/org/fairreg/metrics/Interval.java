package org.fairreg.metrics;

/**
 * A confidence interval {@code [lower, upper]} of a figure. Immutable.
 *
 * <p>Both bounds are NaN when the figure could not be resampled (some residual is not finite).
 *
 * @param lower the lower bound, in the figure's unit
 * @param upper the upper bound, in the figure's unit, at least {@code lower}
 */
public record Interval(double lower, double upper) {

    /** The interval of a figure that could not be resampled. */
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    /**
     * @throws IllegalArgumentException if {@code upper} is below {@code lower}, or exactly one
     *         bound is NaN
     */
    public Interval {
        if (upper < lower || Double.isNaN(lower) != Double.isNaN(upper)) {
            throw new IllegalArgumentException("upper must be at least lower, found lower " + lower
                    + " and upper " + upper);
        }
    }

    /** @return whether both bounds are finite numbers */
    public boolean isFinite() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /**
     * @param value a value of the figure
     * @return whether {@code lower <= value <= upper}; false for NaN bounds or value
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
