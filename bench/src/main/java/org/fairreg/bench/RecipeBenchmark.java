package org.fairreg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.fairreg.data.RecipeData;
import org.fairreg.train.TrainingSettings;

/**
 * Times the recipe on one engine in this JVM and appends the figures to a results file.
 *
 * <p>Usage: {@code RecipeBenchmark --engine fairreg|tensorflow --label NAME [--epochs 30]
 * [--warmup 20] [--seed 1] [--results FILE]}. The timed run is the recipe's
 * ({@link TrainingSettings#recipe()}: 10-64-64-1, gap objective, Adam, batches of 64, batch-mean
 * validation after every epoch) for exactly {@code --epochs} epochs, with no early stopping and
 * the last weights kept; every one of its epochs is timed. Before it, a warm-up run of
 * {@code --warmup} epochs with the same settings is made and thrown away, so that the JIT has
 * compiled the loop and the engine has set up its pools before the timed run starts: measured
 * here, the Vector API kernels reach their steady speed only after 5 to 20 epochs, later on a
 * busy machine, whose JIT threads get less time. Run one engine per JVM: the peak resident set
 * read at the end is the whole process's, so it is one engine's only if the JVM ran nothing
 * else.
 *
 * <p>Exit codes: 0 success, 1 failure while running, 2 bad usage.
 */
public final class RecipeBenchmark {

    /** The number of epochs when {@code --epochs} is not given. */
    public static final int DEFAULT_EPOCHS = 30;
    /** The epochs of the warm-up run when {@code --warmup} is not given. */
    public static final int DEFAULT_WARMUP = 20;
    /** The seed when {@code --seed} is not given; docs/recipe.md reports 30-epoch runs of it. */
    public static final long DEFAULT_SEED = 1;

    private static final int EXIT_FAILURE = 1;
    private static final int EXIT_USAGE = 2;

    private RecipeBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options above
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("RecipeBenchmark: " + e.getMessage());
            System.err.println("usage: RecipeBenchmark --engine fairreg|tensorflow --label NAME [--epochs N] "
                    + "[--warmup N] [--seed N] [--results FILE]");
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            run(options);
        } catch (IOException | RuntimeException e) {
            System.err.println("RecipeBenchmark: " + options.label + " failed: " + e);
            e.printStackTrace();
            System.exit(EXIT_FAILURE);
        }
    }

    private static void run(Options options) throws IOException {
        RecipeData data = RecipeData.generate();
        TrainingSettings settings = TrainingSettings.recipe()
                .withSeed(options.seed)
                .withMaxEpochs(options.epochs)
                .withPatience(options.epochs)
                .withRestoreBest(false);
        RecipeEngine engine = options.tensorflow ? new TensorFlowEngine() : new FairregEngine();

        if (options.warmup > 0) {
            engine.run(settings.withMaxEpochs(options.warmup).withPatience(options.warmup), data);
        }
        EngineRun run = engine.run(settings, data);
        RecipeResult result = RecipeResult.of(options.label, engine.describe(), options.warmup, run,
                data.train().size(), ProcessFigures.peakResidentMebibytes());

        print(result);
        System.out.println("  epoch times (ms): " + epochTimes(run));
        if (options.results != null) {
            append(options.results, result);
        }
    }

    private static void print(RecipeResult r) {
        System.out.printf(Locale.ROOT, "%s: %s, java %s%n", r.label(), r.engine(), r.java());
        System.out.printf(Locale.ROOT, "  %d epochs after a %d-epoch warm-up run: median %.2f ms  min %.2f  max %.2f  "
                + "cpu %.2f ms/epoch  %.0f rows/s%n", r.epochs(), r.warmupEpochs(), r.medianMs(), r.minMs(),
                r.maxMs(), r.cpuMsPerEpoch(), r.rowsPerSecond());
        System.out.printf(Locale.ROOT, "  peak resident set %.1f MiB%n", r.peakMib());
        System.out.printf(Locale.ROOT, "  train objective epoch 1 %.6g, epoch %d %.6g; validation %.6g%n",
                r.firstTrainObjective(), r.epochs(), r.lastTrainObjective(), r.lastValidationObjective());
        System.out.printf(Locale.ROOT, "  test mse %.4f  gap %.4f%n", r.testMse(), r.testGap());
        if (!r.note().isEmpty()) {
            System.out.println("  " + r.note());
        }
    }

    private static String epochTimes(EngineRun run) {
        StringBuilder times = new StringBuilder();
        for (double seconds : run.epochSeconds()) {
            times.append(times.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", seconds * 1e3));
        }
        return times.toString();
    }

    private static void append(Path results, RecipeResult result) throws IOException {
        Path parent = results.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String lines = (Files.exists(results) ? "" : RecipeResult.HEADER + "\n") + result.toLine() + "\n";
        Files.writeString(results, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The parsed command line. */
    private static final class Options {

        boolean tensorflow;
        String label;
        int epochs = DEFAULT_EPOCHS;
        int warmup = DEFAULT_WARMUP;
        long seed = DEFAULT_SEED;
        Path results;

        static Options parse(String[] args) {
            Options options = new Options();
            String engine = null;
            for (int a = 0; a < args.length; a += 2) {
                if (a + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[a] + " needs a value");
                }
                String value = args[a + 1];
                switch (args[a]) {
                    case "--engine" -> engine = value;
                    case "--label" -> options.label = value;
                    case "--epochs" -> options.epochs = integer("--epochs", value);
                    case "--warmup" -> options.warmup = integer("--warmup", value);
                    case "--seed" -> options.seed = integer("--seed", value);
                    case "--results" -> options.results = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option '" + args[a] + "'");
                }
            }
            if (!"fairreg".equals(engine) && !"tensorflow".equals(engine)) {
                throw new IllegalArgumentException("--engine must be fairreg or tensorflow, found '" + engine + "'");
            }
            options.tensorflow = "tensorflow".equals(engine);
            if (options.label == null || options.label.isBlank() || options.label.contains("\t")) {
                throw new IllegalArgumentException("--label must be a name without tabs, found '" + options.label
                        + "'");
            }
            if (options.epochs < 1 || options.warmup < 0) {
                throw new IllegalArgumentException("--epochs must be at least 1 and --warmup at least 0, found "
                        + options.epochs + " and " + options.warmup);
            }
            return options;
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, found '" + value + "'", e);
            }
        }
    }
}
