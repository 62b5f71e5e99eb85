package org.fairreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Refuses, before any work starts, an output path that names an input or another output, since
 * writing it would destroy data the command still needs or lose one of two results.
 *
 * <p>Two paths name the same file when {@link Files#isSameFile} says so for files that exist,
 * which sees through symbolic links and different spellings; for a file not yet written, when
 * their absolute, normalized forms are equal after resolving the symbolic links of the folder.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * @param commandLine the command, for the usage error
     * @param inputs the files read; nulls are skipped
     * @param outputs the files to write, as option name then path pairs; null paths are skipped
     * @throws ParameterException if two of them are the same file, naming the option and both paths
     */
    static void checkDistinct(CommandLine commandLine, List<Path> inputs, Object... outputs) {
        List<Path> seen = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (Path input : inputs) {
            if (input != null) {
                seen.add(input);
                roles.add("the input");
            }
        }
        for (int j = 0; j < outputs.length; j += 2) {
            String option = (String) outputs[j];
            Path output = (Path) outputs[j + 1];
            if (output == null) {
                continue;
            }
            for (int k = 0; k < seen.size(); k++) {
                if (sameFile(output, seen.get(k))) {
                    throw new ParameterException(commandLine, "Invalid value for option '" + option + "': '" + output
                            + "' is the same file as " + roles.get(k) + " '" + seen.get(k) + "'; choose another file");
                }
            }
            seen.add(output);
            roles.add("the output of " + option);
        }
    }

    private static boolean sameFile(Path first, Path second) {
        if (Files.exists(first) && Files.exists(second)) {
            try {
                return Files.isSameFile(first, second);
            } catch (IOException unreadable) {
                // A file that exists but cannot be examined is compared by its path below.
            }
        }
        return resolved(first).equals(resolved(second));
    }

    /** The absolute, normalized path, with the folder's symbolic links resolved when it exists. */
    private static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            return absolute;
        }
        try {
            return folder.toRealPath().resolve(absolute.getFileName());
        } catch (IOException noFolder) {
            return absolute;
        }
    }
}
