package dev.deskassist.core.pipeline;

import java.util.Objects;

/**
 * Why an event was given up: a kind to filter and alert on, and a short message with ids and error
 * codes only (never ticket text).
 */
public record DeadLetterReason(Kind kind, String message) {

    /** The kinds of giving up. */
    public enum Kind {
        /** The ticket does not exist or is not visible to the integration user. */
        NOT_FOUND,
        /** The helpdesk refused the change: validation, closed ticket, conflicting state. */
        REJECTED,
        /** Credentials are wrong or lack a permission. */
        AUTHENTICATION,
        /** Transient failures went on past the retry horizon. */
        RETRIES_EXHAUSTED,
        /** A DeskAssist error that needs a fix first (configuration, unreadable answer, triage failure). */
        FAILED,
        /** An error DeskAssist did not expect; the message names its class. */
        UNEXPECTED
    }

    /** The longest message kept; longer ones are cut. */
    public static final int MAX_MESSAGE = 300;

    public DeadLetterReason {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message.strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
    }

    @Override
    public String toString() {
        return message.isEmpty() ? kind.name() : kind + ": " + message;
    }
}
