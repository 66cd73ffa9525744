package dev.deskassist.core.pipeline;

/**
 * Whether the pipeline writes to the helpdesk. In {@link #SHADOW} mode every run reads the ticket,
 * decides and records as usual, and sends nothing at all to the helpdesk (no tag, field, note or
 * reply), so a team can watch its decisions on live traffic before going live.
 */
public enum RunMode {
    /** Plans are applied to the helpdesk (the default). */
    LIVE,
    /** Plans are recorded with the outcome {@link dev.deskassist.core.audit.WriteOutcome#SHADOW} and never applied. */
    SHADOW
}
