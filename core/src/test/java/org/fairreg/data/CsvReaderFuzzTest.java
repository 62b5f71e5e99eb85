package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@link CsvDataReader}: random text, and valid files with bytes deleted,
 * inserted, replaced or cut off, with separators, quotes, line breaks, NUL, byte order marks,
 * non-ASCII text, repeated header cells and numbers beyond range put in. Each input is read as
 * training reads it (separator detected), with rows of missing values dropped, and as prediction
 * reads it. Whatever the bytes, a read either returns complete, consistent data or throws a
 * {@link DataException} whose one-line message starts with the file and, unless the problem is
 * the whole file, names a line that exists; never another exception, and never a hang.
 *
 * <p>Every case has a seed of its own, derived from {@link #SEED}, so each run checks the same
 * inputs; a failure names the case's seed and shows its input with control characters escaped.
 */
class CsvReaderFuzzTest {

    private static final long SEED = 0x5EED_C5FL;
    private static final int CASES_PER_KIND = 400;
    /** Generous: the largest input is a few kilobytes, which reads in well under a millisecond. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    /** Problems with the whole file, which have no line; every other message must have one. */
    private static final List<String> FILE_PROBLEMS = List.of(
            "the file is empty;",
            "no data rows after the header;",
            "has a missing value in a used column; expected at least one complete row");

    /** What the mutations put into a file: the characters that CSV and number parsing care about. */
    private static final String[] INSERTS = {
        ",", ";", "\t", "|", "\"", "\"\"", "\n", "\r", "\r\n", "\u0000", "\uFEFF", "é", "\u4e2d", "\uD83D\uDE00",
        "NA", "", " ", "NaN", "-Infinity", "1e39", "-1e309", "3.4028236e38", "0x1p3", "1.5f", "abc", "#", "\\",
        "999999999999999999999999999999", "1e-400", "-0", ".", "e5", "+", "x0", "y", "g"
    };

    private enum Kind { RANDOM_TEXT, DELETE, INSERT, REPLACE, INSERT_SPECIAL, TRUNCATE, DUPLICATE_HEADER, HUGE_NUMBER }

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyReadReturnsCompleteDataOrALocatedDataException() {
        return Arrays.stream(Kind.values()).flatMap(kind -> IntStream.range(0, CASES_PER_KIND).mapToObj(i -> {
            long seed = SEED + 1_000_003L * kind.ordinal() + i;
            return DynamicTest.dynamicTest(kind + " seed " + seed, () -> {
                String input = generate(kind, new Random(seed));
                Path file = dir.resolve(kind.name().toLowerCase() + ".csv");
                Files.write(file, input.getBytes(StandardCharsets.UTF_8));
                assertTimeoutPreemptively(TIME_LIMIT, () -> readAllWays(file, input, seed),
                        () -> "seed " + seed + " did not finish; input: " + escaped(input));
            });
        }));
    }

    private static void readAllWays(Path file, String input, long seed) {
        String context = "seed " + seed + ", input: " + escaped(input);
        ColumnSelection training = ColumnSelection.of("y", "g");
        check(file, input, context, () -> checkLabelled(CsvDataReader.readLabelled(file, training), context));
        check(file, input, context, () -> checkLabelled(CsvDataReader.readLabelled(file,
                training.withMissing(MissingPolicy.DROP).withCategorical(List.of("c"))), context));
        check(file, input, context, () -> {
            FeatureTable features = CsvDataReader.readFeatures(file, List.of("x0", "x1"), ',');
            assertThat(features.names()).as(context).containsExactly("x0", "x1");
            checkFinite(features, context);
        });
    }

    private static void check(Path file, String input, String context, Runnable read) {
        try {
            read.run();
        } catch (DataException error) {
            String message = error.getMessage();
            assertThat(message).as(context).doesNotContain("\n", "\r").startsWith(file + ":");
            assertThat(error.file()).as(context).isEqualTo(file);
            if (error.line().isPresent()) {
                assertThat(error.line().getAsLong()).as(context).isBetween(1L, physicalLines(input));
            } else {
                assertThat(FILE_PROBLEMS).as("a problem without a line: " + message + "; " + context)
                        .anyMatch(message::contains);
            }
            error.column().ifPresent(column -> assertThat(column).as(context).isPositive());
        }
    }

    private static void checkLabelled(CsvReadResult read, String context) {
        Dataset data = read.data();
        assertThat(data.size()).as(context).isPositive().isEqualTo(read.rowsRead() - read.rowsDropped());
        checkFinite(data.features(), context);
        assertThat(Arrays.stream(data.targets())).as(context).allMatch(Double::isFinite);
        assertThat(Arrays.stream(data.groupCodes())).as(context)
                .allMatch(code -> code >= 0 && code < data.groups().size());
        assertThat(Arrays.stream(read.groupFirstLines())).as(context).allMatch(line -> line >= 2);
    }

    private static void checkFinite(FeatureTable features, String context) {
        for (int f = 0; f < features.featureCount(); f++) {
            float[] column = features.column(f);
            assertThat(column).as(context).hasSize(features.rowCount());
            for (float value : column) {
                assertThat(Float.isFinite(value)).as(context).isTrue();
            }
        }
    }

    private static String generate(Kind kind, Random random) {
        if (kind == Kind.RANDOM_TEXT) {
            return randomText(random, 1 + random.nextInt(200));
        }
        String valid = validFile(random);
        StringBuilder text = new StringBuilder(valid);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (kind) {
                case DELETE -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(4)));
                case INSERT -> text.insert(at, randomText(random, 1 + random.nextInt(4)));
                case REPLACE -> {
                    if (at < text.length()) {
                        text.setCharAt(at, randomText(random, 1).charAt(0));
                    }
                }
                case INSERT_SPECIAL -> text.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                case TRUNCATE -> text.setLength(random.nextInt(text.length() + 1));
                case DUPLICATE_HEADER -> {
                    int headerEnd = text.indexOf("\n");
                    String[] names = text.substring(0, headerEnd).split(",");
                    text.insert(headerEnd, "," + names[random.nextInt(names.length)]);
                }
                case HUGE_NUMBER -> {
                    String[] huge = {"1e39", "-3.5e38", "1e309", "-1e400", "1" + "0".repeat(400), "1e-50"};
                    text.insert(at, huge[random.nextInt(huge.length)]);
                }
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
        return text.toString();
    }

    /** A valid file: numbers, a text column, quoted fields with separators, quotes and line breaks. */
    private static String validFile(Random random) {
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
        text.append("x0,x1,c,y,g").append(lineEnd);
        int rows = 2 + random.nextInt(8);
        for (int r = 0; r < rows; r++) {
            text.append(number(random)).append(',').append(number(random)).append(',')
                    .append(category(random)).append(',').append(number(random)).append(',')
                    .append(random.nextBoolean() ? "a" : "\"b,\"\"q\"\"\nc\"").append(lineEnd);
        }
        return text.toString();
    }

    private static String number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt(2001) - 1000);
            case 1 -> Double.toString(random.nextGaussian() * 100);
            case 2 -> "\"" + random.nextInt(10) + "\"";
            default -> String.format(java.util.Locale.ROOT, "%.3e", random.nextGaussian());
        };
    }

    private static String category(Random random) {
        String[] categories = {"red", "\"green, light\"", "\"two\nlines\"", "blue", "\"\"\"quoted\"\"\""};
        return categories[random.nextInt(categories.length)];
    }

    private static String randomText(Random random, int length) {
        String alphabet = ",;\t|\"\n\r 0123456789.eE+-xyg0NA\u0000\uFEFFé";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? "x0,x1,c,y,g\n" : String.valueOf(alphabet.charAt(
                    random.nextInt(alphabet.length()))));
        }
        return text.toString();
    }

    /** Counts the lines of a text as the reader numbers them: LF, CR LF and a lone CR end a line. */
    private static long physicalLines(String text) {
        long lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        return lines;
    }

    private static String escaped(String input) {
        StringBuilder shown = new StringBuilder("\"");
        for (char ch : input.toCharArray()) {
            if (ch == '\n') {
                shown.append("\\n");
            } else if (ch == '\r') {
                shown.append("\\r");
            } else if (ch == '"') {
                shown.append("\\\"");
            } else if (ch < ' ' || ch > '~') {
                shown.append(String.format("\\u%04x", (int) ch));
            } else {
                shown.append(ch);
            }
        }
        return shown.append('"').toString();
    }
}
