package dev.deskassist.core.audit;

/**
 * What became of a plan in the helpdesk, recorded beside the decision: the audit trail then shows
 * not only what was decided but whether it reached the ticket.
 */
public enum WriteOutcome {
    /** At least one change reached the helpdesk. */
    WRITTEN,
    /** Nothing needed changing: the ticket already held every planned value, or the plan was empty. */
    UNCHANGED,
    /** Part of the plan was skipped because a human changed that value meanwhile; the human's value stays. */
    KEPT_HUMAN,
    /** The helpdesk refused the change (validation, closed ticket); the event was dead-lettered. */
    REJECTED,
    /** The event could not be processed (not found, credentials, retries exhausted, unexpected error) and was kept as a dead letter. */
    DEAD_LETTERED,
    /** Shadow mode: the plan was made and recorded, and nothing was sent to the helpdesk. */
    SHADOW
}
