package dev.deskassist.core.triage.sentiment;

import dev.deskassist.core.DeskAssistException;

/**
 * A sentiment lexicon could not be read: the message names the source (file or resource) and the
 * 1-based line, and says what is wrong with it.
 */
public class LexiconFormatException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public LexiconFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public LexiconFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.line = 0;
    }

    /** File or resource name the bad entry came from. */
    public String source() {
        return source;
    }

    /** 1-based line number of the bad entry, or 0 when the whole source is at fault. */
    public int line() {
        return line;
    }
}
