package org.fairreg.optim;

/**
 * Updates parameters in place from their gradient, keeping whatever state the method needs.
 *
 * <p>Lifecycle: an optimizer is created for one parameter array of a fixed length, allocates its
 * state then, and is called once per batch with that array and its gradient; the step count
 * starts at 0 and grows by one per call. Not thread-safe.
 */
public interface Optimizer {

    /**
     * Makes one update.
     *
     * @param parameters the parameters; modified
     * @param gradient the objective's gradient with respect to each parameter, same length
     * @throws IllegalArgumentException if a length differs from the one the optimizer was made for
     */
    void step(float[] parameters, float[] gradient);

    /** @return the number of steps made so far */
    long stepCount();

    /** @return the method and its settings, such as {@code adam lr=0.001} */
    String describe();

    /** @return a copy of the step count and the buffers, for a checkpoint */
    OptimizerState saveState();

    /**
     * Continues from a saved state: the next step is the one that followed it.
     *
     * @param state a state saved by an optimizer of the same kind and parameter count
     * @throws IllegalArgumentException if the state does not fit this optimizer
     */
    void restoreState(OptimizerState state);
}
