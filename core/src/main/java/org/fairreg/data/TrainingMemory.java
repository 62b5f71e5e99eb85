package org.fairreg.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Estimates the heap that reading a CSV file and training on it will need, before a row is read,
 * so that a file too large for the heap fails at once with the estimate and the heap available
 * instead of with an {@link OutOfMemoryError} deep in reading or training.
 *
 * <h2>The estimate</h2>
 * Rows: the line breaks in the first {@value #SAMPLE_BYTES} bytes give the mean length of a data
 * line, and the file size divided by it the row count; a file no longer than the sample is counted
 * exactly. Line breaks inside quoted fields count as rows, which can only raise the estimate.
 *
 * <p>Values per row: {@code f} used feature columns (every column but target and groups, unless
 * features are named, plus the group columns when they are features) each kept as a 4-byte
 * {@code float}, the target as an 8-byte {@code double} and the group as a 4-byte code: a read
 * holds {@code r = 4f + 12} bytes per row. A categorical column counts as one value although it
 * becomes one per category, so for such columns the estimate is a lower bound. The copies made
 * along the way, per row of the file, with {@code t} and {@code v} the shares of the training and
 * validation parts:
 * <ul>
 *   <li>reading: arrays grow by half, so up to {@code 1.5 r} at the last growth;</li>
 *   <li>splitting: the parts are copies, so {@code 2 r} while both exist;</li>
 *   <li>training: the parts ({@code r}), then for the training part a standardized copy of its
 *       features and their row-major copy ({@code 8f}) and its targets as {@code float}
 *       ({@code 4}), and for the validation part a standardized copy of its features
 *       ({@code 4f}): {@code r + t (8f + 4) + v 4f}.</li>
 * </ul>
 * The need is the largest of the three; the network, batches and optimizer state are small beside
 * data of a size that matters here and are left out.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TrainingMemory {

    /** Bytes read from the start of the file to measure the length of a line. */
    static final int SAMPLE_BYTES = 1 << 20;

    private static final double MIB = 1024.0 * 1024.0;
    private static final double GIB = MIB * 1024.0;

    private final Path file;
    private final long rows;
    private final int featureValues;
    private final long bytes;
    /** What the data is read for, as the message says it: training, or only predicting. */
    private final String use;

    private TrainingMemory(Path file, long rows, int featureValues, long bytes, String use) {
        this.file = file;
        this.rows = rows;
        this.featureValues = featureValues;
        this.bytes = bytes;
        this.use = use;
    }

    /**
     * Estimates the heap needed to read a file and train on it, as the class documentation says.
     *
     * @param file the CSV file
     * @param columns the columns that will be read
     * @param trainShare the share of rows in the training part, in [0, 1]
     * @param validationShare the share of rows in the validation part, in [0, 1]; both 0 for data
     *        that is only read and predicted ({@code evaluate}, {@code predict}), which the
     *        estimate's second stage, two copies of what was read, covers
     * @return the estimate
     * @throws DataException if the file cannot be read or its header breaks a rule of
     *         {@link CsvDataReader}
     * @throws IllegalArgumentException if a share is outside [0, 1]
     */
    public static TrainingMemory estimate(Path file, ColumnSelection columns, double trainShare,
            double validationShare) {
        Objects.requireNonNull(file, "file");
        checkShare("trainShare", trainShare);
        checkShare("validationShare", validationShare);
        int featureValues = featureValues(file, columns);
        long rows = estimateRows(file);
        double perRow = bytesPerRow(featureValues, trainShare, validationShare);
        String use = trainShare > 0.0 || validationShare > 0.0 ? "reading and training on it" : "reading and "
                + "predicting it";
        return new TrainingMemory(file, rows, featureValues, (long) Math.ceil(perRow * rows), use);
    }

    /**
     * The heap bytes one row of the file needs at the peak, as the class documentation counts them.
     *
     * @param featureValues the used feature columns
     * @param trainShare the share of rows in the training part
     * @param validationShare the share of rows in the validation part
     * @return the bytes per row
     */
    static double bytesPerRow(int featureValues, double trainShare, double validationShare) {
        double read = 4.0 * featureValues + 12.0;
        double reading = 1.5 * read;
        double splitting = 2.0 * read;
        double training = read + trainShare * (8.0 * featureValues + 4.0) + validationShare * 4.0 * featureValues;
        return Math.max(reading, Math.max(splitting, training));
    }

    /** @return the estimated number of data rows */
    public long rows() {
        return rows;
    }

    /** @return the bytes of heap estimated */
    public long bytes() {
        return bytes;
    }

    /**
     * @return the heap this JVM can still give: its maximum less what is in use now
     */
    public static long availableHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Rejects the file when the estimate exceeds the heap available.
     *
     * @param available the heap bytes available, such as {@link #availableHeap()}
     * @param maximum the maximum heap bytes, for the message, such as
     *        {@link Runtime#maxMemory()}
     * @param howToRaise how the user gives the JVM a larger heap, a format with {@code %1$s} where
     *        a size such as {@code -Xmx4g} goes
     * @throws DataException for the whole file, stating the estimate, the rows and values per row
     *         it comes from, the heap available and how to raise it
     */
    public void requireAvailable(long available, long maximum, String howToRaise) {
        if (bytes <= available) {
            return;
        }
        String suggested = suggestedHeap(bytes);
        throw DataException.inFile(file, String.format(Locale.ROOT,
                "%s needs an estimated %s of heap (about %d rows of %d feature values, "
                        + "a target and a group), but %s of the %s maximum heap are available; expected a larger "
                        + "heap, such as %s: %s", use, size(bytes), rows, featureValues, size(available),
                size(maximum), suggested, String.format(Locale.ROOT, howToRaise, suggested)));
    }

    /**
     * A maximum heap half as large again as the estimate, since the collector needs room beyond
     * the live data: in whole GiB, or in 64 MiB steps below one GiB.
     */
    static String suggestedHeap(long bytes) {
        double wanted = bytes * 1.5;
        return wanted >= GIB
                ? "-Xmx" + (long) Math.ceil(wanted / GIB) + "g"
                : "-Xmx" + 64 * (long) Math.ceil(wanted / (64 * MIB)) + "m";
    }

    private static String size(long bytes) {
        return bytes >= GIB
                ? String.format(Locale.ROOT, "%.1f GiB", bytes / GIB)
                : String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
    }

    private static int featureValues(Path file, ColumnSelection columns) {
        int groupColumns = columns.group().columns().size();
        int features;
        if (columns.encoding().isPresent()) {
            features = columns.encoding().get().featureCount();
        } else if (columns.features().isPresent()) {
            features = columns.features().get().size();
        } else {
            try (CsvSource source = CsvSource.open(file, columns.separator())) {
                features = Math.max(0, source.columnCount() - 1 - groupColumns);
            }
        }
        return features + (columns.groupAsFeature() ? groupColumns : 0);
    }

    /** Counts rows in a small file, and extrapolates the mean line length of its start otherwise. */
    private static long estimateRows(Path file) {
        byte[] sample = new byte[SAMPLE_BYTES];
        int read;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(sample, 0, sample.length);
            size = Files.size(file);
        } catch (IOException e) {
            throw CsvSource.unreadable(file, e);
        }
        long lineBreaks = 0;
        int headerEnd = -1;
        for (int i = 0; i < read; i++) {
            byte b = sample[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= read || sample[i + 1] != '\n'))) {
                lineBreaks++;
                if (headerEnd < 0) {
                    headerEnd = i + 1;
                }
            }
        }
        if (read < sample.length || headerEnd < 0) {
            // The whole file was read (or one line fills the sample): a last line without a
            // line break is a row too.
            boolean unterminated = read > 0 && sample[read - 1] != '\n' && sample[read - 1] != '\r';
            return Math.max(0, lineBreaks - 1 + (unterminated ? 1 : 0));
        }
        long dataLines = lineBreaks - 1;
        if (dataLines <= 0) {
            return 1;
        }
        double bytesPerLine = (double) (read - headerEnd) / dataLines;
        return (long) Math.ceil((size - headerEnd) / bytesPerLine);
    }

    private static void checkShare(String name, double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], found " + share);
        }
    }
}
