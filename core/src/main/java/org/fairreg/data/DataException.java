package org.fairreg.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Signals input data that cannot be used, with the place where the problem was found.
 *
 * <p>The message has the shape {@code file:line:column: what was wrong; what was expected}, the
 * line and column being 1-based and omitted when they do not apply (a missing column, say, has
 * no column number).
 */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int column;

    private DataException(Path file, long line, int column, String problem, Throwable cause) {
        super(location(file, line, column) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /**
     * Creates an exception for a problem at a cell.
     *
     * @param file the file read, or {@code null} for data that has no file
     * @param line the 1-based line number
     * @param column the 1-based column number
     * @param problem what was wrong and what was expected
     * @return the exception
     */
    public static DataException atCell(Path file, long line, int column, String problem) {
        return new DataException(file, line, column, problem, null);
    }

    /**
     * Creates an exception for a problem with a whole line.
     *
     * @param file the file read, or {@code null} for data that has no file
     * @param line the 1-based line number
     * @param problem what was wrong and what was expected
     * @return the exception
     */
    public static DataException atLine(Path file, long line, String problem) {
        return new DataException(file, line, 0, problem, null);
    }

    /**
     * Creates an exception for a problem with the data as a whole.
     *
     * @param file the file read, or {@code null} for data that has no file
     * @param problem what was wrong and what was expected
     * @return the exception
     */
    public static DataException inFile(Path file, String problem) {
        return new DataException(file, 0, 0, problem, null);
    }

    /**
     * Creates an exception for a file that could not be read at all.
     *
     * @param file the file
     * @param problem what went wrong
     * @param cause the underlying error
     * @return the exception
     */
    public static DataException unreadable(Path file, String problem, Throwable cause) {
        return new DataException(Objects.requireNonNull(file, "file"), 0, 0, problem, cause);
    }

    /** @return the file read, if the data came from one */
    public Path file() {
        return file;
    }

    /** @return the 1-based line of the problem, if it has one */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /** @return the 1-based column of the problem, if it has one */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    private static String location(Path file, long line, int column) {
        StringBuilder where = new StringBuilder(file == null ? "<data>" : file.toString());
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where.toString();
    }
}
