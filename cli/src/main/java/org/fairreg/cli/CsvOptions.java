package org.fairreg.cli;

import java.util.Optional;

import org.fairreg.data.ColumnSelection;
import org.fairreg.data.MissingPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How a labelled CSV file is split into fields and what happens to missing values. */
final class CsvOptions {

    // Initialized here as well: picocli applies defaultValue to a nested group only when one of
    // its options is given.
    @Option(names = "--missing", paramLabel = "POLICY", order = 20, defaultValue = "error",
            converter = MissingPolicyConverter.class,
            description = "What to do with a row that has a missing value (an empty cell or exactly NA) in a "
                    + "column that is used (target, group, features): error stops at it, naming file, line and "
                    + "column; drop leaves the row out and reports how many rows were dropped. "
                    + "Default: ${DEFAULT-VALUE}")
    MissingPolicy missing = MissingPolicy.ERROR;

    @Option(names = "--separator", paramLabel = "CHAR", order = 21, converter = SeparatorConverter.class,
            description = SeparatorConverter.DESCRIPTION)
    Character separator;

    /**
     * @param selection a selection of columns
     * @return the selection with this separator (or detection) and missing-value policy
     */
    ColumnSelection applyTo(ColumnSelection selection) {
        ColumnSelection separated = separator == null
                ? selection.withDetectedSeparator()
                : selection.withSeparator(separator);
        return separated.withMissing(missing);
    }

    /** @return the separator given, or empty to detect it */
    Optional<Character> separator() {
        return Optional.ofNullable(separator);
    }

    /** Reads {@code error} or {@code drop}, in any case. */
    public static final class MissingPolicyConverter implements ITypeConverter<MissingPolicy> {
        @Override
        public MissingPolicy convert(String value) {
            try {
                return MissingPolicy.fromId(value);
            } catch (IllegalArgumentException invalid) {
                throw new TypeConversionException(invalid.getMessage());
            }
        }
    }

    /** Reads a separator: one character, or {@code tab} or {@code \t} for a tab. */
    public static final class SeparatorConverter implements ITypeConverter<Character> {

        /** The option's description, shared by every command that reads CSV files. */
        static final String DESCRIPTION = "Field separator of the CSV file: one character, or 'tab'. "
                + "Default: detected from the header line, which must hold exactly one of ',', ';', tab and '|' "
                + "outside quotes (a header with none is one column).";

        @Override
        public Character convert(String value) {
            if (value.equals("tab") || value.equals("\\t")) {
                return '\t';
            }
            if (value.length() != 1) {
                throw new TypeConversionException("'" + value + "' is not one character; expected a single "
                        + "character such as ';', or 'tab'");
            }
            char separator = value.charAt(0);
            if (separator == '"' || separator == '\r' || separator == '\n') {
                throw new TypeConversionException("a double quote, carriage return or line feed cannot separate "
                        + "fields; expected another character");
            }
            return separator;
        }
    }
}
