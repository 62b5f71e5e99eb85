package org.fairreg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what the operating system knows about this process: its peak resident set and the CPU
 * time it has used. Stateless and thread-safe.
 */
final class ProcessFigures {

    /** Where Linux publishes the process's memory figures. */
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessFigures() {
    }

    /**
     * Returns the peak resident set of this process so far, Linux's {@code VmHWM}: every page the
     * JVM, its heap, native libraries and their allocations ever held in memory at once.
     *
     * @return the peak in MiB, or NaN where {@code /proc/self/status} does not exist or lacks it
     */
    static double peakResidentMebibytes() {
        return statusMebibytes("VmHWM:");
    }

    /**
     * Returns the CPU time this process has used on all its threads, JIT and garbage collector
     * included; with two cores it can grow up to twice as fast as wall-clock time.
     *
     * @return seconds, or NaN where the JVM does not report it
     */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean bean) {
            long nanos = bean.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    private static double statusMebibytes(String field) {
        List<String> lines;
        try {
            lines = Files.readAllLines(STATUS);
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux: the figure is missing from the report rather than the run failing.
            return Double.NaN;
        }
        for (String line : lines) {
            if (line.startsWith(field)) {
                // The line reads "VmHWM:     123456 kB".
                String[] parts = line.substring(field.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
