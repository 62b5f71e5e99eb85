package org.fairreg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Refuses, before any work starts, an output path that names an input or another output, since
 * writing it would destroy data the command still needs or lose one of two results.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * @param commandLine the command, for the usage error
     * @param inputs the files read; nulls are skipped
     * @param outputs the files to write, as option name then path pairs; null paths are skipped
     * @throws ParameterException if two of them are the same file
     */
    static void checkDistinct(CommandLine commandLine, List<Path> inputs, Object... outputs) {
        List<Path> seen = new ArrayList<>();
        for (Path input : inputs) {
            if (input != null) {
                seen.add(normalized(input));
            }
        }
        int inputCount = seen.size();
        for (int j = 0; j < outputs.length; j += 2) {
            Path output = (Path) outputs[j + 1];
            if (output == null) {
                continue;
            }
            int clash = seen.indexOf(normalized(output));
            if (clash >= 0) {
                throw new ParameterException(commandLine, "Invalid value for option '" + outputs[j] + "': '" + output
                        + "' is also " + (clash < inputCount ? "an input" : "another output")
                        + " of this command; choose another file");
            }
            seen.add(normalized(output));
        }
    }

    private static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
