package org.fairreg.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fairreg.model.Activation;
import org.fairreg.model.DenseKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of one dense layer's three kernels ({@link DenseKernels}): the forward pass with
 * ReLU, the parameter gradient, and the input delta, for each implementation, on a square layer of
 * {@code width} inputs and outputs and a batch of {@code batchSize} examples.
 *
 * <p>Each operation is {@code 2 * batchSize * width * width} floating-point operations, a
 * multiply-add counted as two; the bias, the activation and the bias gradient add
 * {@code batchSize * width} more, which this count leaves out. {@link KernelReport} turns the
 * average times JMH measures into GFLOP/s by that formula.
 *
 * <p>Inputs are drawn once per trial from a seeded generator: activations in {@code [0, 1)} (the
 * range ReLU outputs start in), weights and deltas in {@code [-1, 1)}. Every kernel writes into
 * arrays held by the state, so the JIT cannot discard the work. The forked JVMs get
 * {@code --add-modules jdk.incubator.vector}, so both implementations can run in them; the
 * implementation is chosen per trial by {@code kernels}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DenseKernelBenchmark {

    /** Seed of the generator that draws the inputs. */
    private static final long SEED = 20_261_203L;

    /** Examples per batch. */
    @Param({"64", "256", "1024"})
    public int batchSize;

    /** Inputs and outputs of the layer. */
    @Param({"64", "256"})
    public int width;

    /** The implementation: {@code portable} or {@code vector}. */
    @Param({"portable", "vector"})
    public String kernels;

    private DenseKernels implementation;
    private float[][] input;
    private float[][] kernel;
    private float[][] kernelTransposed;
    private float[] bias;
    private float[][] delta;
    private float[][] output;
    private float[][] kernelGradient;
    private float[] biasGradient;
    private float[][] inputDelta;

    /** Chooses the implementation and draws the inputs. */
    @Setup
    public void setUp() {
        // DenseKernels.select() reads the property at each call, so setting it here picks the
        // implementation for this trial; it fails if the Vector API module is absent.
        System.setProperty(DenseKernels.PROPERTY, kernels);
        implementation = DenseKernels.select();
        if (!implementation.name().equals(kernels)) {
            throw new IllegalStateException("asked for the " + kernels + " kernels, got " + implementation.name());
        }

        SplittableRandom random = new SplittableRandom(SEED);
        input = matrix(random, batchSize, width, 0.0);
        kernel = matrix(random, width, width, -1.0);
        bias = matrix(random, 1, width, -1.0)[0];
        delta = matrix(random, batchSize, width, -1.0);
        kernelTransposed = new float[width][width];
        for (int i = 0; i < width; i++) {
            for (int o = 0; o < width; o++) {
                kernelTransposed[o][i] = kernel[i][o];
            }
        }
        output = new float[batchSize][width];
        kernelGradient = new float[width][width];
        biasGradient = new float[width];
        inputDelta = new float[batchSize][width];
    }

    /** The forward pass with ReLU: {@code output = relu(input kernel + bias)}. */
    @Benchmark
    public void forward() {
        implementation.forward(input, batchSize, kernel, kernelTransposed, bias, Activation.RELU, output);
    }

    /** The parameter gradient: {@code kernelGradient = input^T delta}, {@code biasGradient = sum_b delta}. */
    @Benchmark
    public void parameterGradient() {
        implementation.parameterGradient(input, batchSize, delta, kernelGradient, biasGradient);
    }

    /** The input delta: {@code inputDelta = delta kernel^T}. */
    @Benchmark
    public void inputDelta() {
        implementation.inputDelta(delta, batchSize, kernelTransposed, inputDelta);
    }

    /** Draws a {@code rows x columns} matrix with entries in {@code [low, 1)}. */
    private static float[][] matrix(SplittableRandom random, int rows, int columns, double low) {
        float[][] values = new float[rows][columns];
        for (float[] row : values) {
            for (int c = 0; c < columns; c++) {
                row[c] = (float) random.nextDouble(low, 1.0);
            }
        }
        return values;
    }
}
