package dev.deskassist.core.triage.classify;

import java.io.IOException;

/**
 * A model file that cannot be loaded: not a DeskAssist model, another format version, truncated,
 * or with content that does not match its checksum. The message says which.
 */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
