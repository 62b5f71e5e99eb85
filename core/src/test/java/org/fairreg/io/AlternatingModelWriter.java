package org.fairreg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fairreg.train.FittedModel;

/**
 * The child process of {@link ModelFileKillTest}: writes two models of a few megabytes to one
 * path in turn, for ever, and creates a marker file once the first write is complete, so that
 * the parent kills it while it is busy writing rather than while its JVM is starting.
 *
 * <p>The first write is {@link ModelFile#write}; the later ones write the same bytes the way it
 * does, serialized once beforehand, since serializing takes most of a write's time and a kill
 * during it tests nothing.
 */
final class AlternatingModelWriter {

    /** The hidden layers of both models: about 365,000 parameters, some 5 MB of JSON. */
    static final int[] HIDDEN_SIZES = {600, 600};
    static final long FIRST_SEED = 1;
    static final long SECOND_SEED = 2;

    private AlternatingModelWriter() {
    }

    /**
     * @param args the model file to write, then the marker file to create after the first write
     * @throws IOException if a write fails
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Path marker = Path.of(args[1]);
        FittedModel first = ModelFixtures.model(HIDDEN_SIZES, FIRST_SEED);
        FittedModel second = ModelFixtures.model(HIDDEN_SIZES, SECOND_SEED);

        byte[] firstBytes = ModelFile.toJson(first);
        byte[] secondBytes = ModelFile.toJson(second);

        ModelFile.write(first, target);
        Files.createFile(marker);
        while (true) {
            AtomicFiles.write(target, out -> out.write(secondBytes));
            AtomicFiles.write(target, out -> out.write(firstBytes));
        }
    }
}
