package org.fairreg.optim;

import org.fairreg.util.NamedChoice;

/** The optimizers that can be chosen by name. */
public enum OptimizerKind implements NamedChoice {

    /** {@link Adam} with the Keras defaults. */
    ADAM,

    /** {@link SgdMomentum}. */
    SGD;

    /**
     * Creates an optimizer of this kind.
     *
     * @param parameterCount length of the parameter arrays it will update
     * @param learningRate step size, finite and positive
     * @param momentum momentum for {@link #SGD}, in {@code [0, 1)}; ignored by {@link #ADAM}
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Optimizer create(int parameterCount, double learningRate, double momentum) {
        return this == ADAM
                ? new Adam(parameterCount, learningRate)
                : new SgdMomentum(parameterCount, learningRate, momentum);
    }

    /**
     * @param id a name as returned by {@link #id()}, in any case
     * @return the constant with that name
     * @throws IllegalArgumentException if none has it
     */
    public static OptimizerKind fromId(String id) {
        return NamedChoice.fromId(OptimizerKind.class, "optimizer", id);
    }
}
