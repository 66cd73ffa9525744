package dev.deskassist.core.triage.classify;

import dev.deskassist.core.DeskAssistException;

/**
 * Labeled training data that cannot be used: a missing file or column, an empty file, a single
 * label, a malformed line. The message names the file and, where it applies, the line; it never
 * quotes the text of a row.
 */
public class TrainingDataException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    public TrainingDataException(String source, long line, String message) {
        this(source, line, message, null);
    }

    public TrainingDataException(String source, long line, String message, Throwable cause) {
        super(format(source, line, message), cause);
        this.source = source;
        this.line = line;
    }

    /** The file (or other source) the problem was found in. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem was found on, or 0 when it concerns the whole source. */
    public long line() {
        return line;
    }

    private static String format(String source, long line, String message) {
        return source + (line > 0 ? ", line " + line : "") + ": " + message;
    }
}
