package org.fairreg.metrics;

import java.util.Objects;

/**
 * One group's MSE with its bootstrap interval and small-group flag, as a {@link GroupAudit}
 * reports them. Immutable.
 *
 * @param group the group label
 * @param n the number of examples, at least 1
 * @param mse mean squared error, the same value as the group's {@link GroupMetrics#mse()}
 * @param mseInterval the percentile bootstrap interval of the MSE
 * @param smallGroup whether {@code n} is below the audit's {@link AuditSettings#minGroupRows()}
 */
public record AuditedGroup(String group, long n, double mse, Interval mseInterval, boolean smallGroup) {

    /**
     * @throws NullPointerException if {@code group} or {@code mseInterval} is null
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public AuditedGroup {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mseInterval, "mseInterval");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, found " + n);
        }
    }
}
