package org.fairreg.cli;

import java.util.function.Function;

import org.fairreg.model.Activation;
import org.fairreg.objective.Epsilon;
import org.fairreg.objective.GapEstimate;
import org.fairreg.objective.GapForm;
import org.fairreg.objective.GapMeasure;
import org.fairreg.objective.ObjectiveKind;
import org.fairreg.optim.OptimizerKind;
import org.fairreg.train.Batching;
import org.fairreg.train.ValidationLoss;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the library's named choices, so that the command line accepts exactly the names
 * the model file uses ({@code batch-mean}, not {@code BATCH_MEAN}) and a bad value gets the
 * library's message listing the accepted names.
 */
final class Converters {

    private Converters() {
    }

    /**
     * Registers every converter on a command line and its subcommands.
     *
     * @param commandLine the root command line
     * @return the same command line
     */
    static CommandLine register(CommandLine commandLine) {
        commandLine.registerConverter(ObjectiveKind.class, of(ObjectiveKind::fromId));
        commandLine.registerConverter(GapForm.class, of(GapForm::fromId));
        commandLine.registerConverter(OptimizerKind.class, of(OptimizerKind::fromId));
        commandLine.registerConverter(Activation.class, of(Activation::fromId));
        commandLine.registerConverter(ValidationLoss.class, of(ValidationLoss::fromId));
        commandLine.registerConverter(GapMeasure.class, of(GapMeasure::fromId));
        commandLine.registerConverter(GapEstimate.class, of(GapEstimate::fromId));
        commandLine.registerConverter(Batching.class, of(Batching::fromId));
        commandLine.registerConverter(Epsilon.class, of(Epsilon::parse));
        commandLine.registerConverter(BuiltinData.class, of(BuiltinData::fromId));
        return commandLine;
    }

    private static <T> ITypeConverter<T> of(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException invalid) {
                throw new TypeConversionException(invalid.getMessage());
            }
        };
    }
}
