package org.fairreg.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the JSON results of {@link DenseKernelBenchmark} ({@code -rf json}) into a Markdown table
 * with each implementation's time per operation and its rate in GFLOP/s, counted as
 * {@code 2 * batchSize * width^2} floating-point operations per operation.
 *
 * <p>Usage: {@code KernelReport FILE}. Exit codes: 0 success, 1 failure while running, 2 bad
 * usage.
 */
public final class KernelReport {

    private static final String BENCHMARK_PREFIX = DenseKernelBenchmark.class.getName() + ".";
    private static final List<String> OPERATIONS = List.of("forward", "parameterGradient", "inputDelta");
    private static final int EXIT_FAILURE = 1;
    private static final int EXIT_USAGE = 2;

    private KernelReport() {
    }

    /**
     * Prints the table to standard output.
     *
     * @param args the JMH JSON file
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: KernelReport JMH_JSON_FILE");
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            System.out.print(render(read(Path.of(args[0]))));
        } catch (IOException | RuntimeException e) {
            System.err.println("KernelReport: cannot read " + args[0] + ": " + e.getMessage());
            System.exit(EXIT_FAILURE);
        }
    }

    /** One measured trial. */
    private record Score(String operation, int batchSize, int width, String kernels, double micros, double error) {

        double gflops() {
            return 2.0 * batchSize * width * width / (micros * 1e-6) / 1e9;
        }
    }

    private static List<Score> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Score> scores = new ArrayList<>();
        for (JsonNode trial : root) {
            String benchmark = trial.path("benchmark").asText();
            String unit = trial.path("primaryMetric").path("scoreUnit").asText();
            if (!benchmark.startsWith(BENCHMARK_PREFIX) || !unit.equals("us/op")) {
                throw new IllegalArgumentException("expected DenseKernelBenchmark scores in us/op, found "
                        + benchmark + " in " + unit);
            }
            JsonNode params = trial.path("params");
            scores.add(new Score(benchmark.substring(BENCHMARK_PREFIX.length()), params.path("batchSize").asInt(),
                    params.path("width").asInt(), params.path("kernels").asText(),
                    trial.path("primaryMetric").path("score").asDouble(),
                    trial.path("primaryMetric").path("scoreError").asDouble()));
        }
        return scores;
    }

    private static String render(List<Score> scores) {
        // Rows keyed by operation, width and batch; columns by implementation.
        Map<String, Map<String, Score>> rows = new TreeMap<>(Comparator.naturalOrder());
        for (Score s : scores) {
            String key = String.format(Locale.ROOT, "%d|%05d|%05d", OPERATIONS.indexOf(s.operation()), s.width(),
                    s.batchSize());
            rows.computeIfAbsent(key, k -> new TreeMap<>()).put(s.kernels(), s);
        }
        StringBuilder out = new StringBuilder();
        out.append("| kernel | width | batch | MFLOP per op | portable (us) | portable GFLOP/s | vector (us) "
                + "| vector GFLOP/s | vector speed-up |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map<String, Score> row : rows.values()) {
            Score any = row.values().iterator().next();
            Score portable = row.get("portable");
            Score vector = row.get("vector");
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %s | %s | %s | %s | %s |\n",
                    any.operation(), any.width(), any.batchSize(),
                    2.0 * any.batchSize() * any.width() * any.width() / 1e6, micros(portable), rate(portable),
                    micros(vector), rate(vector),
                    portable == null || vector == null ? "-"
                            : String.format(Locale.ROOT, "%.1fx", portable.micros() / vector.micros())));
        }
        return out.toString();
    }

    private static String micros(Score s) {
        if (s == null) {
            return "-";
        }
        // JMH gives no error for a single measurement iteration.
        return Double.isNaN(s.error()) ? String.format(Locale.ROOT, "%.2f", s.micros())
                : String.format(Locale.ROOT, "%.2f ± %.2f", s.micros(), s.error());
    }

    private static String rate(Score s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.1f", s.gflops());
    }
}
