package org.fairreg.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fairreg.model.Activation;
import org.fairreg.model.Architecture;
import org.fairreg.model.DenseKernels;
import org.fairreg.model.GlorotUniform;
import org.fairreg.model.Network;
import org.fairreg.model.Workspace;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.Execution;
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
 * JMH benchmark of one training step's network work as the trainer does it on one thread: a
 * {@code width}-{@code width}-{@code width}-1 ReLU network, a batch cut into blocks of
 * {@link Execution#BLOCK_ROWS} examples (as the trainer's blocked pass cuts it, so that the same
 * seed gives the same model on any number of threads), each block's forward and backward pass,
 * and the blocks' gradients added in order. The objective, the gathering of the batch and the
 * optimizer are left out; they are a small share at this width.
 *
 * <p>Counted as {@code 2 batchSize (5 width^2 + 3 width)} floating-point operations per step, a
 * multiply-add as two: both square layers' forward products and parameter gradients, the
 * second's input delta (the first layer's is never needed), and the thin output layer's three
 * products. {@code run-step-benchmark.sh} applies that count to JMH's times.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {

    private static final long SEED = 20_261_203L;

    /** Examples per batch. */
    @Param({"1024"})
    public int batchSize;

    /** Inputs and hidden units. */
    @Param({"256"})
    public int width;

    /** The implementation: {@code portable} or {@code vector}. */
    @Param({"portable", "vector"})
    public String kernels;

    private Network network;
    private float[][][] blockInputs;
    private float[][] blockPredictionGradients;
    private Workspace[] workspaces;
    private float[][] blockGradients;
    private float[] gradient;

    /** Builds the network with the chosen kernels and draws the batch and its prediction gradient. */
    @Setup
    public void setUp() {
        System.setProperty(DenseKernels.PROPERTY, kernels);
        DenseKernels implementation = DenseKernels.select();
        if (!implementation.name().equals(kernels)) {
            throw new IllegalStateException("asked for the " + kernels + " kernels, got " + implementation.name());
        }
        network = new Network(new Architecture(width, new int[] {width, width}, Activation.RELU), implementation);
        GlorotUniform.initialize(network, new LegacyRandom(SEED));

        SplittableRandom random = new SplittableRandom(SEED);
        int blocks = (batchSize + Execution.BLOCK_ROWS - 1) / Execution.BLOCK_ROWS;
        blockInputs = new float[blocks][][];
        blockPredictionGradients = new float[blocks][];
        workspaces = new Workspace[blocks];
        blockGradients = new float[blocks][network.parameterCount()];
        for (int j = 0; j < blocks; j++) {
            int rows = Math.min(Execution.BLOCK_ROWS, batchSize - j * Execution.BLOCK_ROWS);
            blockInputs[j] = new float[rows][width];
            for (float[] row : blockInputs[j]) {
                for (int i = 0; i < width; i++) {
                    row[i] = (float) random.nextDouble(-1.0, 1.0);
                }
            }
            blockPredictionGradients[j] = new float[rows];
            for (int b = 0; b < rows; b++) {
                blockPredictionGradients[j][b] = (float) random.nextDouble(-1.0, 1.0);
            }
            workspaces[j] = network.newWorkspace(rows);
        }
        gradient = new float[network.parameterCount()];
    }

    /**
     * One step's network work.
     *
     * @return the gradient, so that the JIT cannot discard the work
     */
    @Benchmark
    public float[] step() {
        for (int j = 0; j < blockInputs.length; j++) {
            int rows = blockInputs[j].length;
            network.forward(blockInputs[j], rows, workspaces[j]);
            network.backward(blockInputs[j], rows, blockPredictionGradients[j], workspaces[j], blockGradients[j]);
        }
        System.arraycopy(blockGradients[0], 0, gradient, 0, gradient.length);
        for (int j = 1; j < blockGradients.length; j++) {
            float[] block = blockGradients[j];
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] += block[p];
            }
        }
        return gradient;
    }
}
