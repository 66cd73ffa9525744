package dev.deskassist.core.pipeline;

import dev.deskassist.core.DeskAssistException;

/**
 * The event store could not read or persist (full disk, read-only or missing directory, a lock
 * held by another process beyond the busy timeout, a closed store). Retryable: the caller answers
 * 503 with {@code Retry-After} and the sender delivers again. The message names the store and the
 * operation, never event content.
 */
public class StoreException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
