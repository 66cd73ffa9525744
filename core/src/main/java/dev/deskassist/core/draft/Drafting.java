package dev.deskassist.core.draft;

import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.TriageResult;

/** Writes a reply draft for a ticket, grounded in the knowledge base and shaped by its triage. */
@FunctionalInterface
public interface Drafting {

    Draft draft(Ticket ticket, TriageResult triage);
}
