package org.fairreg.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Refuses an option that takes one value and is given twice. Why here: fairreg's options live in
 * picocli argument groups, and a repeated group option starts a new instance of its group, so
 * {@code --epochs 1 --lambda 2 --epochs 3} silently dropped {@code --lambda 2}. Refusing the
 * repetition is clearer than choosing one of the values.
 */
final class RepeatedOptions {

    private RepeatedOptions() {
    }

    /**
     * Runs the command the line selects, after checking that it repeats no single-value option.
     *
     * @param parseResult the parsed command line
     * @return the command's exit code
     * @throws ParameterException naming the first repeated option
     */
    static int refuseThenRun(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        refuse(command.commandSpec(), command.originalArgs());
        return new CommandLine.RunLast().execute(parseResult);
    }

    private static void refuse(CommandSpec spec, List<String> args) {
        Set<String> seen = new HashSet<>();
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                continue;
            }
            int equals = arg.indexOf('=');
            OptionSpec option = spec.findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null || option.isMultiValue() || option.arity().max() == 0) {
                continue;
            }
            if (!seen.add(option.longestName())) {
                throw new ParameterException(spec.commandLine(), "option '" + option.longestName()
                        + "' is given more than once; give each option once");
            }
        }
    }
}
