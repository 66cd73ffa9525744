package dev.deskassist.core.triage;

import dev.deskassist.core.model.Ticket;

/** Decides language, sentiment, style, entities, category, priority, routing and escalation for a ticket. */
@FunctionalInterface
public interface Triage {

    TriageResult triage(Ticket ticket);
}
