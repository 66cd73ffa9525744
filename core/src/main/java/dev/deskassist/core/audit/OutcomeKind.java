package dev.deskassist.core.audit;

/**
 * What a later look at a ticket showed about something DeskAssist decided or wrote. Field kinds
 * carry {@code field}, {@code from} (ours) and {@code to} (the ticket's value); draft kinds carry a
 * similarity {@code score}; reply and response kinds carry {@code elapsedSeconds}.
 */
public enum OutcomeKind {
    /** A value we wrote is still on the ticket when a human touched it later: accepted. */
    FIELD_KEPT,
    /** A human replaced a value we wrote: a correction from ours to theirs. */
    FIELD_CORRECTED,
    /** Shadow mode: the value a human set equals the one we would have written. */
    SHADOW_AGREED,
    /** Shadow mode: a human set another value than the one we would have written. */
    SHADOW_DISAGREED,
    /** A draft reached the agent (in an internal note); the denominator of draft usage. */
    DRAFT_OFFERED,
    /** The agent's next public reply is close to our draft (score at or above the "used" threshold). */
    DRAFT_USED,
    /** The agent's next public reply shares part of our draft. */
    DRAFT_EDITED,
    /** The agent's next public reply has little in common with our draft. */
    DRAFT_IGNORED,
    /** We sent a public reply ourselves (AUTO); the denominator of the reopen rate. */
    AUTO_REPLY_SENT,
    /** A ticket we answered automatically was reopened within the window. */
    AUTO_REPLY_REOPENED,
    /** The customer wrote again within the window after our automatic reply. */
    AUTO_REPLY_FOLLOWED_UP,
    /** The first public agent reply of a ticket we handled, {@code elapsedSeconds} after it was created. */
    FIRST_RESPONSE
}
