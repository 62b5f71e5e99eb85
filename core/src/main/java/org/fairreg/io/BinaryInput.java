package org.fairreg.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

import org.fairreg.data.DataException;

/**
 * Reads the big-endian values {@link java.io.DataOutputStream} writes, from a file of known size,
 * checking every length against the bytes left before allocating anything, and keeping a CRC-32
 * of what was read. Every problem is a {@link DataException} naming the file and the byte offset.
 */
final class BinaryInput {

    private final Path file;
    private final long size;
    private final CRC32 crc = new CRC32();
    private final DataInputStream in;
    private long offset;

    BinaryInput(Path file, long size, InputStream stream) {
        this.file = file;
        this.size = size;
        this.in = new DataInputStream(new CheckedInputStream(stream, crc));
    }

    int readInt() throws IOException {
        consume(Integer.BYTES);
        return in.readInt();
    }

    long readLong() throws IOException {
        consume(Long.BYTES);
        return in.readLong();
    }

    double readDouble() throws IOException {
        consume(Double.BYTES);
        return in.readDouble();
    }

    byte readByte() throws IOException {
        consume(1);
        return in.readByte();
    }

    boolean readBoolean() throws IOException {
        consume(1);
        int value = in.readUnsignedByte();
        if (value > 1) {
            throw corrupt(offset - 1, "a flag is " + value + ", not 0 or 1");
        }
        return value == 1;
    }

    /** Reads an {@code int} length, then that many UTF-8 bytes. */
    String readText() throws IOException {
        byte[] bytes = new byte[length(1)];
        consume(bytes.length);
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    float[] readFloats() throws IOException {
        float[] values = new float[length(Float.BYTES)];
        consume((long) values.length * Float.BYTES);
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    double[] readDoubles() throws IOException {
        double[] values = new double[length(Double.BYTES)];
        consume((long) values.length * Double.BYTES);
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    long[] readLongs() throws IOException {
        long[] values = new long[length(Long.BYTES)];
        consume((long) values.length * Long.BYTES);
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    int[] readInts() throws IOException {
        int[] values = new int[length(Integer.BYTES)];
        consume((long) values.length * Integer.BYTES);
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    /**
     * Reads a count of items, each taking at least {@code minimumBytes}, that must fit in the bytes
     * left.
     */
    int length(int minimumBytes) throws IOException {
        long at = offset;
        int length = readInt();
        if (length < 0 || (long) length * minimumBytes > size - offset) {
            throw corrupt(at, "a length of " + length + " does not fit the " + (size - offset) + " bytes left");
        }
        return length;
    }

    /** Checks that the CRC-32 stored next equals that of everything read, and that the file ends there. */
    void checkEnd() throws IOException {
        long computed = crc.getValue();
        long at = offset;
        long stored = readInt() & 0xFFFF_FFFFL;
        if (stored != computed) {
            throw corrupt(at, String.format("the checksum is %08x, the content's %08x", stored, computed));
        }
        if (offset != size) {
            throw corrupt(offset, (size - offset) + " bytes follow the checksum");
        }
    }

    DataException inconsistent(String problem) {
        return DataException.inFile(file, "is not a valid checkpoint: " + problem);
    }

    DataException corrupt(long at, String problem) {
        return DataException.inFile(file, "is not a valid checkpoint at byte " + at + ": " + problem);
    }

    private void consume(long bytes) {
        if (bytes > size - offset) {
            throw corrupt(offset, "it ends after " + size + " bytes, " + bytes + " more were expected");
        }
        offset += bytes;
    }

    /** Turns an early end of the stream (a file that shrank while read) into a located error. */
    DataException truncated(EOFException end) {
        return DataException.unreadable(file, "ended early near byte " + offset, end);
    }
}
