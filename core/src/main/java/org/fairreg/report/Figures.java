package org.fairreg.report;

import java.math.BigDecimal;
import java.util.Locale;

import org.fairreg.metrics.Interval;

/**
 * How the pages write numbers: six significant digits as the command line's tables do, in
 * {@link Locale#ROOT} so that a page reads the same on every machine, and {@code n/a} for a
 * figure that could not be computed.
 */
final class Figures {

    /** Written for NaN: a figure that could not be computed. */
    static final String NOT_AVAILABLE = "n/a";

    private Figures() {
    }

    /**
     * @param value a figure
     * @return six significant digits, {@code n/a} for NaN, {@code Infinity} for an infinite ratio
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return NOT_AVAILABLE;
        }
        return Double.isInfinite(value) ? Double.toString(value) : String.format(Locale.ROOT, "%.6g", value);
    }

    /**
     * @param value a p-value
     * @return three significant digits, {@code n/a} for NaN
     */
    static String pValue(double value) {
        return Double.isNaN(value) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.3g", value);
    }

    /**
     * @param interval an interval
     * @return {@code [lower, upper]} with six significant digits, {@code n/a} when undefined
     */
    static String interval(Interval interval) {
        return interval.isFinite() ? "[" + number(interval.lower()) + ", " + number(interval.upper()) + "]"
                : NOT_AVAILABLE;
    }

    /**
     * @param interval an interval
     * @return {@code [lower, upper]} with four significant digits, as the command line's frontier
     *         table writes it, {@code n/a} when undefined
     */
    static String shortInterval(Interval interval) {
        return interval.isFinite()
                ? String.format(Locale.ROOT, "[%.4g, %.4g]", interval.lower(), interval.upper())
                : NOT_AVAILABLE;
    }

    /**
     * @param level a level such as 0.95
     * @return it as a percentage such as {@code 95%}, in decimal so that 0.975 stays {@code 97.5%}
     */
    static String percent(double level) {
        return new BigDecimal(Double.toString(level)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
