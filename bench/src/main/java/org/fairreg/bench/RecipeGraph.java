package org.fairreg.bench;

import org.fairreg.model.Architecture;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The recipe as a TensorFlow graph: the network, the gap loss and one Adam step.
 *
 * <p>With residual {@code r_b = prediction_b - target_b} and {@code m_kb = 1} when example
 * {@code b} of the batch is in group {@code k} (else 0), the loss is
 * <pre>
 *   n_k = sum_b m_kb,   S_k = sum_b m_kb r_b^2,   e_k = S_k / max(n_k, 1),   loss = (e_0 - e_1)^2
 * </pre>
 * so a group absent from the batch has {@code S_k = 0} and {@code e_k = 0}, the recipe's rule,
 * instead of the {@code 0 / 0 = NaN} a plain mean gives. The masks and {@code max(n_k, 1)} do not
 * depend on the weights, so the gradient never passes through them.
 *
 * <p>Two defects of TensorFlow for Java 1.1.0 are worked around here. Its Glorot-uniform
 * initializer draws from {@code [0, limit)} rather than {@code [-limit, limit)}, so the variables
 * start from constants holding fairreg's initial weights instead. Its Adam's default epsilon is
 * 1e-8 where Keras uses 1e-7, so epsilon is always passed explicitly. Adam itself is TensorFlow's
 * {@code ApplyAdam} kernel, which folds the bias correction into the learning rate as Keras and
 * fairreg do.
 */
final class RecipeGraph {

    final Placeholder<TFloat32> features;
    final Placeholder<TFloat32> targets;
    final Placeholder<TInt32> groups;
    final Operand<TFloat32> predictions;
    final Operand<TFloat32> loss;
    final Op minimize;

    private RecipeGraph(
            Placeholder<TFloat32> features,
            Placeholder<TFloat32> targets,
            Placeholder<TInt32> groups,
            Operand<TFloat32> predictions,
            Operand<TFloat32> loss,
            Op minimize) {
        this.features = features;
        this.targets = targets;
        this.groups = groups;
        this.predictions = predictions;
        this.loss = loss;
        this.minimize = minimize;
    }

    /**
     * Builds the graph.
     *
     * @param graph the graph to add the operations to
     * @param start the initial weights; every hidden layer is ReLU, the last one linear
     * @param learningRate Adam's learning rate
     * @param beta1 Adam's decay of the first moment
     * @param beta2 Adam's decay of the second moment
     * @param epsilon Adam's epsilon, added to the root of the second moment
     * @return the handles a training loop feeds and fetches
     */
    static RecipeGraph build(
            Graph graph,
            RecipeStart start,
            float learningRate,
            float beta1,
            float beta2,
            float epsilon) {
        Ops tf = Ops.create(graph);
        Architecture architecture = start.network().architecture();
        Placeholder<TFloat32> features =
                tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, architecture.inputSize())));
        Placeholder<TFloat32> targets = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        Placeholder<TInt32> groups = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));

        Operand<TFloat32> activations = features;
        int last = architecture.layerCount() - 1;
        for (int l = 0; l <= last; l++) {
            Operand<TFloat32> kernel = tf.variable(tf.constant(start.kernel(l)));
            Operand<TFloat32> bias = tf.variable(tf.constant(start.bias(l)));
            activations = tf.math.add(tf.linalg.matMul(activations, kernel), bias);
            if (l < last) {
                activations = tf.nn.relu(activations);
            }
        }
        Operand<TFloat32> predictions = tf.reshape(activations, tf.constant(new int[] {-1}));

        Operand<TFloat32> squaredErrors = tf.math.square(tf.math.sub(predictions, targets));
        Operand<TFloat32> gap = tf.math.sub(groupError(tf, groups, squaredErrors, 0),
                groupError(tf, groups, squaredErrors, 1));
        Operand<TFloat32> loss = tf.math.square(gap);
        Op minimize = new Adam(graph, learningRate, beta1, beta2, epsilon).minimize(loss);
        return new RecipeGraph(features, targets, groups, predictions, loss, minimize);
    }

    /** Builds {@code e_k = S_k / max(n_k, 1)} for group code {@code k}. */
    private static Operand<TFloat32> groupError(
            Ops tf,
            Operand<TInt32> groups,
            Operand<TFloat32> squaredErrors,
            int k) {
        Operand<TFloat32> mask = tf.dtypes.cast(tf.math.equal(groups, tf.constant(k)), TFloat32.class);
        Operand<TInt32> batchAxis = tf.constant(0);
        Operand<TFloat32> count = tf.sum(mask, batchAxis);
        Operand<TFloat32> sumSquares = tf.sum(tf.math.mul(mask, squaredErrors), batchAxis);
        return tf.math.div(sumSquares, tf.math.maximum(count, tf.constant(1f)));
    }
}
