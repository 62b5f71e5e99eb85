package org.fairreg.util;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * A constant of an enum that users choose by name on the command line and that model files
 * store by name: the name is the constant's, lower-case, with dashes for underscores.
 */
public interface NamedChoice {

    /** @return the constant's Java name, as {@link Enum#name()} gives it */
    String name();

    /** @return the name used on the command line and in files, such as {@code batch-mean} */
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Finds the constant of an enum with a given id, ignoring case.
     *
     * @param <E> the enum type
     * @param type the enum class
     * @param what what the value is, for the error message, such as {@code objective}
     * @param id the id looked for
     * @return the constant
     * @throws IllegalArgumentException naming {@code what}, the value and the accepted ids if no
     *         constant has that id
     */
    static <E extends Enum<E> & NamedChoice> E fromId(Class<E> type, String what, String id) {
        StringJoiner accepted = new StringJoiner(", ");
        for (E constant : type.getEnumConstants()) {
            if (constant.id().equalsIgnoreCase(id)) {
                return constant;
            }
            accepted.add(constant.id());
        }
        throw new IllegalArgumentException(what + " must be one of " + accepted + ", found '" + id + "'");
    }
}
