package org.fairreg.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * Where a model was trained: the fairreg version, the Java version, operating system and
 * processor architecture, and the kernels that computed it. The others are kept because float
 * results can differ across JVMs, platforms and kernels (the Vector API kernels fuse
 * multiply-adds), so a byte-for-byte reproduction needs the same ones. No time stamp is kept:
 * the same run on the same platform writes the same model file.
 *
 * @param toolVersion the fairreg version
 * @param javaVersion the {@code java.version} property
 * @param os the {@code os.name} property, lower-case
 * @param arch the {@code os.arch} property
 * @param kernels the name of the {@code DenseKernels} used, such as {@code vector}
 */
public record Provenance(String toolVersion, String javaVersion, String os, String arch, String kernels) {

    private static final String VERSION_RESOURCE = "/org/fairreg/version.properties";

    /**
     * @param kernels the name of the kernels a model is computed with
     * @return the provenance of this process
     */
    public static Provenance current(String kernels) {
        return new Provenance(builtVersion(), System.getProperty("java.version"),
                System.getProperty("os.name").toLowerCase(Locale.ROOT), System.getProperty("os.arch"), kernels);
    }

    /** @return the fairreg version this code was built as */
    public static String builtVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build left out " + VERSION_RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VERSION_RESOURCE, e);
        }
    }
}
