package dev.deskassist.core.adapter;

import dev.deskassist.core.DeskAssistException;

/**
 * An adapter's configuration is missing a required value or holds one that cannot be read. The
 * message names the key and what it should contain, never a secret value.
 */
public class AdapterConfigException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public AdapterConfigException(String message) {
        super(message);
    }

    public AdapterConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
