package dev.deskassist.core.draft.kb;

import dev.deskassist.core.DeskAssistException;

/**
 * A knowledge-base file or folder could not be used. Carries the file and, where known, the
 * 1-based line; the message never quotes article text beyond a short key name.
 */
public class KnowledgeBaseException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public KnowledgeBaseException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public KnowledgeBaseException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** The message without the file and line prefix. */
    public String reason() {
        String m = getMessage();
        int i = m.indexOf(": ");
        return i >= 0 ? m.substring(i + 2) : m;
    }
}
