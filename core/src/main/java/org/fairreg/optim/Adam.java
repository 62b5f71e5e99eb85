package org.fairreg.optim;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), computed as
 * Keras computes it.
 *
 * <p>At step {@code t = 1, 2, ...}, for every parameter {@code p} with gradient {@code g}:
 * <pre>
 *   m = m + (g - m) (1 - beta1)
 *   v = v + (g^2 - v) (1 - beta2)
 *   alpha = learningRate * sqrt(1 - beta2^t) / (1 - beta1^t)
 *   p = p - alpha * m / (sqrt(v) + epsilon)
 * </pre>
 * The bias correction is folded into {@code alpha}, so {@code epsilon} is added to the
 * uncorrected {@code sqrt(v)}; this is the paper's "efficient" ordering of section 2 and the one
 * Keras uses, which matters while {@code v} is small. Moments are {@code float} like the
 * parameters; {@code alpha} is computed in {@code double} with {@code StrictMath.pow}, whose
 * result is the same on every JVM, so a seed gives the same model everywhere.
 */
public final class Adam implements Optimizer {

    /** Keras's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Keras's default decay of the first moment. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Keras's default decay of the second moment. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Keras's default epsilon (TensorFlow's own Adam uses 1e-8). */
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final float[] firstMoment;
    private final float[] secondMoment;
    private long steps;

    /**
     * Creates Adam with the Keras defaults and the given learning rate.
     *
     * @param parameterCount length of the parameter arrays it will update, at least 1
     * @param learningRate step size, finite and positive
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Adam(int parameterCount, double learningRate) {
        this(parameterCount, learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * @param parameterCount length of the parameter arrays it will update, at least 1
     * @param learningRate step size, finite and positive
     * @param beta1 decay of the first moment, in {@code [0, 1)}
     * @param beta2 decay of the second moment, in {@code [0, 1)}
     * @param epsilon added to the root of the second moment, finite and positive
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Adam(int parameterCount, double learningRate, double beta1, double beta2, double epsilon) {
        OptimizerChecks.parameterCount(parameterCount);
        OptimizerChecks.positive("learningRate", learningRate);
        OptimizerChecks.unitInterval("beta1", beta1);
        OptimizerChecks.unitInterval("beta2", beta2);
        OptimizerChecks.positive("epsilon", epsilon);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.firstMoment = new float[parameterCount];
        this.secondMoment = new float[parameterCount];
    }

    @Override
    public void step(float[] parameters, float[] gradient) {
        OptimizerChecks.lengths(firstMoment.length, parameters, gradient);
        steps++;
        double alpha = learningRate * Math.sqrt(1.0 - StrictMath.pow(beta2, steps))
                / (1.0 - StrictMath.pow(beta1, steps));
        float stepSize = (float) alpha;
        float keep1 = (float) (1.0 - beta1);
        float keep2 = (float) (1.0 - beta2);
        float eps = (float) epsilon;
        float[] m = firstMoment;
        float[] v = secondMoment;
        for (int j = 0; j < parameters.length; j++) {
            float g = gradient[j];
            float mj = m[j] + (g - m[j]) * keep1;
            float vj = v[j] + (g * g - v[j]) * keep2;
            m[j] = mj;
            v[j] = vj;
            parameters[j] -= stepSize * mj / ((float) Math.sqrt(vj) + eps);
        }
    }

    @Override
    public long stepCount() {
        return steps;
    }

    @Override
    public OptimizerState saveState() {
        return new OptimizerState(steps, new float[][] {firstMoment, secondMoment});
    }

    @Override
    public void restoreState(OptimizerState state) {
        state.copyInto(firstMoment, secondMoment);
        steps = state.steps();
    }

    @Override
    public String describe() {
        return "adam lr=" + learningRate + " beta1=" + beta1 + " beta2=" + beta2 + " epsilon=" + epsilon;
    }
}
