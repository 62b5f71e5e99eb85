package org.fairreg.optim;

/**
 * Stochastic gradient descent with classical momentum (Polyak, "Some methods of speeding up the
 * convergence of iteration methods", 1964), in the form Keras uses:
 * <pre>
 *   velocity = momentum * velocity - learningRate * g
 *   p = p + velocity
 * </pre>
 * With {@code momentum = 0} it is plain gradient descent.
 */
public final class SgdMomentum implements Optimizer {

    /** The momentum used when none is given. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double learningRate;
    private final double momentum;
    private final float[] velocity;
    private long steps;

    /**
     * @param parameterCount length of the parameter arrays it will update, at least 1
     * @param learningRate step size, finite and positive
     * @param momentum fraction of the previous velocity kept, in {@code [0, 1)}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public SgdMomentum(int parameterCount, double learningRate, double momentum) {
        OptimizerChecks.parameterCount(parameterCount);
        OptimizerChecks.positive("learningRate", learningRate);
        OptimizerChecks.unitInterval("momentum", momentum);
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.velocity = new float[parameterCount];
    }

    @Override
    public void step(float[] parameters, float[] gradient) {
        OptimizerChecks.lengths(velocity.length, parameters, gradient);
        steps++;
        float rate = (float) learningRate;
        float keep = (float) momentum;
        for (int j = 0; j < parameters.length; j++) {
            float vj = keep * velocity[j] - rate * gradient[j];
            velocity[j] = vj;
            parameters[j] += vj;
        }
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public OptimizerState saveState() {
        return new OptimizerState(steps, new float[][] {velocity});
    }

    @Override
    public void restoreState(OptimizerState state) {
        state.copyInto(velocity);
        steps = state.steps();
    }

    @Override
    public String describe() {
        return "sgd lr=" + learningRate + " momentum=" + momentum;
    }
}
