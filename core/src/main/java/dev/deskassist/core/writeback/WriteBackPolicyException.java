package dev.deskassist.core.writeback;

import dev.deskassist.core.DeskAssistException;

/** A write-back policy file that cannot be used; the message names the file, where and what is wrong. */
public class WriteBackPolicyException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public WriteBackPolicyException(String message) {
        super(message);
    }

    public WriteBackPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
