package dev.deskassist.core.json;

import dev.deskassist.core.DeskAssistException;

/** JSON that could not be read or written; the message never quotes the input. */
public class JsonException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }

    public JsonException(String message) {
        super(message);
    }
}
