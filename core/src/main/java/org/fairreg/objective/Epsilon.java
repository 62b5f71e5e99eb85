package org.fairreg.objective;

/**
 * The allowed difference between two groups' mean squared errors in {@link Constrained}: either
 * absolute, in the target's unit squared, or a fraction of the overall mean squared error
 * ({@code 5%} allows any group to be worse than another by 5% of the overall MSE).
 *
 * @param amount the absolute amount (squared target units) or the percentage, finite, at least 0
 * @param relative whether {@code amount} is a percentage of the overall MSE
 */
public record Epsilon(double amount, boolean relative) {

    /**
     * @param amount the absolute amount or the percentage, finite, at least 0
     * @param relative whether {@code amount} is a percentage of the overall MSE
     * @throws IllegalArgumentException if {@code amount} is negative or not finite
     */
    public Epsilon {
        if (!(amount >= 0.0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("epsilon must be finite and at least 0, found " + amount);
        }
    }

    /**
     * Reads {@code 0.5} (absolute) or {@code 5%} (relative).
     *
     * @param text the text
     * @return the epsilon
     * @throws IllegalArgumentException if the text is neither
     */
    public static Epsilon parse(String text) {
        String trimmed = text.trim();
        boolean relative = trimmed.endsWith("%");
        String number = relative ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
        try {
            double value = Double.parseDouble(number);
            return new Epsilon(value, relative);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("epsilon must be a number (squared target units) or a percentage "
                    + "of the overall MSE such as 5%, found '" + text + "'");
        }
    }

    /**
     * @param overallMeanSquaredError the current overall MSE, on the scale {@code amount} refers to
     * @return the allowed difference on that scale
     */
    public double allowed(double overallMeanSquaredError) {
        return relative ? amount / 100.0 * overallMeanSquaredError : amount;
    }

    /**
     * Rescales an absolute epsilon, as when the target is standardized; a relative one is kept.
     *
     * @param factor the factor applied to squared errors
     * @return the rescaled epsilon
     */
    public Epsilon scaled(double factor) {
        return relative ? this : new Epsilon(amount * factor, false);
    }

    @Override
    public String toString() {
        return relative ? amount + "%" : Double.toString(amount);
    }
}
