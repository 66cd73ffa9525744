package dev.deskassist.core.llm;

import dev.deskassist.core.DeskAssistException;

/** A prompt template is missing, malformed, or asks for a value that was not supplied; the message names file and line. */
public class PromptException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public PromptException(String message) {
        super(message);
    }
}
