package dev.deskassist.core.llm;

/** A prompt template is missing, malformed, or asks for a value that was not supplied; the message names file and line. */
public class PromptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PromptException(String message) {
        super(message);
    }
}
