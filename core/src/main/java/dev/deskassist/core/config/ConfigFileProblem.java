package dev.deskassist.core.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file: the file, the 1-based line and column (0 when the
 * problem is not tied to a place), the JSON pointer of the value ({@code /categories/2/rules/0/weight},
 * empty for the whole document) or, in a properties file, the key, and what was expected or what to do. Never quotes more of the file than a key or
 * a short enum-like value.
 */
public record ConfigFileProblem(String file, int line, int column, String pointer, String message) {

    public ConfigFileProblem {
        Objects.requireNonNull(message, "message");
        pointer = pointer == null ? "" : pointer;
    }

    /** A problem with the whole file (missing, unreadable, empty). */
    public static ConfigFileProblem ofFile(String file, String message) {
        return new ConfigFileProblem(file, 0, 0, "", message);
    }

    /** {@code file:line:column}, or as much of it as is known. */
    public String place() {
        StringBuilder b = new StringBuilder(file == null ? "" : file);
        if (line > 0) {
            b.append(b.length() == 0 ? "" : ":").append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        String place = place();
        String where = pointer.isEmpty() ? "" : "at " + pointer + ": ";
        return (place.isEmpty() ? "" : place + ": ") + where + message;
    }
}
