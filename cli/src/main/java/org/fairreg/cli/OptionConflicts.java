package org.fairreg.cli;

import java.util.List;

import org.fairreg.objective.ObjectiveKind;
import org.fairreg.optim.OptimizerKind;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Rejects options of {@code train} given together with a choice that ignores them, such as
 * {@code --epsilon} with {@code --objective penalized}. Such an option would change nothing, and
 * the user who typed it expects it to: most likely the objective or optimizer is not the one meant.
 *
 * <p>Only options typed on the command line count; their defaults are always there and are never a
 * conflict. The class is stateless.
 */
final class OptionConflicts {

    /**
     * An option that only the given value of another option uses.
     *
     * @param option the dependent option, such as {@code --epsilon}
     * @param owner the option it depends on, such as {@code --objective}
     * @param ownerValue the owner's value, as typed, under which the option applies
     */
    private record Rule(String option, String owner, String ownerValue) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("--lambda", "--objective", "penalized"),
            new Rule("--gap-measure", "--objective", "penalized"),
            new Rule("--epsilon", "--objective", "constrained"),
            new Rule("--multiplier-rate", "--objective", "constrained"),
            new Rule("--gap-form", "--objective", "gap"),
            new Rule("--momentum", "--optimizer", "sgd"));

    private OptionConflicts() {
    }

    /**
     * Checks the typed options against the chosen objective and optimizer.
     *
     * @param commandLine the {@code train} command, parsed
     * @param objective the objective chosen, typed or default
     * @param optimizer the optimizer chosen, typed or default
     * @throws ParameterException naming both options if an option was typed whose owner has
     *         another value
     */
    static void check(CommandLine commandLine, ObjectiveKind objective, OptimizerKind optimizer) {
        ParseResult parsed = commandLine.getParseResult();
        for (Rule rule : RULES) {
            if (!parsed.hasMatchedOption(rule.option())) {
                continue;
            }
            String chosen = rule.owner().equals("--objective") ? objective.id() : optimizer.id();
            if (!chosen.equals(rule.ownerValue())) {
                String how = parsed.hasMatchedOption(rule.owner()) ? "" : " (the default)";
                throw new ParameterException(commandLine, "Option '" + rule.option() + "' applies only to "
                        + rule.owner() + " " + rule.ownerValue() + ", found " + rule.owner() + " " + chosen + how
                        + "; expected " + rule.owner() + " " + rule.ownerValue() + ", or no " + rule.option());
            }
        }
    }
}
