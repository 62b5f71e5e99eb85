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

/**
 * Writes files so that they appear complete or not at all: the content goes to a temporary file
 * beside the target, is forced to the storage device, and is then renamed over the target in one
 * step. A reader sees the old file or the new one, never a part; a crash leaves at most a hidden
 * temporary file behind.
 */
public final class AtomicFiles {

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
        Path temporary = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            moveOver(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
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
