package org.fairreg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the lines {@link RecipeBenchmark} appended to a results file into Markdown tables: the
 * figures of each engine, summarized over its rounds ({@link EngineSummary}), with their ratios to
 * the reference engine (TensorFlow) and to the arithmetic limit; the targets with whether
 * each is met; and how closely the engines agree.
 *
 * <p>Usage: {@code RecipeReport --results FILE [--reference tensorflow] [--matrix-gflops X]}.
 * {@code --matrix-gflops} is the machine's float32 matrix-multiply rate (from
 * {@code bench/matrix_rate.py}); without it the arithmetic-limit column is left out. The arithmetic
 * limit of an epoch is {@link RecipeFlops#perEpoch()} divided by that rate.
 *
 * <p>Exit codes: 0 success, 1 failure while running, 2 bad usage.
 */
public final class RecipeReport {

    /** The label of the reference engine when {@code --reference} is not given. */
    public static final String DEFAULT_REFERENCE = "tensorflow";

    /** The targets: speed-up over the reference of the default kernels. */
    private static final double VECTOR_SPEEDUP_TARGET = 20;
    /** The targets: speed-up over the reference of the portable kernels. */
    private static final double PORTABLE_SPEEDUP_TARGET = 3;
    /** The targets: the default kernels' epoch at most this many arithmetic limits. */
    private static final double LIMIT_RATIO_TARGET = 2;
    /** The targets: peak memory at most this fraction of the reference's. */
    private static final double MEMORY_FRACTION_TARGET = 0.25;

    private static final int EXIT_FAILURE = 1;
    private static final int EXIT_USAGE = 2;

    private RecipeReport() {
    }

    /**
     * Prints the report to standard output.
     *
     * @param args the options above
     */
    public static void main(String[] args) {
        Path results = null;
        String reference = DEFAULT_REFERENCE;
        double matrixGflops = Double.NaN;
        try {
            for (int a = 0; a < args.length; a += 2) {
                if (a + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[a] + " needs a value");
                }
                switch (args[a]) {
                    case "--results" -> results = Path.of(args[a + 1]);
                    case "--reference" -> reference = args[a + 1];
                    case "--matrix-gflops" -> matrixGflops = positive("--matrix-gflops", args[a + 1]);
                    default -> throw new IllegalArgumentException("unknown option '" + args[a] + "'");
                }
            }
            if (results == null) {
                throw new IllegalArgumentException("--results is required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("RecipeReport: " + e.getMessage());
            System.err.println("usage: RecipeReport --results FILE [--reference LABEL] [--matrix-gflops X]");
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            System.out.print(render(EngineSummary.of(read(results)), reference, matrixGflops));
        } catch (IOException | RuntimeException e) {
            System.err.println("RecipeReport: " + e.getMessage());
            System.exit(EXIT_FAILURE);
        }
    }

    /**
     * Renders the report.
     *
     * @param engines one summary per engine, in the order to show
     * @param referenceLabel the label of the engine the ratios compare against
     * @param matrixGflops the machine's matrix rate in GFLOP/s, or NaN when unknown
     * @return Markdown text
     */
    static String render(List<EngineSummary> engines, String referenceLabel, double matrixGflops) {
        Optional<EngineSummary> reference =
                engines.stream().filter(e -> e.label().equals(referenceLabel)).findFirst();
        double flops = RecipeFlops.perEpoch();
        double limitMs = flops / (matrixGflops * 1e9) * 1e3;
        StringBuilder out = new StringBuilder();

        out.append(String.format(Locale.ROOT, "Arithmetic per epoch: %.1f MFLOP", flops / 1e6));
        if (!Double.isNaN(matrixGflops)) {
            out.append(String.format(Locale.ROOT, "; at %.1f GFLOP/s the arithmetic limit is %.2f ms", matrixGflops,
                    limitMs));
        }
        out.append(".\n\n");
        out.append("| engine | median epoch (ms) | round medians (ms) | fastest - slowest epoch (ms) "
                + "| CPU per epoch (ms) | rows/s | peak RSS (MiB) | test MSE | test gap | speed-up vs "
                + referenceLabel + " | peak memory vs " + referenceLabel + " | epoch / arithmetic limit |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (EngineSummary e : engines) {
            RecipeResult r = e.representative();
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f - %.2f (%d) | %.2f - %.2f | %.2f | %.0f "
                    + "| %.0f | %.3f | %.3f | %s | %s | %s |\n", e.label(), r.medianMs(), e.lowestMedianMs(),
                    e.highestMedianMs(), e.rounds(), e.minMs(), e.maxMs(), r.cpuMsPerEpoch(), r.rowsPerSecond(),
                    e.peakMib(), r.testMse(), r.testGap(),
                    reference.map(f -> times(f.medianMs() / e.medianMs())).orElse("-"),
                    reference.map(f -> fraction(e.peakMib() / f.peakMib())).orElse("-"),
                    Double.isNaN(limitMs) ? "-" : times(e.medianMs() / limitMs)));
        }
        reference.ifPresent(f -> appendTargets(out, engines, f, limitMs));
        appendAgreement(out, engines);
        appendEngines(out, engines);
        return out.toString();
    }

    private static void appendTargets(
            StringBuilder out,
            List<EngineSummary> engines,
            EngineSummary reference,
            double limitMs) {
        out.append("\n| target | measured | met |\n| --- | ---: | --- |\n");
        for (EngineSummary e : engines) {
            if (e == reference) {
                continue;
            }
            double speedup = reference.medianMs() / e.medianMs();
            boolean vector = e.label().contains("vector");
            double wanted = vector ? VECTOR_SPEEDUP_TARGET : PORTABLE_SPEEDUP_TARGET;
            target(out, e.label() + " at least " + times(wanted) + " faster than " + reference.label(),
                    times(speedup), speedup >= wanted);
            if (vector && !Double.isNaN(limitMs)) {
                double ratio = e.medianMs() / limitMs;
                target(out, e.label() + " epoch within " + times(LIMIT_RATIO_TARGET) + " the arithmetic limit",
                        times(ratio), ratio <= LIMIT_RATIO_TARGET);
            }
            double memory = e.peakMib() / reference.peakMib();
            target(out, e.label() + " peak memory at most " + fraction(MEMORY_FRACTION_TARGET) + " of "
                    + reference.label() + "'s", fraction(memory), memory <= MEMORY_FRACTION_TARGET);
        }
    }

    private static void target(StringBuilder out, String what, String measured, boolean met) {
        out.append("| ").append(what).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static void appendAgreement(StringBuilder out, List<EngineSummary> engines) {
        out.append("\n| engine | train objective, epoch 1 | train objective, last epoch "
                + "| validation objective, last epoch |\n| --- | ---: | ---: | ---: |\n");
        for (EngineSummary e : engines) {
            RecipeResult r = e.representative();
            out.append(String.format(Locale.ROOT, "| %s | %.6g | %.6g | %.6g |\n", r.label(),
                    r.firstTrainObjective(), r.lastTrainObjective(), r.lastValidationObjective()));
        }
    }

    private static void appendEngines(StringBuilder out, List<EngineSummary> engines) {
        out.append('\n');
        for (EngineSummary e : engines) {
            RecipeResult r = e.representative();
            out.append(String.format(Locale.ROOT, "- %s: %s, Java %s, %d epochs timed after a %d-epoch warm-up run",
                    r.label(), r.engine(), r.java(), r.epochs(), r.warmupEpochs()));
            out.append(r.note().isEmpty() ? "" : "; " + r.note()).append('\n');
        }
    }

    private static List<RecipeResult> read(Path results) throws IOException {
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        List<RecipeResult> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (!line.isBlank() && !line.equals(RecipeResult.HEADER)) {
                rows.add(RecipeResult.parse(line, n + 1));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(results + " holds no result");
        }
        return rows;
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.1fx", ratio);
    }

    private static String fraction(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static double positive(String option, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw new IllegalArgumentException(option + " must be a positive number, found '" + value + "'");
    }
}
