package org.fairreg.io;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

import org.fairreg.data.DataException;
import org.fairreg.optim.OptimizerState;
import org.fairreg.random.LegacyRandom;
import org.fairreg.train.EarlyStopping;
import org.fairreg.train.EpochRecord;
import org.fairreg.train.TrainingCheckpoint;

/**
 * Writes and reads checkpoint files: a binary file, written atomically, that holds a
 * {@link TrainingCheckpoint} with the fairreg version and kernels that made it and the command
 * line that started the run, so that {@code fairreg train --resume FILE} needs nothing else.
 *
 * <p>Binary rather than JSON because a checkpoint holds the batch order, one integer per training
 * example (80 MB for 10 million), and must round-trip every float and double bit for bit. Layout,
 * all big-endian as {@link java.io.DataOutputStream} writes: the text {@code fairreg checkpoint},
 * the format version, then the sections in the order of {@link #write}, each array as its
 * {@code int} length then its values, each text as its UTF-8 length then its bytes; last, the
 * CRC-32 of everything before it. Reading checks every length against the bytes left before
 * allocating, and the checksum at the end, so that a truncated or damaged file is refused with the
 * byte where it went wrong rather than resumed from.
 */
public final class CheckpointFile {

    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final String MAGIC = "fairreg checkpoint";

    /** Files above this size are refused before reading: 8 GiB holds the order of a billion rows. */
    public static final long MAX_FILE_BYTES = 8L << 30;

    private CheckpointFile() {
    }

    /**
     * A checkpoint and what is needed to resume it.
     *
     * @param toolVersion the fairreg version that wrote it
     * @param kernels the kernels the run used; another set gives a slightly different model
     * @param arguments the {@code fairreg train} arguments that started the run
     * @param checkpoint the run's state
     */
    public record Contents(String toolVersion, String kernels, List<String> arguments, TrainingCheckpoint checkpoint) {

        /** Copies the arguments. */
        public Contents {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Writes a checkpoint atomically: the file is complete or unchanged.
     *
     * @param contents what to write
     * @param file the file
     * @throws IOException if writing fails
     */
    public static void write(Contents contents, Path file) throws IOException {
        AtomicFiles.write(file, stream -> writeTo(contents, stream));
    }

    private static void writeTo(Contents contents, OutputStream stream) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(stream, crc));
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(FORMAT_VERSION);
        writeText(out, contents.toolVersion());
        writeText(out, contents.kernels());
        out.writeInt(contents.arguments().size());
        for (String argument : contents.arguments()) {
            writeText(out, argument);
        }

        TrainingCheckpoint checkpoint = contents.checkpoint();
        out.writeLong(checkpoint.dataFingerprint());
        out.writeInt(checkpoint.epoch());
        TrainingCheckpoint.EpochProgress progress = checkpoint.progress();
        out.writeInt(progress.nextBatch());
        out.writeDouble(progress.objectiveSum());
        writeLongs(out, progress.groupCounts());
        writeDoubles(out, progress.groupSumSquares());
        writeFloats(out, checkpoint.parameters());

        OptimizerState optimizer = checkpoint.optimizer();
        out.writeLong(optimizer.steps());
        float[][] buffers = optimizer.buffers();
        out.writeInt(buffers.length);
        for (float[] buffer : buffers) {
            writeFloats(out, buffer);
        }

        LegacyRandom.State random = checkpoint.random();
        writeInts(out, random.key());
        out.writeInt(random.position());
        out.writeBoolean(random.hasCachedNormal());
        out.writeDouble(random.cachedNormal());

        out.writeInt(checkpoint.batchPlan().length);
        for (int[] order : checkpoint.batchPlan()) {
            writeInts(out, order);
        }
        writeDoubles(out, checkpoint.objectiveState());
        writeDoubles(out, checkpoint.runningErrors());
        out.writeDouble(checkpoint.firstBatchLoss());

        EarlyStopping.State stopping = checkpoint.stopping();
        writeFloats(out, stopping.bestParameters());
        out.writeDouble(stopping.bestValue());
        out.writeBoolean(stopping.bestConstraintsMet());
        out.writeInt(stopping.bestEpoch());
        out.writeInt(stopping.epochsWithoutImprovement());

