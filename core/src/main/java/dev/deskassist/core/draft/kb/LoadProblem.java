package dev.deskassist.core.draft.kb;

import java.util.Objects;

/**
 * One thing wrong (or worth knowing) in a knowledge-base folder: the file, the 1-based line
 * (0 when the problem concerns the whole file), what kind of problem and a message.
 */
public record LoadProblem(String file, int line, Kind kind, String message) {

    /** What happened to the entry the problem is about. */
    public enum Kind {
        /** The file could not be read or parsed; nothing from it was loaded. */
        REJECTED,
        /** Loaded but never retrievable: {@code approved: false}. */
        UNAPPROVED,
        /** Loaded but never retrievable: {@code valid_until} lies in the past. */
        EXPIRED
    }

    public LoadProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + message;
    }
}
