package org.fairreg.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Builds markup that is both HTML5 and well-formed XML: every element is closed, every attribute
 * value quoted and escaped, text escaped. Elements are closed in the order they were opened, and
 * {@link #toString()} refuses a document with elements left open. Not thread-safe.
 */
final class Markup {

    /** Elements after which a line break keeps the file readable without changing how it renders. */
    private static final Set<String> BLOCKS = Set.of("html", "head", "body", "header", "section", "h1", "h2", "h3",
            "p", "table", "thead", "tbody", "tr", "ul", "li", "dl", "div", "figure", "figcaption", "style",
            "title", "meta", "svg", "g", "line", "polyline", "circle", "rect", "text", "path");

    /**
     * The only elements {@link #empty} writes: HTML's void elements and SVG's, since HTML5 reads
     * {@code <span/>} as an opening tag that is never closed.
     */
    private static final Set<String> SELF_CLOSING = Set.of("meta", "br", "line", "polyline", "circle", "rect",
            "path");

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    /**
     * Opens an element.
     *
     * @param name the element name, a constant of the caller
     * @param attributes names and values in turn; a null value leaves that attribute out
     * @return this
     */
    Markup open(String name, String... attributes) {
        startTag(name, attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    /**
     * Closes the element opened last.
     *
     * @return this
     * @throws IllegalStateException if no element is open
     */
    Markup close() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no element is open");
        }
        String name = open.pop();
        out.append("</").append(name).append('>');
        breakAfter(name);
        return this;
    }

    /**
     * Writes an element without content, as {@code <name/>}, which HTML5 reads as a void or
     * self-closed foreign element.
     *
     * @param name the element name: an HTML void element or an SVG shape
     * @param attributes names and values in turn; a null value leaves that attribute out
     * @return this
     * @throws IllegalArgumentException if the element must be closed in HTML5
     */
    Markup empty(String name, String... attributes) {
        if (!SELF_CLOSING.contains(name)) {
            throw new IllegalArgumentException("name must be a void or SVG shape element, found " + name);
        }
        startTag(name, attributes);
        out.append("/>");
        breakAfter(name);
        return this;
    }

    /**
     * Writes an element holding only text.
     *
     * @param name the element name
     * @param text its text, escaped here
     * @param attributes names and values in turn; a null value leaves that attribute out
     * @return this
     */
    Markup element(String name, String text, String... attributes) {
        return open(name, attributes).text(text).close();
    }

    /**
     * @param text text, escaped here
     * @return this
     */
    Markup text(String text) {
        out.append(escape(text));
        return this;
    }

    /**
     * Writes a {@code <style>} element. HTML reads a style sheet as raw text, where entities stay
     * undecoded, and XML needs {@code <} and {@code &} escaped; a sheet without either reads the same
     * in both, so it is written as it is.
     *
     * @param css the style sheet
     * @return this
     * @throws IllegalArgumentException if the sheet holds {@code <} or {@code &}
     */
    Markup styleSheet(String css) {
        if (css.indexOf('<') >= 0 || css.indexOf('&') >= 0) {
            throw new IllegalArgumentException("css must not hold '<' or '&', which HTML and XML read differently");
        }
        open("style");
        out.append(css);
        return close();
    }

    /**
     * Escapes text for element content and quoted attribute values: the markup characters become
     * entities, and characters XML forbids (most control characters, unpaired surrogates) become
     * U+FFFD, so that text from data (group labels, column and file names) can never add markup.
     *
     * @param text any text
     * @return the escaped text
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if (isXmlCharacter(c)) {
                        escaped.append(c);
                    } else {
                        escaped.append('\uFFFD');
                    }
                }
            }
        }
        return escaped.toString();
    }

    /**
     * @return the markup
     * @throws IllegalStateException if an element is still open
     */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return out.toString();
    }

    private void startTag(String name, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must come as name and value pairs, found "
                    + attributes.length + " strings");
        }
        out.append('<').append(name);
        for (int a = 0; a < attributes.length; a += 2) {
            if (attributes[a + 1] != null) {
                out.append(' ').append(attributes[a]).append("=\"").append(escape(attributes[a + 1])).append('"');
            }
        }
    }

    private void breakAfter(String name) {
        if (BLOCKS.contains(name)) {
            out.append('\n');
        }
    }

    /** Tab, line feed, carriage return and everything from space on except surrogates and U+FFFE/F. */
    private static boolean isXmlCharacter(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c < 0xFFFE;
    }
}