        out.writeInt(checkpoint.history().size());
        for (EpochRecord record : checkpoint.history()) {
            out.writeInt(record.epoch());
            out.writeDouble(record.trainObjective());
            out.writeDouble(record.validationObjective());
            out.writeBoolean(record.constraintsMet());
            out.writeDouble(record.validationMse());
            out.writeDouble(record.validationGap());
            writeDoubles(out, record.groupValidationMse());
            writeText(out, record.objectiveState());
            out.writeDouble(record.seconds());
        }
        out.flush();
        stream.write(intBytes((int) crc.getValue()));
    }

    /**
     * Reads a checkpoint, checking its format, lengths and checksum.
     *
     * @param file the file
     * @return its contents
     * @throws DataException if the file is missing, unreadable, not a checkpoint, of another
     *         format version, damaged or truncated; the message names the byte where it went wrong
     */
    public static Contents read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException missing) {
            throw DataException.inFile(file, "does not exist");
        } catch (IOException unreadable) {
            throw DataException.unreadable(file, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
        if (size > MAX_FILE_BYTES) {
            throw DataException.inFile(file, "is " + size + " bytes; checkpoints are at most " + MAX_FILE_BYTES);
        }
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file))) {
            BinaryInput in = new BinaryInput(file, size, stream);
            try {
                return readFrom(in);
            } catch (EOFException end) {
                throw in.truncated(end);
            }
        } catch (IOException unreadable) {
            throw DataException.unreadable(file, "cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    private static Contents readFrom(BinaryInput in) throws IOException {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < magic.length; i++) {
            if (in.readByte() != magic[i]) {
                throw in.corrupt(i, "it does not start with '" + MAGIC + "'");
            }
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw in.corrupt(magic.length, "it has format version " + version + "; this fairreg reads version "
                    + FORMAT_VERSION);
        }
        String toolVersion = in.readText();
        String kernels = in.readText();
        int argumentCount = in.length(Integer.BYTES);
        List<String> arguments = new ArrayList<>(argumentCount);
        for (int i = 0; i < argumentCount; i++) {
            arguments.add(in.readText());
        }

        long fingerprint = in.readLong();
        int epoch = in.readInt();
        int nextBatch = in.readInt();
        double objectiveSum = in.readDouble();
        long[] groupCounts = in.readLongs();
        double[] groupSums = in.readDoubles();
        float[] parameters = in.readFloats();
        long steps = in.readLong();
        float[][] buffers = new float[in.length(Integer.BYTES)][];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = in.readFloats();
        }
        int[] key = in.readInts();
        int position = in.readInt();
        boolean hasCachedNormal = in.readBoolean();
        double cachedNormal = in.readDouble();
        int[][] batchPlan = new int[in.length(Integer.BYTES)][];
        for (int i = 0; i < batchPlan.length; i++) {
            batchPlan[i] = in.readInts();
        }
        double[] objectiveState = in.readDoubles();
        double[] runningErrors = in.readDoubles();
        double firstBatchLoss = in.readDouble();
        float[] bestParameters = in.readFloats();
        double bestValue = in.readDouble();
        boolean bestConstraintsMet = in.readBoolean();
        int bestEpoch = in.readInt();
        int epochsWithoutImprovement = in.readInt();
        int historySize = in.length(Integer.BYTES);
        List<EpochRecord> history = new ArrayList<>(historySize);
        for (int i = 0; i < historySize; i++) {
            history.add(new EpochRecord(in.readInt(), in.readDouble(), in.readDouble(), in.readBoolean(),
                    in.readDouble(), in.readDouble(), in.readDoubles(), in.readText(), in.readDouble()));
        }
        in.checkEnd();

        try {
            TrainingCheckpoint checkpoint = new TrainingCheckpoint(fingerprint, epoch,
                    new TrainingCheckpoint.EpochProgress(nextBatch, objectiveSum, groupCounts, groupSums), parameters,
                    new OptimizerState(steps, buffers), LegacyRandom.State.of(key, position, hasCachedNormal,
                    cachedNormal), batchPlan, objectiveState, runningErrors, firstBatchLoss,
                    new EarlyStopping.State(bestParameters, bestValue, bestConstraintsMet, bestEpoch,
                            epochsWithoutImprovement), history);
            return new Contents(toolVersion, kernels, arguments, checkpoint);
        } catch (IllegalArgumentException inconsistent) {
            throw in.inconsistent(inconsistent.getMessage());
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
