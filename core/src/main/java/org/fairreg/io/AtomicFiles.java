package org.fairreg.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes files so that they appear complete or not at all: the content goes to a temporary file
 * beside the target, is forced to the storage device, and is then renamed over the target in one
 * step. A reader sees the old file or the new one, never a part.
 *
 * <p>A process killed while writing leaves at most one hidden temporary file behind, named
 * {@code .<target name>.fairreg-<random UUID>.tmp} in the target's folder ({@link #isTemporary}).
 * fairreg never reads such a file: it reads only the files named on its command line, and never
 * lists a folder to find them. Leftovers can be deleted at any time no fairreg process is writing
 * to that folder.
 *
 * <p>Thread-safe: concurrent writes of one target each use their own temporary file, and the
 * last rename wins.
 */
public final class AtomicFiles {

    /** Between the target's name and the random part, so that a leftover says who left it. */
    private static final String TEMPORARY_MARK = ".fairreg-";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final Pattern TEMPORARY_NAME = Pattern.compile(
            "\\..+" + Pattern.quote(TEMPORARY_MARK) + "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
                    + Pattern.quote(TEMPORARY_SUFFIX));

    private AtomicFiles() {
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; closed by the caller
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically, replacing any file of that name.
     *
     * @param target the file to write; its folder must exist
     * @param content writes the content
     * @throws IOException if the folder is missing or writing fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": folder " + folder + " does not exist");
        }
        // Not Files.createTempFile: it makes the file private to the owner, and the rename would
        // carry those permissions over to the target.
        Path temporary = folder.resolve(
                "." + absolute.getFileName() + TEMPORARY_MARK + UUID.randomUUID() + TEMPORARY_SUFFIX);
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            moveOver(temporary, absolute);
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Tells whether a file is a temporary file of {@link #write}, left behind if its process was
     * killed before the rename.
     *
     * @param file a file
     * @return true if its name has the temporary files' shape
     */
    public static boolean isTemporary(Path file) {
        Path name = file.getFileName();
        return name != null && TEMPORARY_NAME.matcher(name.toString()).matches();
    }

    /**
     * Forces the folder's entries to the storage device, so that the rename, too, survives a
     * power loss. Some platforms (Windows) cannot open a folder for this; the rename is then as
     * durable as the file system makes it.
     */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // Durability only: the file is already complete under its name.
        }
    }

    private static void moveOver(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            // Some file systems cannot rename atomically; a plain replace is the best they offer.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
