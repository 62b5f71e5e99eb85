package org.fairreg.objective;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The choice of objective and its parameters. Immutable: each {@code withX} returns a changed,
 * checked copy. Parameters that the chosen objective does not use are kept but ignored, so that
 * switching objectives keeps them.
 */
public final class ObjectiveSettings {

    private final ObjectiveKind kind;
    private final double lambda;
    private final GapMeasure measure;
    private final GapForm gapForm;
    private final Epsilon epsilon;
    private final double multiplierRate;

    private ObjectiveSettings(Builder b) {
        Objects.requireNonNull(b.kind, "kind");
        Objects.requireNonNull(b.measure, "measure");
        Objects.requireNonNull(b.gapForm, "gapForm");
        Objects.requireNonNull(b.epsilon, "epsilon");
        if (!(b.lambda >= 0.0) || Double.isInfinite(b.lambda)) {
            throw new IllegalArgumentException("lambda must be finite and at least 0, found " + b.lambda);
        }
        if (!(b.multiplierRate > 0.0) || Double.isInfinite(b.multiplierRate)) {
            throw new IllegalArgumentException("multiplierRate must be finite and positive, found "
                    + b.multiplierRate);
        }
        this.kind = b.kind;
        this.lambda = b.lambda;
        this.measure = b.measure;
        this.gapForm = b.gapForm;
        this.epsilon = b.epsilon;
        this.multiplierRate = b.multiplierRate;
    }

    /**
     * @return penalized, lambda 1, range; for the other objectives: squared gap form, epsilon 5%
     *         of the overall MSE, multiplier rate {@value Constrained#DEFAULT_MULTIPLIER_RATE}
     */
    public static ObjectiveSettings defaults() {
        return new ObjectiveSettings(new Builder());
    }

    /**
     * Creates the objective.
     *
     * @param squaredErrorScale factor from squared errors in the target's unit to squared errors
     *        on the scale trained on ({@code 1 / targetScale^2}); converts an absolute epsilon
     * @return a new objective; a constrained one has fresh multipliers
     */
    public Objective create(double squaredErrorScale) {
        switch (kind) {
            case MSE:
                return new MeanSquaredError();
            case GAP:
                return new GroupGap(gapForm);
            case CONSTRAINED:
                return new Constrained(epsilon.scaled(squaredErrorScale), multiplierRate,
                        Constrained.DEFAULT_VIOLATION_WEIGHT);
            default:
                return new Penalized(lambda, measure);
        }
    }

    /** @return the objective and the parameters it uses, such as {@code penalized lambda=1.0 measure=range} */
    public String describe() {
        switch (kind) {
            case MSE:
                return "mse";
            case GAP:
                return "gap form=" + gapForm.id();
            case CONSTRAINED:
                return "constrained epsilon=" + epsilon + " rate=" + multiplierRate;
            default:
                return "penalized lambda=" + lambda + " measure=" + measure.id();
        }
    }

    /** @return which objective */
    public ObjectiveKind kind() {
        return kind;
    }

    /** @return the penalty weight of {@link ObjectiveKind#PENALIZED} */
    public double lambda() {
        return lambda;
    }

    /** @return the gap measure of {@link ObjectiveKind#PENALIZED} */
    public GapMeasure measure() {
        return measure;
    }

    /** @return the gap form of {@link ObjectiveKind#GAP} */
    public GapForm gapForm() {
        return gapForm;
    }

    /** @return the allowed gap of {@link ObjectiveKind#CONSTRAINED}, in the target's unit squared or relative */
    public Epsilon epsilon() {
        return epsilon;
    }

    /** @return the multiplier ascent rate of {@link ObjectiveKind#CONSTRAINED} */
    public double multiplierRate() {
        return multiplierRate;
    }

    /**
     * @param value the objective
     * @return a copy with it
     */
    public ObjectiveSettings withKind(ObjectiveKind value) {
        return with(b -> b.kind = value);
    }

    /**
     * @param value penalty weight, finite and at least 0
     * @return a copy with it
     */
    public ObjectiveSettings withLambda(double value) {
        return with(b -> b.lambda = value);
    }

    /**
     * @param value the gap measure
     * @return a copy with it
     */
    public ObjectiveSettings withMeasure(GapMeasure value) {
        return with(b -> b.measure = value);
    }

    /**
     * @param value the gap form
     * @return a copy with it
     */
    public ObjectiveSettings withGapForm(GapForm value) {
        return with(b -> b.gapForm = value);
    }

    /**
     * @param value the allowed gap
     * @return a copy with it
     */
    public ObjectiveSettings withEpsilon(Epsilon value) {
        return with(b -> b.epsilon = value);
    }

    /**
     * @param value multiplier ascent rate, finite and positive
     * @return a copy with it
     */
    public ObjectiveSettings withMultiplierRate(double value) {
        return with(b -> b.multiplierRate = value);
    }

    @Override
    public String toString() {
        return describe();
    }

    private ObjectiveSettings with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new ObjectiveSettings(b);
    }

    /** Mutable staging area for {@code withX}; never escapes this class. */
    private static final class Builder {
        ObjectiveKind kind = ObjectiveKind.PENALIZED;
        double lambda = 1.0;
        GapMeasure measure = GapMeasure.RANGE;
        GapForm gapForm = GapForm.SQUARED;
        Epsilon epsilon = new Epsilon(5.0, true);
        double multiplierRate = Constrained.DEFAULT_MULTIPLIER_RATE;

        Builder() {
        }

        Builder(ObjectiveSettings s) {
            kind = s.kind;
            lambda = s.lambda;
            measure = s.measure;
            gapForm = s.gapForm;
            epsilon = s.epsilon;
            multiplierRate = s.multiplierRate;
        }
    }
}
