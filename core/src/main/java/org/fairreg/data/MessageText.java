package org.fairreg.data;

import java.util.List;

/**
 * Renders values from the data into the text of error messages.
 *
 * <p>A message is one line, so a value quoted in it has its control characters escaped; a value
 * is cut to {@value #MAX_QUOTED_LENGTH} characters, so that one bad cell cannot flood a log.
 *
 * <p>The class is stateless and safe to use from several threads at once.
 */
public final class MessageText {

    /** Values are cut to this length in messages. */
    private static final int MAX_QUOTED_LENGTH = 60;

    private MessageText() {
    }

    /**
     * Quotes a value for a message on one line: control characters escaped, long values cut.
     *
     * @param value any string, verbatim
     * @return the value in single quotes, followed by how much of it is shown when it was cut
     */
    public static String quote(String value) {
        int shown = Math.min(value.length(), MAX_QUOTED_LENGTH);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder quoted = new StringBuilder(shown + 2).append('\'');
        for (int i = 0; i < shown; i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (ch < ' ') {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        quoted.append('\'');
        if (shown < value.length()) {
            quoted.append(" (first ").append(shown).append(" of ").append(value.length())
                    .append(" characters)");
        }
        return quoted.toString();
    }

    /** Quotes every value as {@link #quote} does and joins them with commas. */
    public static String quoteAll(List<String> values) {
        StringBuilder quoted = new StringBuilder();
        for (String value : values) {
            quoted.append(quoted.length() == 0 ? "" : ", ").append(quote(value));
        }
        return quoted.toString();
    }

    /**
     * Quotes the first values as {@link #quote} does and joins them with commas, saying how many
     * there are in all when some are left out.
     *
     * @param values the values
     * @param shown how many to show at most; at least 1
     * @return such as {@code 'a', 'b', 'c' and 7 more}
     */
    public static String quoteSome(List<String> values, int shown) {
        if (values.size() <= shown) {
            return quoteAll(values);
        }
        return quoteAll(values.subList(0, shown)) + " and " + (values.size() - shown) + " more";
    }

    /** Writes a count with its noun, in the plural unless the count is one. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
